import type { QuestionKind } from './classifyQuestion.js';
import {
  FRENCH_FUNCTION_WORDS,
  MONTHS,
  ROLE_NOUNS,
  WEEKDAYS,
  WORD_END as E,
  WORD_START as B,
  foldSameLength,
  foldWord,
  lookUpPlace,
  wordSet,
} from './lexicon.js';

/*
 * Answer candidates: the spans of a French news sentence that could answer a question of a given kind (a date for
 * "quand", a number with its noun for "combien", a name for "qui", a place for "où", a causal clause for
 * "pourquoi"). Rules come from French grammar (prepositions, determiners, capitalisation, verbs of saying), plus
 * short general word lists (months, countries, roles); they were checked on a sample of OrangeSum news sentences.
 * Dates, durations, quantities and reasons are found by regular expressions over a folded copy of the sentence
 * (same length, so offsets carry over); names, organisations and places by walking the words with their case.
 */

/** The kinds of span that can answer a question (see `candidateTypesFor`). */
export type CandidateType = 'date' | 'quantity' | 'duration' | 'person' | 'organisation' | 'place' | 'reason';

/** A span of a sentence that could answer a question: `text === sentence.slice(start, end)`. */
export interface Candidate {
  readonly type: CandidateType;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const TYPES_BY_KIND: Readonly<Record<QuestionKind, readonly CandidateType[]>> = {
  since: ['date', 'duration'],
  duration: ['duration', 'date'],
  when: ['date'],
  quantity: ['quantity'],
  withWhom: ['person', 'organisation', 'place'],
  who: ['person', 'organisation'],
  // "Qui est X ?" is answered by what the text says X is (an apposition), not by a typed span.
  definition: [],
  where: ['place'],
  why: ['reason'],
  // Manner ("en renforçant…", "par décret") has no span type of its own; sentence scoring does the work.
  how: [],
  what: [],
  keywords: [],
};

/**
 * Which candidate types answer a question kind, most wanted first ('since' → date then duration; 'who' → person
 * then organisation, since "qui" is often answered by an institution: "la Maison-Blanche a dit…"). Empty for kinds
 * whose answer is not a typed span (what, how, definition, keywords).
 */
export function candidateTypesFor(kind: QuestionKind): readonly CandidateType[] {
  return TYPES_BY_KIND[kind];
}

/** All spans of the given types in a sentence, offsets into `sentence`, sorted by position. */
export function findCandidates(sentence: string, types: readonly CandidateType[]): Candidate[] {
  const analysis = new SentenceAnalysis(sentence);
  const out: Candidate[] = [];
  for (const type of new Set(types)) {
    for (const span of analysis.spans(type)) {
      out.push({ type, start: span.start, end: span.end, text: sentence.slice(span.start, span.end) });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

interface Span {
  readonly start: number;
  readonly end: number;
}

// ——————————————————————————————————— regular-expression vocabulary (folded text) ———————————————————————————————————

const S = '\\s+';
const MONTH = `(?:${MONTHS.join('|')})`;
const WEEKDAY = `(?:${WEEKDAYS.join('|')})`;
const DAY = '(?:1er|1re|premier|[12]\\d|3[01]|0?[1-9])';
const YEAR = '(?:19\\d\\d|20\\d\\d)';
/** After a day and a month, any four-digit number is a year ("le 29 janvier 1836"). */
const ANY_YEAR = '(?:1\\d\\d\\d|20\\d\\d)';
const PART_OF_DAY = '(?:matin|soir|midi|apres-midi|soiree|matinee|nuit)';
const TIME_UNIT =
  '(?:secondes?|minutes?|heures?|jours?|journees?|nuits?|semaines?|mois|ans|an|annees?|decennies?|siecles?|trimestres?|semestres?|week-ends?)';
/** Spelled-out numbers, longest first so that "cinquante" is not read as "cinq". */
const NUMBER_WORD =
  '(?:quatre-vingt-dix|quatre-vingts?|soixante-dix|dix-sept|dix-huit|dix-neuf|cinquante|quarante|soixante|quatorze|trente|vingt|seize|quinze|treize|douze|onze|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|cents?|mille)';
const NUMBER_WORD_RE = new RegExp(`^${NUMBER_WORD}$`, 'u');
const SPELLED = `${NUMBER_WORD}(?:(?:-et-|${S}et${S}|-|${S})(?:${NUMBER_WORD}|un|une)${E})*`;
const APPROXIMATE = `(?:une${S})?(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine)${S}(?:de${S}|d')`;

/** What may stand before a date and belongs to it ("jusqu'au 9 janvier", "depuis 2014", "d'ici mi-février"). */
const DATE_PREFIX = [
  "jusqu'au", "jusqu'a la", "jusqu'a", "jusqu'en", `depuis${S}le`, 'depuis', `des${S}le`, 'des',
  `a${S}partir${S}du`, `a${S}partir${S}de`, `a${S}partir${S}d'`, `a${S}compter${S}du`, `a${S}compter${S}de`,
  `d'ici${S}a${S}la`, `d'ici${S}au`, `d'ici${S}a`, `d'ici${S}le`, `d'ici${S}la`, "d'ici", `avant${S}le`, 'avant',
  `apres${S}le`, 'apres', `entre${S}le`, 'le', 'du', 'au', 'en', 'vers', 'les', 'ce', 'cette',
].join('|');

const DATE_CORES = [
  // 10/01/2022, 10.01.2022, 2022-01-10
  `\\d{1,2}[/.]\\d{1,2}[/.](?:\\d{4}|\\d{2})(?!\\d)`,
  `${YEAR}-[01]\\d-[0-3]\\d`,
  // du 10 au 12 janvier, les 10 et 11 janvier, 10-12 janvier
  `(?:${WEEKDAY}${S})?${DAY}(?:${S}${MONTH})?${S}?(?:au|et|ou|-)${S}?(?:${WEEKDAY}${S})?${DAY}${S}${MONTH}(?:${S}${YEAR})?`,
  // mardi 28 décembre 2021, le 1er mars
  `(?:${WEEKDAY}${S})?${DAY}${S}${MONTH}(?:${S}${ANY_YEAR})?`,
  // mi-février, fin janvier, début 2022, à la mi-janvier
  `(?:(?:a${S}la|la|a)${S})?(?:mi-|mi${S}|fin${S}|debut${S}|courant${S}|fin${S}de${S}|debut${S}de${S})(?:${MONTH}(?:${S}${YEAR})?|${YEAR})`,
  // au mois de janvier
  `(?:au|le)${S}mois${S}(?:de${S}|d')${MONTH}(?:${S}${YEAR})?`,
  `${MONTH}(?:${S}${YEAR}|${S}(?:dernier|prochain))?`,
  // dans la nuit de mardi à mercredi, dans la soirée de jeudi
  `(?:dans${S})?la${S}nuit${S}(?:de|du)${S}${WEEKDAY}${S}(?:a|au)${S}${WEEKDAY}`,
  `(?:dans${S})?la${S}(?:nuit|soiree|matinee|journee)${S}(?:de|du)${S}${WEEKDAY}`,
  // jeudi, lundi dernier, mardi soir
  `${WEEKDAY}(?:${S}(?:${PART_OF_DAY}|dernier|prochain|precedent|suivant))?(?:${S}(?:dernier|prochain))?`,
  // relative to the time of writing
  `avant-hier|apres-demain|aujourd'hui|(?:hier|demain)(?:${S}(?:soir|matin|midi|apres-midi))?`,
  `ce${S}(?:matin|soir|midi|week-end|mois-ci|printemps)|cet${S}(?:apres-midi|ete|hiver|automne)|cette${S}(?:nuit|semaine|annee)`,
  `(?:la|le)${S}(?:veille|lendemain|surlendemain)|l'avant-veille`,
  `(?:la${S}semaine|le${S}mois|le${S}week-end|le${S}trimestre|le${S}semestre|l'an|l'annee|l'ete|l'hiver|l'automne|le${S}printemps)${S}(?:derniere?|prochaine?|passee?|precedente?|suivante?)`,
  `(?:(?:dans|au${S}cours)${S}(?:des|les)${S}|ces${S})(?:prochains|prochaines|derniers|dernieres)${S}(?:jours|semaines|mois|annees|heures|decennies)`,
  `dans${S}les${S}(?:heures|jours|semaines|mois|annees)(?:${S}et${S}les${S}(?:heures|jours|semaines|mois|annees))?${S}(?:a${S}venir|qui${S}viennent)`,
  `(?:il${S}y${S}a|d'ici(?:${S}a)?|dans)${S}(?:\\d+|${SPELLED}|un|une|quelques|plusieurs)${S}${TIME_UNIT}`,
  `(?:a${S}la|d'ici${S}la|d'ici${S}a${S}la|en)${S}(?:fin|debut)${S}(?:de${S}l'annee|de${S}l'an|du${S}mois|de${S}la${S}semaine|d'annee|de${S}mois|de${S}semaine|de${S}journee|de${S}matinee|de${S}soiree|d'apres-midi)`,
  `(?:au|du)${S}(?:debut|milieu)${S}(?:de${S}l'annee|du${S}mois|de${S}la${S}semaine)`,
  // les années 1990, les années 90
  `(?:les${S})?annees${S}(?:19|20)?\\d0${E}`,
  // au XXe siècle
  `(?:\\d{1,2}|[xvi]{1,5})(?:e|eme|er)${S}siecle`,
  // 14h30, 14 h 30, à 14 heures, à midi
  `\\d{1,2}${S}?h${S}?[0-5]\\d`,
  `(?:a|vers|des|avant|apres|jusqu'a)${S}(?:\\d{1,2}${S}?h|\\d{1,2}${S}heures(?:${S}[0-5]\\d)?|midi|minuit)`,
].join('|');

const DATE_RE = new RegExp(`${B}(?:(?:${DATE_PREFIX})${S}(?:["«“]\\s*)?)?(?:${DATE_CORES})${E}`, 'gu');

/** Prefixes that make a bare number a year whatever follows ("en 2014", "depuis 1997"). */
const STRONG_YEAR_PREFIX = `jusqu'en|jusqu'a|depuis|des|en|d'ici(?:${S}a)?|avant|apres|vers|fin|debut|courant|l'an|l'annee|l'ete|l'hiver|l'automne|le${S}printemps|au${S}printemps|a${S}partir${S}de|a${S}l'horizon`;
const YEAR_RE = new RegExp(
  `${B}(?:(mi-|(?:${STRONG_YEAR_PREFIX})${S}))?(1\\d\\d\\d|20\\d\\d)(?![\\p{L}\\p{M}\\p{N}]|[.,]\\d|[ \\u00a0\\u202f]\\d{3}(?!\\d))`,
  'gu',
);

/** A number in digits: "100 000" (space, U+00A0 or U+202F between thousands), "3.076", "8,5", "2.5". */
const NUMERAL = `(?:\\d{1,3}(?:[ \\u00a0\\u202f.]\\d{3})+(?:,\\d+)?|\\d+\\.\\d{1,2}(?!\\d)|\\d+(?:,\\d+)?)`;
const DURATION_PREFIX = `pendant|durant|depuis|en|pour|sur|au${S}bout${S}de|au${S}bout${S}d'|apres|voila|cela${S}fait|ca${S}fait|fait|de|d'`;
const AMOUNT_MODIFIER = `plus${S}de|plus${S}d'|moins${S}de|moins${S}d'|pres${S}de|pres${S}d'|environ|au${S}moins|d'au${S}moins|quelque|pas${S}moins${S}de|a${S}peine|seulement|bien|deja|presque|quasiment|un${S}peu${S}plus${S}de|un${S}peu${S}moins${S}de|jusqu'a|d'environ|autour${S}de|un${S}total${S}de`;
const DURATION_RE = new RegExp(
  `${B}(?:(${DURATION_PREFIX})${S})?(?:(?:${AMOUNT_MODIFIER})${S})?(${NUMERAL}|${SPELLED}|quelques|plusieurs|de${S}(?:longs|longues|nombreux|nombreuses)|${APPROXIMATE}|une|un|des)${S}(?:(?:bonnes?|longues?|longs|petites?|derniers?|dernieres?|prochains?|prochaines?|premiers?|premieres?)${S})?(${TIME_UNIT})${E}`,
  'gu',
);
/**
 * Nouns that take a length of time with "de" ("une peine de dix ans", "un mandat de cinq ans"). After any other
 * noun, "de N ans" is an age ("un homme de 45 ans", "l'actrice de 69 ans"), which is far more common in news.
 */
const DURATION_HOLDERS = wordSet(`
  peine peines condamnation mandat mandats contrat contrats periode duree delai absence regne exil detention
  reclusion guerre conflit programme plan bail engagement interdiction suspension moratoire treve sejour carriere
  mission retard attente silence captivite emprisonnement pause conge sursis prison travaux chantier voyage trajet
  marche greve confinement quarantaine isolement negociations pourparlers campagne service garantie ban exclusion
`);
/** What follows a prison sentence: "dix ans de prison", "deux ans ferme". */
const PRISON_TERM = /^\s+(?:de\s+(?:prison|reclusion|detention|travaux|reclusion)|ferme|avec\s+sursis)/;
/** After these words "N heures" is a time of day ("à 14 heures", "aux alentours de 13 heures"). */
const TIME_OF_DAY_BEFORE = /(?:^|\s)(?:a|vers|des|avant|jusqu'a|alentours\s+de|environs\s+de|partir\s+de)\s+$/;

const MULTIPLIER =
  '(?:millions?|milliards?|milliers?|mille|billions?|centaines?|dizaines?|douzaines?|vingtaines?|trentaines?|quarantaines?|cinquantaines?|soixantaines?|md|mds|mrd|mrds)';
const MULTIPLIER_CHAIN = `${MULTIPLIER}(?:${S}(?:de${S}|d')${MULTIPLIER})*`;
/** "des milliers", "des dizaines de milliers" ("mille" only follows a number: "des mille collines" is a name). */
const PLURAL_MULTIPLIER_CHAIN = `(?!mille${E})${MULTIPLIER_CHAIN}`;
const QUANTITY_NUMBER = `(?:${NUMERAL}(?:${S}${MULTIPLIER_CHAIN})?|(?:un|une)${S}${MULTIPLIER_CHAIN}|${SPELLED}(?:${S}${MULTIPLIER_CHAIN})?|(?:des|plusieurs|quelques|de${S}nombreux|de${S}nombreuses|les)${S}${PLURAL_MULTIPLIER_CHAIN})`;
const QUANTITY_RE = new RegExp(
  `${B}(?:(${AMOUNT_MODIFIER})${S})?(${QUANTITY_NUMBER})(?:${S}?(?:a|et|ou|-)${S}?(${QUANTITY_NUMBER}))?${E}`,
  'gu',
);
const TIME_UNIT_RE = new RegExp(`^${TIME_UNIT}$`, 'u');
const MONTH_RE = new RegExp(`${B}${MONTH}${E}`, 'u');
const MULTIPLIER_RE = new RegExp(`${B}${MULTIPLIER}${E}`, 'u');
/** Adjectives placed before the noun they qualify ("deux nouveaux cas"). */
const PRENOMINAL_ADJECTIVES = wordSet(`
  petit petits petite petites grand grands grande grandes nouveau nouveaux nouvel nouvelle nouvelles principal
  principaux principale principales jeune jeunes premier premiers premiere premieres dernier derniers derniere
  dernieres autre autres vrai vrais vraie vraies gros grosse grosses bon bons bonne bonnes mauvais mauvaise
  mauvaises seul seuls seule seules long longs longue longues vieux vieille vieilles beau beaux belle belles haut
  hauts haute hautes ancien anciens ancienne anciennes futur futurs future futures
`);
/** Units written as symbols or short words after a number. */
const UNIT_AFTER = /^(?:[ \u00a0\u202f]?(?:%|‰|€|\$|£|¥)|[ \u00a0\u202f](?:pour cent|pourcent|points? de pourcentage|km2|km²|m2|m²|km\/h|km|kg|mw|gw|kwh|twh|ha|cm|mm)(?![\p{L}\p{N}]))/u;
/** Nouns that give a number a label, not a count ("article 5", "saison 3"). */
const LABEL_NOUNS = wordSet(`
  article articles alinea chapitre page pages numero n° no resolution saison ligue tome volume version episode acte
  etape niveau phase section paragraphe division classe porte quai groupe poule zone ligne route lot
`);

/** Markers of a cause or purpose; the reason runs from the marker to the end of its clause. */
const REASON_MARKERS = [
  `parce${S}qu'`, `parce${S}que`, "puisqu'", 'puisque', 'car',
  `en${S}raison${S}(?:de${S}la|de${S}l'|des|du|de|d')`, `a${S}cause${S}(?:de${S}la|de${S}l'|des|du|de|d')`,
  `grace${S}(?:a${S}la|a${S}l'|aux|au|a)`, `du${S}fait${S}(?:de${S}la|de${S}l'|des|du|de|d'|que|qu')`,
  `afin${S}(?:de|d'|que|qu')`, `dans${S}le${S}but${S}(?:de|d')`, `en${S}vue${S}(?:de|d')`, `pour${S}que`, "pour qu'",
  `pour${S}(?:des${S}raisons|raison|cause)${S}(?:de|d')`, `faute${S}(?:de|d')`,
  `face${S}(?:a${S}la|a${S}l'|aux|au|a)`, `en${S}(?:reponse|reaction|riposte|represailles)${S}(?:a${S}la|a${S}l'|aux|au|a)`,
  `suite${S}(?:a${S}la|a${S}l'|aux|au|a)`, `a${S}la${S}suite${S}(?:de${S}la|de${S}l'|des|du|de|d')`, "apres qu'", `apres${S}que`,
  `etant${S}donne(?:${S}que|${S}qu')?`, `vu${S}que`, `compte${S}tenu${S}(?:de${S}la|de${S}l'|des|du|de|d')`,
  `(?:de|par)${S}(?:peur|crainte)${S}(?:de|d'|que|qu')`, `sous${S}pretexte${S}(?:de|d'|que|qu')`,
  `en${S}signe${S}(?:de|d')`, `dans${S}l'espoir${S}(?:de|d'|que|qu')`, `pour${S}protester${S}contre`,
  `(?:a|ont|avait|avaient|aurait|auraient|a${S}deja)${S}fait${S}craindre`, `(?:faisant|fait|font)${S}craindre`,
  `c'est${S}pourquoi`, `c'est${S}pour${S}cela${S}que`, `c'est${S}la${S}raison${S}pour${S}laquelle`,
  `s'explique${S}par`, `s'expliquent${S}par`, `motivee?s?${S}par`, `justifiee?s?${S}par`,
  // "pour" + infinitive (checked in code): "pour éviter une guerre", "pour ne pas provoquer…"
  `pour(?:${S}ne${S}pas|${S}n'|${S}ne)?(?:${S}(?:se|s'|y|en|lui|leur|me|m'|nous|vous))?${S}(?=[\\p{L}])`,
].join('|');
const REASON_RE = new RegExp(`${B}(?:${REASON_MARKERS})(?:(?<=['\\s])|${E})`, 'gu');
/** Words ending like an infinitive that are not one ("pour notre", "pour autre chose"). */
const NOT_INFINITIVES = wordSet(`
  notre votre leur autre entre contre quatre premier premiere dernier derniere hier cher chere mer fer hiver super
  leader quartier dossier janvier fevrier metier entier entiere soir espoir pouvoir devoir savoir pire titre lettre
  centre ordre nombre membre maitre mettre
`);

// ——————————————————————————————————— word lists for names, organisations, places ———————————————————————————————————


/** Capitalised words that are not names: titles, ministry domains, calendar and compass words. */
const CAPITALISED_COMMON = wordSet(`
  président présidente premier première ministre monsieur madame mademoiselle général générale docteur maître saint
  sainte état états etat etats affaires étrangères défense intérieur justice santé économie armées armée travail
  éducation culture agriculture finances transition écologique sports outre-mer est ouest nord sud an nouvel guerre
  mondiale seconde dieu internet covid covid-19 coronavirus sida brexit noël pâques ramadan toussaint côté selon
  mais les des une pour plus cela ainsi alors face outre après avant depuis pendant république gouvernement
  assemblée sénat parlement conseil commission union cour tribunal alliance sécurité coopération nations unies
  fédération palais place rue avenue boulevard église mosquée égalité solidarités solidarité logement environnement
  numérique industrie commerce tourisme jeunesse retraites handicap citoyenneté enseignement recherche innovation
  ruralité territoires cohésion fonction publique comptes budget relance famille enfance autonomie miss ville haute
  haut constitution trésor
`);

/** Particles inside personal names: "Charles de Gaulle", "Ursula von der Leyen". */
const NAME_PARTICLES = new Set(['de', 'du', "d'", 'von', 'van', 'der', 'den', 'da', 'di', 'del', 'della', 'dos', 'das', 'bin', 'ben', 'ibn', 'el', 'al', 'ter', 'zu']);
/** Title abbreviations before a surname. */
const TITLE_ABBREVIATIONS = new Set(['M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Me', 'Dr', 'Pr', 'Mgr']);
/** First words of place names that look like first names ("à New York", "à Saint-Louis", "à Rio de Janeiro"). */
const PLACE_FIRST_WORDS = wordSet(`
  saint sainte san santa new los las le la les port fort mont rio sao são tel abou abu kuala hong sri costa buenos
  bad porto ciudad el al ville île iles îles lac cap golfe mer mont
`);
/** Adjectives that often follow a country ("la Syrie voisine", "la France entière"): not verbs. */
const NOT_VERBS_AFTER_PLACE = wordSet(`
  voisin voisine voisins voisines entier entière entiers entières profond profonde même elle-même lui-même seul
  seule natal natale actuel actuelle ancien ancienne post-soviétique
`);
/** Endings of nouns of inhabitants ("Parisiens", "Polonaise", "Marocain"), which name people, not places. */
const DEMONYM = /(?:iens?|iennes?|ais|aise|aises|ains?|aines?|ois|oise|oises|eens?|eennes?|ains)$/;
/** Geographic adjectives that continue a place name ("en Ukraine orientale", "en Arabie saoudite"). */
const PLACE_ADJECTIVES = wordSet(`
  orientale oriental occidentale occidental centrale central septentrionale méridionale saoudite latine équatoriale
  unis arabes continentale insulaire française britannique
`);

/** Verbs (and auxiliaries, clitics, negation) that follow a subject: "Poutine a déclaré", "Lavrov estime". */
const SUBJECT_VERBS = wordSet(`
  a ont avait avaient aura auront aurait auraient est sont était étaient sera seront serait seraient fut
  va vont doit doivent peut peuvent veut veulent devrait devraient pourrait pourraient vient viennent tient tiennent
  fait font ne n' se s' y lui leur l' lui-même elle-même
  dit disent déclare déclarent affirme affirment assure assurent estime estiment annonce annoncent indique indiquent
  explique expliquent ajoute ajoutent souligne soulignent avertit avertissent prévient préviennent répond répondent
  rappelle rappellent insiste insistent confirme confirment juge jugent reconnaît reconnaissent précise précisent
  souhaite souhaitent demande demandent exige exigent réclame réclament accuse accusent dénonce dénoncent
  martèle martèlent menace menacent promet promettent refuse refusent rejette rejettent salue saluent appelle
  appellent condamne condamnent critique critiquent espère espèrent craint craignent pense pensent considère
  considèrent propose proposent évoque évoquent plaide plaident soutient soutiennent écrit écrivent réagit
  réagissent lance lancent qualifie qualifient regrette regrettent déplore déplorent nie nient dément démentent
  admet admettent envisage envisagent prévoit prévoient tente tentent cherche cherchent compte comptent entend
  entendent signe signent rencontre rencontrent reçoit reçoivent dirige dirigent quitte quittent arrive arrivent
  continue continuent poursuit poursuivent accepte acceptent ordonne ordonnent décide décident publie publient
  raconte racontent témoigne témoignent confie confient note notent observe observent conclut concluent
  commente commentent tweete tweetent prône prônent s'est s'était
`);
/** Verbs after which "à X" is a person, not a place ("a dit à Macron"). */
const DATIVE_VERBS = wordSet(`
  dit dire demandé demander demande répondu répondre répond écrit écrire téléphoné téléphoner parlé parler annoncé
  annoncer proposé proposer promis promettre rappelé rappeler expliqué expliquer assuré assurer lancé adressé
  adressée adressés adressées envoyé envoyée envoyés envoyées remis remise succédé succéder reproché reprocher
  conseillé conseiller confié confier déclaré déclarer indiqué indiquer répété comprendre savoir craindre livré
  livrer fourni fournir donné donner offert offrir apporté apporter transmis transmettre remettre remettra présenté
  présenter montré montrer garanti garantir permis permettre interdit interdire ordonné ordonner suggéré suggérer
  recommandé recommander posé poser rendu rendre adresse adresser succède demandait disait
`);
/** Past participles and present forms of verbs of saying, which put the speaker after them ("a déclaré Lavrov"). */
const SPEECH_BEFORE_SUBJECT = wordSet(`
  déclaré dit ajouté affirmé estimé indiqué expliqué souligné assuré précisé rappelé poursuivi insisté martelé
  lancé répondu averti prévenu confié commenté résumé reconnu noté annoncé tweeté écrit conclu jugé observé
  déclare ajoute affirme estime indique explique souligne assure précise rappelle poursuit insiste martèle lance
  répond avertit prévient confie commente résume reconnaît note annonce écrit conclut juge observe raconte
  témoigne détaille analyse regrette déplore dénonce interroge s'interroge
`);
/** Determiners: a capitalised word after one is not a bare surname ("la Russie a dit" is not a person). */
const DETERMINERS = wordSet("le la les l' un une des du au aux ce cet cette ces son sa ses leur leurs");
const POSSESSIVES = wordSet('son sa ses leur leurs notre nos votre vos mon ma mes');
/** Openers that may precede a sentence's subject ("Mais Moscou a…"). */
const SENTENCE_OPENERS = wordSet(`
  mais et or donc ainsi alors pourtant cependant enfin puis ensuite aussi déjà là
`);

/** News media: organisations, never places ("a confié au Parisien", "selon Le Figaro"). */
const MEDIA = wordSet(`
  parisien figaro libération monde point express obs humanité échos jdd bfmtv lci tf1 rtl rmc cnews franceinfo
  arte mediapart marianne l'équipe afp reuters bloomberg cnn bbc cnbc nbc abc cbs fox
`);
/** Institutions known by one name, with the article they take ("le Kremlin"). */
const INSTITUTIONS = wordSet(`
  kremlin pentagone élysée elysée maison-blanche matignon vatican bundestag douma knesset congrès sénat parlement
  bercy saint-siège beauvau otan onu unesco unicef interpol europol frontex opep nasa fifa uefa insee medef hamas
  hezbollah daech taliban talibans reuters bloomberg interfax tass xinhua gazprom
`);
/** Institution names in several words. */
const INSTITUTION_PHRASES = ["quai d'orsay", 'maison blanche', 'la république en marche', 'dauphiné libéré', 'ouest-france', 'sud ouest', 'paris match', 'europe 1', 'france inter', 'france info', 'france 2', 'france 3', 'france 5', 'le point', "l'express", 'les échos', "l'humanité", 'la croix', 'libération', 'downing street', 'ria novosti', 'associated press', 'new york times', 'washington post', 'wall street journal', 'financial times', 'le monde', 'le figaro', 'le parisien', 'al-jazeera', 'al jazeera', 'france 24', 'etat islamique', 'état islamique'];
/** Institutions named after their building, which are also places ("reçu au Kremlin"). */
const BUILDINGS = wordSet(`
  kremlin pentagone élysée elysée maison-blanche matignon vatican bercy beauvau saint-siège
`);
/** Heads of multi-word organisation names ("Conseil de sécurité", "Union européenne", "Cour pénale internationale"). */
const ORGANISATION_HEADS = wordSet(`
  conseil commission cour assemblée parlement banque agence organisation union fédération ligue parti comité
  tribunal fonds office institut alliance armée garde sénat congrès église mouvement conférence fondation
  association syndicat confédération autorité haut-commissariat direction préfecture mairie gendarmerie police
  croix-rouge nations force forces front rassemblement ministère département état-major
`);
/** Acronyms that are not organisations. */
const NOT_ORGANISATION_ACRONYMS = new Set([
  'PDG', 'CEO', 'DG', 'OK', 'TV', 'PIB', 'TVA', 'SMS', 'GPS', 'COVID', 'SIDA', 'ADN', 'USD', 'EUR', 'CO2', 'NB', 'VIH',
  'JO', 'HT', 'TTC', 'DJ', 'JT', 'CSG', 'PEL', 'TNT', 'VTC', 'SUV', 'LGBT', 'RSA', 'RER', 'TGV', 'PS4', 'USB', 'PDF', 'AM', 'PM', 'KO', 'QG', 'RTT', 'CDD', 'CDI', 'SMIC', 'HLM', 'BAC', 'IVG', 'PMA', 'ARN',
]);
const ROMAN_NUMERAL = /^[IVXLCDM]+$/;
/** Lower-case words that continue an organisation name ("Union européenne", "Nations unies"). */
const ORGANISATION_ADJECTIVE = /(?:een|eenne|eens|al|ale|aux|ales|ique|iques|aire|aires|ien|ienne|iens|iennes|ais|aise|ain|aine|el|elle|if|ive|ois|oise|unies|uni|ere|eres|e)$/;
/** Adjective endings for role complements ("le ministre russe des Affaires étrangères Lavrov"). */
const ADJECTIVE_ENDING = /(?:e|es|ais|ain|ains|ien|iens|al|aux|if|ifs|ois|ique|iques)$/;

/** Prepositions before a place ("à Genève", "près de la frontière"). Longest first. */
const PLACE_PREPOSITIONS: readonly (readonly string[])[] = [
  ['a', 'destination', 'de'], ['a', 'destination', "d'"], ['en', 'direction', 'de'], ['en', 'direction', "d'"],
  ['en', 'provenance', 'de'], ['en', 'provenance', "d'"], ['au', 'large', 'de'], ['au', 'large', "d'"],
  ['a', 'proximite', 'de'], ['a', 'proximite', "d'"], ['aux', 'abords', 'de'], ['le', 'long', 'de'],
  ['pres', 'de'], ['pres', "d'"], ['autour', 'de'], ['partout', 'en'], ['a', 'travers'], ["jusqu'", 'a'],
  ["jusqu'", 'en'], ["jusqu'", 'au'], ['a'], ['en'], ['au'], ['aux'], ['dans'], ['vers'], ['depuis'], ['sur'],
];
/** Nouns of places that need no name to be a place answer ("près de la frontière", "sur le front"). */
const SPATIAL_NOUNS = wordSet(`
  frontière frontières territoire territoires sol front côte côtes rive rives enclave est ouest nord sud nord-est
  nord-ouest sud-est sud-ouest large mer océan
`);
/** Points of the compass: "dans l'est", "au nord de", but "en est" is a verb. */
const COMPASS = wordSet(`
  est ouest nord sud nord-est nord-ouest sud-est sud-ouest centre
`);
/** Nouns of places that need a complement or an adjective ("dans la région de Donetsk", "dans la capitale ukrainienne"). */
const SPATIAL_NOUNS_WITH_COMPLEMENT = wordSet(`
  pays ville villes région régions capitale province provinces zone zones village villages localité base port
  péninsule presqu'île oblast république département commune centre
`);

// ——————————————————————————————————————————————— tokens ———————————————————————————————————————————————

interface Token {
  /** Position in the token list. */
  readonly index: number;
  readonly text: string;
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  readonly isWord: boolean;
  /** Starts with a capital and has lower-case letters ("Genève", "Jean-Yves", "al-Assad"). */
  readonly capitalised: boolean;
  /** All capitals, two characters or more ("OTAN", "G7"). */
  readonly acronym: boolean;
}

const ELISION = /^((?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’])(.+)$/iu;

function tokenise(sentence: string): Token[] {
  const tokens: Token[] = [];
  const push = (text: string, start: number): void => {
    const isWord = /[\p{L}\p{N}]/u.test(text);
    tokens.push({
      index: tokens.length,
      text,
      folded: foldWord(text),
      start,
      end: start + text.length,
      isWord,
      // "XVIIe" (a century) is an ordinal, not a capitalised word.
      capitalised:
        isWord &&
        !/^(?:[IVX][IVXLCDM]*|[LCDM][IVXLCDM]+)(?:e|er|ème)$/u.test(text) &&
        ((/^\p{Lu}/u.test(text) && /\p{Ll}/u.test(text)) || /^(?:al|el|ben|bin|abu|abou|ibn)-\p{Lu}/u.test(text)),
      acronym: isWord && /^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(text) && /\p{Lu}.*\p{Lu}|\p{Lu}\p{N}/u.test(text),
    });
  };
  for (const m of sentence.matchAll(/[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*['’]?|[^\s\p{L}\p{M}\p{N}]/gu)) {
    const elided = ELISION.exec(m[0]);
    if (elided?.[1] !== undefined && elided[2] !== undefined) {
      push(elided[1], m.index);
      push(elided[2], m.index + elided[1].length);
    } else push(m[0], m.index);
  }
  return tokens;
}

/** A sentence and what has been found in it so far; each kind of span is computed once, on demand. */
class SentenceAnalysis {
  private readonly folded: string;
  private readonly cache = new Map<CandidateType, readonly Span[]>();
  private tokenList: Token[] | undefined;
  private readonly gazetteerCache = new Map<number, { last: number; capital: boolean } | undefined>();

  constructor(private readonly sentence: string) {
    this.folded = foldSameLength(sentence);
  }

  spans(type: CandidateType): readonly Span[] {
    let spans = this.cache.get(type);
    if (spans === undefined) {
      spans = this.compute(type);
      this.cache.set(type, spans);
    }
    return spans;
  }

  private compute(type: CandidateType): Span[] {
    switch (type) {
      case 'date':
        return this.dates();
      case 'duration':
        return this.durations();
      case 'quantity':
        return this.quantities();
      case 'reason':
        return this.reasons();
      case 'organisation':
        return this.organisations();
      case 'person':
        return this.persons();
      case 'place':
        return this.places();
    }
  }

  private get tokens(): Token[] {
    this.tokenList ??= tokenise(this.sentence);
    return this.tokenList;
  }

  // ——— dates ———

  private dates(): Span[] {
    const spans: Span[] = [];
    for (const m of this.folded.matchAll(DATE_RE)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!this.monthIsMonth(start, end)) continue;
      spans.push({ start, end: this.closeQuote(start, end) });
    }
    for (const m of this.folded.matchAll(YEAR_RE)) {
      const prefix = m[1];
      const year = Number(m[2]);
      const yearStart = m.index + m[0].length - (m[2]?.length ?? 0);
      const end = m.index + m[0].length;
      // "en 2014", "depuis 1997": a year whatever follows, unless a unit does ("en 2000 €" is not French anyway).
      const strong = prefix !== undefined;
      if (strong ? this.unitFollows(end) : year < 1900 || this.isCount(yearStart, end)) continue;
      // The tail of a bigger number ("1 2000") is not a year.
      if (/\d[ \u00a0\u202f.,]$/.test(this.folded.slice(Math.max(0, yearStart - 2), yearStart))) continue;
      spans.push({ start: strong ? m.index : yearStart, end });
    }
    return mergeSpans(spans, this.sentence);
  }

  /** A month name in capitals mid-sentence is something else ("la planète Mars", "Mai" a first name). */
  private monthIsMonth(start: number, end: number): boolean {
    const text = this.sentence.slice(start, end);
    if (/\d/.test(text) || start === 0) return true;
    const m = MONTH_RE.exec(this.folded.slice(start, end));
    if (m === null) return true;
    const at = start + m.index;
    return /\p{Ll}/u.test(this.sentence.charAt(at));
  }

  /** Includes a closing quote when the span opened one: d'ici "mi-février" → d'ici "mi-février". */
  private closeQuote(start: number, end: number): number {
    const text = this.sentence.slice(start, end);
    const straight = (text.match(/"/g) ?? []).length;
    const opened = (text.match(/[«“]/g) ?? []).length;
    const closed = (text.match(/[»”]/g) ?? []).length;
    if (straight % 2 === 0 && opened <= closed) return end;
    const close = /^\s*["»”]/.exec(this.sentence.slice(end));
    return close ? end + close[0].length : end;
  }

  /**
   * A bare number in the range of years is a count when a quantity word stands before it ("plus de 2000",
   * "environ 1500") or a counted noun or unit follows ("2000 soldats", "de 1900 euros"); "frontières de 1997" and
   * "Miss France 2015" stay years.
   */
  private isCount(numberStart: number, end: number): boolean {
    const before = this.folded.slice(Math.max(0, numberStart - 14), numberStart);
    if (/(?:plus|moins|pres|environ|quelque|au moins|au plus|jusqu'a|total|soit)\s+(?:de\s+|d')?$/.test(before)) return true;
    return this.countFollows(end);
  }

  /** A lower-case noun (not a function word, month or unit) right after `end`: "2000 soldats". */
  private nounFollows(end: number): boolean {
    const m = /^[ \u00a0\u202f]+(?:de\s+|d')?(\p{L}[\p{L}-]*)/u.exec(this.folded.slice(end));
    const word = m?.[1];
    if (word === undefined) return false;
    const original = this.sentence.slice(end).trimStart();
    if (/^\p{Lu}/u.test(original)) return false;
    return !FRENCH_FUNCTION_WORDS.has(word) && !MONTHS.includes(word) && word.length > 1;
  }

  private unitFollows(end: number): boolean {
    return UNIT_AFTER.test(this.folded.slice(end));
  }

  /** A number followed by a unit or a counted noun is an amount, even in the range of years ("1500 euros"). */
  private countFollows(end: number): boolean {
    return this.unitFollows(end) || this.nounFollows(end);
  }

  // ——— durations ———

  private durations(): Span[] {
    const spans: Span[] = [];
    for (const m of this.folded.matchAll(DURATION_RE)) {
      const prefix = m[1];
      const amount = m[2] ?? '';
      const unit = m[3] ?? '';
      const start = m.index;
      const end = start + m[0].length;
      const before = this.folded.slice(Math.max(0, start - 30), start);
      const strongPrefix = prefix !== undefined && prefix !== 'de' && prefix !== "d'";
      // "un an", "des mois" are durations only after "pendant", "depuis"… ("un jour, il…" is not).
      if (/^(?:un|une|des)$/.test(amount) && !strongPrefix) continue;
      if (amount === 'des' && /^annees/.test(unit) && /^\s+(?:19|20)?\d0/.test(this.folded.slice(end))) continue;
      // "il y a deux ans", "dans trois jours", "d'ici deux semaines" point to a date.
      if (prefix === undefined && /(?:il\s+y\s+a|dans|d'ici(?:\s+a)?)\s+$/.test(before)) continue;
      // "à 14 heures" is a time of day.
      if (/^heures?$/.test(unit) && TIME_OF_DAY_BEFORE.test(before) && prefix === undefined) continue;
      if (/^ans?$/.test(unit) && this.isAge(start, end, prefix, before)) continue;
      // "à trois mois des élections" is a distance in time ("condamné à deux ans de prison" is not); "Télé 7 jours"
      // is a title.
      if (prefix === undefined && /[àÀ]\s+$/u.test(this.sentence.slice(Math.max(0, start - 3), start)) && !PRISON_TERM.test(this.folded.slice(end))) continue;
      if (prefix === undefined && this.afterName(start)) continue;
      // "une peine de dix ans" → "dix ans": "de" links the duration to its noun and is left out.
      const spanStart = prefix === 'de' || prefix === "d'" ? start + prefix.length : start;
      spans.push({ start: this.skipSpaces(spanStart), end });
    }
    return mergeSpans(spans, this.sentence);
  }

  /** A capitalised word (not the first of the sentence) right before `at`: "France 2", "Télé 7 jours". */
  private afterName(at: number): boolean {
    const previous = this.tokens.findLast((t) => t.end <= at);
    if (previous === undefined || !(previous.capitalised || previous.acronym) || previous === this.tokens[0]) return false;
    if (MONTHS.includes(previous.folded) || WEEKDAYS.includes(previous.folded)) return false;
    return /^[ \u00a0\u202f]+$/u.test(this.sentence.slice(previous.end, at));
  }

  private skipSpaces(at: number): number {
    let i = at;
    while (i < this.sentence.length && /\s/u.test(this.sentence.charAt(i))) i += 1;
    return i;
  }

  /**
   * "âgé de 45 ans", "un homme de 45 ans", "Jean Dupont (45 ans)", "Jean Dupont, 45 ans,", "à 80 ans", "Anne a
   * 30 ans", "ses 18 ans" are ages, not durations ("dix ans de prison" stays a duration).
   */
  private isAge(start: number, end: number, prefix: string | undefined, before: string): boolean {
    if (PRISON_TERM.test(this.folded.slice(end))) return false;
    if (/ag(?:e|ee|es|ees)\s+(?:de\s+|d')?(?:[\p{L}\p{N}-]+\s*(?:,|et|a|ou)\s*)*$/u.test(before)) return true;
    if (prefix === 'de' || prefix === "d'") {
      const noun = /([\p{L}-]+)\s*$/u.exec(before)?.[1];
      return noun === undefined || !DURATION_HOLDERS.has(noun);
    }
    if (prefix !== undefined) return false;
    // "de 40 à 60 ans", "de 18 et 19 ans": the second number of a range of ages.
    if (/(?:^|\s)(?:de|entre)\s+[\p{N}\p{L}-]+\s*(?:a|et|,|ou)\s*$/u.test(before)) return true;
    // "Anne a 30 ans", "à 80 ans", "ses 18 ans", "les 80 ans de sa mère".
    if (/(?:^|\s)(?:a|avait|aura|aurait|ont|avaient|ses|leurs|mes|tes|nos|vos|les)\s+$/.test(before)) return true;
    if (/\(\s*$/.test(before) && /^\s*\)/.test(this.folded.slice(end))) return true;
    if (prefix === undefined && /,\s*$/.test(before) && /^\s*[,)]/.test(this.folded.slice(end))) {
      const previous = /(\S+)\s*,\s*$/.exec(this.sentence.slice(0, start))?.[1] ?? '';
      if (/^\p{Lu}/u.test(previous)) return true;
    }
    return false;
  }

  // ——— quantities ———

  private quantities(): Span[] {
    const excluded = [...this.spans('date'), ...this.spans('duration')];
    const spans: Span[] = [];
    for (const m of this.folded.matchAll(QUANTITY_RE)) {
      const start = m.index;
      const numberText = m[2] ?? '';
      const modifier = m[1];
      let end = start + m[0].length;
      const numberStart = start + m[0].indexOf(numberText, modifier === undefined ? 0 : modifier.length);
      const hasDigits = /\d/.test(numberText);
      const hasMultiplier = MULTIPLIER_RE.test(numberText);
      const before = this.folded.slice(Math.max(0, numberStart - 20), numberStart);
      // "Covid-19", "F-16", "S-400": a number glued to a name.
      if (/[\p{L}]-$/u.test(this.folded.slice(Math.max(0, numberStart - 2), numberStart))) continue;
      // "article 5", "saison 3", "n° 12": labels, not counts.
      const labelWord = /([\p{L}°]+)\.?\s*$/u.exec(before)?.[1];
      if (labelWord !== undefined && LABEL_NOUNS.has(labelWord) && modifier === undefined) continue;
      const noun = this.countedNoun(end, hasMultiplier);
      if (noun === 'time') continue; // "10 jours" is a duration
      if (noun !== undefined) end = noun;
      if (!hasDigits && !hasMultiplier && noun === undefined && modifier === undefined) continue; // "neuf" alone may be "new"
      if (/^(?:les|des|plusieurs|quelques)\s/.test(numberText) && noun === undefined) continue;
      // "les négociations du 10": a day of the month.
      if (noun === undefined && modifier === undefined && /^\d{1,2}$/.test(numberText) && Number(numberText) <= 31 && /(?:^|\s)(?:le|du|au)\s+$/.test(before)) continue;
      // "France 24", "NRJ 12", "Ligue 1": a short number right after a name, with nothing counted.
      if (noun === undefined && modifier === undefined && hasDigits && numberText.length <= 3 && this.afterName(numberStart)) continue;
      // "20 h", "14 h 30": a time of day.
      if (/^[ \u00a0\u202f]?h(?!\p{L})/u.test(this.folded.slice(start + m[0].length))) continue;
      const span = { start, end };
      if (excluded.some((x) => overlaps(x, { start: numberStart, end: start + m[0].length }))) continue;
      spans.push(span);
    }
    return mergeSpans(spans, this.sentence);
  }

  /**
   * What a number counts: a unit symbol ("15,6 %"), "d'euros" after a multiplier, or the noun right after it
   * ("trois personnes"). Returns the new end, 'time' for a time unit (a duration, not a quantity), or undefined.
   */
  private countedNoun(end: number, afterMultiplier: boolean): number | 'time' | undefined {
    const rest = this.folded.slice(end);
    const unit = UNIT_AFTER.exec(rest);
    if (unit) return end + unit[0].length;
    const m = /^[ \u00a0\u202f]+((?:de[ \u00a0\u202f]+|d'))?(\p{L}[\p{L}\p{M}'-]*)/u.exec(rest);
    if (!m || m[2] === undefined) return undefined;
    if (m[1] !== undefined && !afterMultiplier) return undefined;
    const word = m[2];
    const original = this.sentence.slice(end + m[0].length - word.length, end + m[0].length);
    if (TIME_UNIT_RE.test(word)) return 'time';
    if (/^\p{Lu}/u.test(original) && !afterMultiplier) return undefined;
    if (FRENCH_FUNCTION_WORDS.has(word) || SUBJECT_VERBS.has(word) || MONTHS.includes(word) || word.length < 2) return undefined;
    // "trois petits litres", "367 nouveaux décès": an adjective before the noun.
    if (PRENOMINAL_ADJECTIVES.has(word)) {
      const next = /^[ \u00a0\u202f]+(\p{L}[\p{L}\p{M}'-]*)/u.exec(this.folded.slice(end + m[0].length));
      const noun = next?.[1];
      if (next === null || noun === undefined || FRENCH_FUNCTION_WORDS.has(noun) || TIME_UNIT_RE.test(noun)) return undefined;
      return end + m[0].length + next[0].length;
    }
    return end + m[0].length;
  }

  // ——— reasons ———

  private reasons(): Span[] {
    const spans: Span[] = [];
    for (const m of this.folded.matchAll(REASON_RE)) {
      const start = m.index;
      const marker = m[0];
      const afterMarker = start + marker.length;
      if (/^pour/.test(marker) && !/^pour\s+(?:que|qu'|des\s+raisons|raison|cause|protester)/.test(marker)) {
        const verb = /^\s*([\p{L}-]+)/u.exec(this.folded.slice(afterMarker))?.[1] ?? '';
        if (!/(?:er|ir|re|oir)$/.test(verb) || NOT_INFINITIVES.has(verb) || verb.length < 4) continue;
      }
      if (marker === 'car') {
        // "le car", "en car": the coach, not the conjunction.
        if (/(?:le|un|du|au|en|les|des|ce|son|leur)\s+$/.test(this.folded.slice(Math.max(0, start - 6), start))) continue;
      }
      const end = this.clauseEnd(afterMarker);
      const text = this.sentence.slice(start, end);
      if (end - afterMarker < 3 || !/[\p{L}\p{N}]/u.test(this.sentence.slice(afterMarker, end))) continue;
      spans.push({ start, end: start + text.trimEnd().length });
    }
    return mergeSpans(spans, this.sentence, false);
  }

  /** End of the clause that starts at `from`: the next comma, semicolon, colon, bracket or final stop. */
  private clauseEnd(from: number): number {
    const s = this.sentence;
    for (let i = from; i < s.length; i += 1) {
      const c = s.charAt(i);
      if (c === ',' && !(/\d/.test(s.charAt(i - 1)) && /\d/.test(s.charAt(i + 1)))) return i;
      if (c === ';' || c === ':' || c === '(' || c === ')' || c === '!' || c === '?' || c === '—' || c === '–') return i;
      if ((c === '.' || c === '…') && (i + 1 >= s.length || /[\s"»”]/.test(s.charAt(i + 1)))) return i;
    }
    return s.replace(/[\s"»”]+$/u, '').length;
  }

  // ——— token helpers ———

  /** First word of the sentence, or first word after an opening quote, a colon, a dash or a glued full stop. */
  private isSentenceInitial(token: Token): boolean {
    const previous = this.tokens[token.index - 1];
    return previous === undefined || (!previous.isWord && /^[«"“(:—–\-….!?]$/.test(previous.text));
  }

  /** Sequence of prepositions `seq` ending right before token `i`: returns its first index, or -1. */
  private sequenceBefore(i: number, seq: readonly string[]): number {
    const first = i - seq.length;
    if (first < 0) return -1;
    // Folding makes "à" and "a" one word; the verb "a" (has) is not a preposition.
    const same = (t: Token | undefined, w: string): boolean => t !== undefined && t.folded === w && !(w === 'a' && t.text === 'a');
    return seq.every((w, k) => same(this.tokens[first + k], w)) ? first : -1;
  }

  /** The place preposition right before token `i` (skipping a determiner when the preposition allows one). */
  private placePrepositionBefore(i: number): { start: number; words: string } | undefined {
    const det = this.tokens[i - 1];
    const candidates = det !== undefined && /^(?:le|la|les|l')$/.test(det.folded) ? [i - 1, i] : [i];
    for (const at of candidates) {
      for (const prep of PLACE_PREPOSITIONS) {
        const first = this.sequenceBefore(at, prep);
        if (first < 0) continue;
        const words = prep.join(' ');
        // "en" and "au(x)" take no determiner: "en la" is not a place preposition.
        if (at !== i && /^(?:en|au|aux|partout en|jusqu' en|jusqu' au)$/.test(words)) continue;
        if (words === 'sur') continue; // "sur l'Ukraine" is a topic; "sur la frontière" is handled by nouns
        return { start: first, words };
      }
    }
    return undefined;
  }

  /** Verb (or auxiliary, clitic) right after token `i`, strict list: "Poutine a déclaré", "Lavrov estime". */
  private verbAfter(i: number): boolean {
    const t = this.tokens[i + 1];
    if (t === undefined || !t.isWord || /^[àÀ]$/u.test(t.text)) return false;
    return SUBJECT_VERBS.has(t.folded) || /^(?:a|est|va|sera)-t-(?:il|elle|on)$/.test(t.folded);
  }

  /** Looser test for places standing for governments: any lower-case non-function word after a capital is a verb. */
  private looseVerbAfter(i: number): boolean {
    if (this.verbAfter(i)) return true;
    const t = this.tokens[i + 1];
    if (t === undefined || !t.isWord || !/^\p{Ll}/u.test(t.text)) return false;
    if (FRENCH_FUNCTION_WORDS.has(t.folded) || PLACE_ADJECTIVES.has(t.folded) || NOT_VERBS_AFTER_PLACE.has(t.folded)) return false;
    return true;
  }

  /** "Moscou et Washington ont…": the subject of a verb after a coordination. */
  private coordinatedSubject(i: number): boolean {
    const and = this.tokens[i + 1];
    if (and === undefined || (and.folded !== 'et' && and.folded !== 'ou')) return false;
    let k = i + 2;
    if (DETERMINERS.has(this.tokens[k]?.folded ?? '') || POSSESSIVES.has(this.tokens[k]?.folded ?? '')) k += 1;
    const second = this.tokens[k];
    if (second === undefined || !second.isWord) return false;
    if (second.capitalised || second.acronym) {
      while (this.tokens[k + 1]?.capitalised) k += 1;
      return this.looseVerbAfter(k);
    }
    // "Kiev et ses alliés (occidentaux) accusent…": a common noun, maybe an adjective, then a verb.
    for (let j = k; j <= k + 1; j += 1) {
      const w = this.tokens[j];
      if (w === undefined || !w.isWord || FRENCH_FUNCTION_WORDS.has(w.folded)) return false;
      if (this.verbAfter(j)) return true;
    }
    return false;
  }

  // ——— organisations ———

  private organisations(): Span[] {
    const tokens = this.tokens;
    const spans: Span[] = [];
    const words = tokens.filter((t) => t.isWord);
    const shouting = words.length >= 4 && words.filter((t) => t.acronym).length / words.length > 0.5;
    for (let i = 0; i < tokens.length; i += 1) {
      const t = tokens[i];
      if (t === undefined || !t.isWord) continue;
      // Several-word institutions ("le Quai d'Orsay", "l'État islamique").
      const phrase = this.institutionPhraseAt(i);
      if (phrase !== undefined) {
        spans.push({ start: this.withArticle(i), end: phrase.end });
        i = phrase.last;
        continue;
      }
      if (t.acronym && !shouting && !this.inCapitalsRun(i) && !ROMAN_NUMERAL.test(t.text) && !NOT_ORGANISATION_ACRONYMS.has(t.text) && !FRENCH_FUNCTION_WORDS.has(t.folded)) {
        spans.push({ start: t.start, end: t.end });
        continue;
      }
      const media = MEDIA.has(t.folded) && /^(?:le|la|l'|les|au|aux|du)$/.test(tokens[i - 1]?.folded ?? '');
      if (t.capitalised && (INSTITUTIONS.has(t.folded) || media)) {
        spans.push({ start: this.withArticle(i), end: t.end });
        continue;
      }
      // "le ministère (russe) des Affaires étrangères"
      if (t.folded === 'ministere' || (t.capitalised && ORGANISATION_HEADS.has(t.folded) && !this.isSentenceInitialOnly(i))) {
        const last = this.organisationComplement(i);
        if (last > i || (t.capitalised && t.folded !== 'ministere' && ['cour', 'senat', 'parlement', 'congres', 'alliance', 'commission'].includes(t.folded))) {
          const end = tokens[last]?.end ?? t.end;
          spans.push({ start: this.withArticle(i), end });
          i = last;
          continue;
        }
      }
      // Capitals and countries that act: "Moscou exige", "la Russie a dit", "selon Washington".
      const place = this.gazetteerAt(i);
      if (place !== undefined && !this.partOfLongerName(i, place.last)) {
        const previous = tokens[i - 1]?.folded;
        // "l'est de l'Ukraine a abouti": after "de" the place is a complement, not the subject.
        const before = this.hasDeterminerBefore(i) ? tokens[i - 2]?.folded : previous;
        const complement = before === 'de' || before === "d'" || before === 'du' || before === 'des';
        const acts =
          (!complement && (this.looseVerbAfter(place.last) || this.coordinatedSubject(place.last))) ||
          previous === 'selon' || (previous === 'apres' && tokens[i - 2]?.folded === "d'");
        const locative = this.placePrepositionBefore(i) !== undefined;
        if (acts && !locative) spans.push({ start: this.withArticle(i), end: tokens[place.last]?.end ?? t.end });
        i = place.last;
      }
    }
    return mergeSpans(spans, this.sentence, false);
  }

  /** An organisation head that opens the sentence without a complement is an ordinary noun ("Direction Marseille"). */
  /** "Paris Match", "France 2", "Miss France": a place name inside the name of something else. */
  private partOfLongerName(first: number, last: number): boolean {
    const next = this.tokens[last + 1];
    const previous = this.tokens[first - 1];
    if (next !== undefined && (next.capitalised || (/^\p{N}/u.test(next.text) && /^[ \u00a0]$/u.test(this.sentence.slice(this.tokens[last]?.end ?? 0, next.start))))) return true;
    return previous !== undefined && previous.capitalised && !this.isSentenceInitial(previous) && !FRENCH_FUNCTION_WORDS.has(previous.folded);
  }

  private isSentenceInitialOnly(i: number): boolean {
    const t = this.tokens[i];
    if (t === undefined || !this.isSentenceInitial(t)) return false;
    const next = this.tokens[i + 1];
    if (next === undefined || !next.isWord) return true;
    if (['de', 'des', 'du', "d'"].includes(next.folded)) return false;
    return !(/^\p{Ll}/u.test(next.text) && ORGANISATION_ADJECTIVE.test(next.folded) && !FRENCH_FUNCTION_WORDS.has(next.folded));
  }

  /** Part of a headline in capitals ("IL S'EST PASSÉ QUELQUE CHOSE"): three capitalised words in a row or more. */
  private inCapitalsRun(i: number): boolean {
    const upper = (k: number): boolean => {
      const t = this.tokens[k];
      return t !== undefined && t.isWord && /^[\p{Lu}\p{N}'’-]+$/u.test(t.text) && /\p{Lu}/u.test(t.text) && !/['’]$/.test(t.text);
    };
    let first = i;
    while (upper(first - 1) || (this.tokens[first - 1]?.isWord === false && /['’]/.test(this.tokens[first - 1]?.text ?? '') && upper(first - 2))) first -= 1;
    let last = i;
    while (upper(last + 1)) last += 1;
    const neighbourIsWord = (k: number): boolean => upper(k) && FRENCH_FUNCTION_WORDS.has(this.tokens[k]?.folded ?? '');
    return last - first >= 2 || neighbourIsWord(i - 1) || neighbourIsWord(i + 1);
  }

  private hasDeterminerBefore(i: number): boolean {
    return DETERMINERS.has(this.tokens[i - 1]?.folded ?? '');
  }

  /** Start of token `i`, or of the article right before it ("le Kremlin", "l'Élysée"). */
  private withArticle(i: number): number {
    const prev = this.tokens[i - 1];
    const t = this.tokens[i];
    if (prev !== undefined && /^(?:le|la|les|l')$/.test(prev.folded)) return prev.start;
    return t?.start ?? 0;
  }

  private institutionPhraseAt(i: number): { last: number; end: number } | undefined {
    const t = this.tokens[i];
    if (t === undefined || !(t.capitalised || t.acronym || /^(?:le|la|al)$/i.test(t.text))) return undefined;
    for (let n = 4; n >= 1; n -= 1) {
      const last = this.tokens[i + n - 1];
      if (last === undefined) continue;
      const text = foldWord(this.sentence.slice(t.start, last.end)).replace(/\s+/g, ' ');
      if (INSTITUTION_PHRASES.includes(text) && /^\p{Lu}/u.test(last.text)) {
        return { last: i + n - 1, end: last.end };
      }
    }
    return undefined;
  }

  /**
   * Index of the last token of an organisation name starting at `head`: adjectives ("européenne"), capitalised
   * words and complements with "de" ("de sécurité", "de l'ONU", "des Affaires étrangères").
   */
  private organisationComplement(head: number): number {
    const tokens = this.tokens;
    let last = head;
    let k = head + 1;
    let complements = 0;
    while (k < tokens.length && k - head <= 12) {
      const t = tokens[k];
      if (t === undefined || !t.isWord) break;
      if (t.capitalised || t.acronym) {
        if (MONTHS.includes(t.folded) || WEEKDAYS.includes(t.folded)) break;
        // Two more capitalised words after a name: a person follows ("l'Agence France-Presse Holly Cova").
        if (last > head && tokens[k + 1]?.capitalised && !ORGANISATION_HEADS.has(t.folded)) break;
        last = k;
        k += 1;
        continue;
      }
      // Adjectives: "européenne", "atlantique"; a bare "-e" ending ("russe", "suprême") only right after the head.
      const adjective = ORGANISATION_ADJECTIVE.test(t.folded) && (!/[^e]e$/.test(t.folded) || /(?:eme|ique|aire|ale|elle|enne|aine|oise|aise|ive)$/.test(t.folded) || k === head + 1);
      if (adjective && !FRENCH_FUNCTION_WORDS.has(t.folded) && k === last + 1 && !SUBJECT_VERBS.has(t.folded) && !/ment$/.test(t.folded)) {
        last = k;
        k += 1;
        continue;
      }
      // de / des / du / de la / de l' / pour la / et la / et de la / en + a noun
      let j = k;
      const coordinated = /^(?:et|pour)$/.test(t.folded);
      if (coordinated) j += 1;
      const p = tokens[j]?.folded;
      // "en Europe" continues a name only after a lower-case complement ("la coopération en Europe").
      const afterLowerComplement = complements > 0 && !tokens[last]?.capitalised && !tokens[last]?.acronym;
      if (p === 'de' || p === 'des' || p === 'du' || p === "d'" || (p === 'en' && afterLowerComplement)) {
        j += 1;
        if (p === 'de' && /^(?:la|l')$/.test(tokens[j]?.folded ?? '')) j += 1;
      } else if (/^(?:la|le|l')$/.test(p ?? '') && j > k) j += 1;
      else break;
      const noun = tokens[j];
      if (noun === undefined || !noun.isWord) break;
      const lowerNoun = !noun.capitalised && !noun.acronym;
      // "pour la sécurité et la coopération": coordination continues a name with common nouns only.
      if (coordinated && !lowerNoun) break;
      if (lowerNoun && (FRENCH_FUNCTION_WORDS.has(noun.folded) || complements >= 2 || /\d/.test(noun.text) || /ment$/.test(noun.folded))) break;
      if (!lowerNoun && (MONTHS.includes(noun.folded) || WEEKDAYS.includes(noun.folded))) break;
      if (lowerNoun) complements += 1;
      // A country or city ends its complement: "la Cour suprême des Etats-Unis John Roberts".
      const place = lowerNoun ? undefined : this.gazetteerAt(j);
      if (place !== undefined) {
        last = place.last;
        k = place.last + 1;
        if (!this.nextIsComplement(k)) break;
        continue;
      }
      last = j;
      k = j + 1;
    }
    return last;
  }

  /** "de", "des", "du" or "d'" at token `k`. */
  private nextIsComplement(k: number): boolean {
    return ['de', 'des', 'du', "d'"].includes(this.tokens[k]?.folded ?? '');
  }

  /** A country, region or city starting at token `i` (longest name first). */
  private gazetteerAt(i: number): { last: number; capital: boolean } | undefined {
    if (this.gazetteerCache.has(i)) return this.gazetteerCache.get(i);
    let found: { last: number; capital: boolean } | undefined;
    const t = this.tokens[i];
    if (t !== undefined && (t.capitalised || t.acronym)) {
      for (let n = 5; n >= 1 && found === undefined; n -= 1) {
        const last = this.tokens[i + n - 1];
        if (last === undefined || !last.isWord) continue;
        const place = lookUpPlace(this.sentence.slice(t.start, last.end).replace(/\s+/g, ' '));
        if (place !== undefined) found = { last: i + n - 1, capital: place.capital };
      }
    }
    this.gazetteerCache.set(i, found);
    return found;
  }

  // ——— persons ———

  private persons(): Span[] {
    const tokens = this.tokens;
    const organisations = this.spans('organisation');
    const inOrganisation = (t: Token): boolean => organisations.some((o) => t.start >= o.start && t.end <= o.end);
    const runs = this.nameRuns(inOrganisation);
    const spans: Span[] = [];
    const multiWordSurnames = new Set<string>();
    for (const run of runs) if (run.last > run.first) multiWordSurnames.add(tokens[run.last]?.folded ?? '');
    for (const run of runs) {
      const first = tokens[run.first];
      const last = tokens[run.last];
      if (first === undefined || last === undefined) continue;
      if (this.runHasPlace(run)) continue;
      const prep = this.placePrepositionBefore(run.first);
      if (prep !== undefined && prep.words !== 'a' && prep.words !== 'vers') continue;
      if (prep?.words === 'a') {
        if (PLACE_FIRST_WORDS.has(first.folded)) continue;
        if (this.hasDeterminerBefore(run.first)) continue;
        if (run.last === run.first && !this.dativeBefore(prep.start)) continue;
      }
      const single = run.first === run.last;
      if (single && !this.singleNameIsPerson(run.first, multiWordSurnames)) continue;
      spans.push({ start: first.start, end: last.end });
    }
    return mergeSpans(spans, this.sentence, false);
  }

  /** Runs of capitalised words joined by name particles and initials, split at words that are not names. */
  private nameRuns(excluded: (t: Token) => boolean): { first: number; last: number }[] {
    const tokens = this.tokens;
    const runs: { first: number; last: number }[] = [];
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i];
      if (t === undefined || !this.isNameWord(i, excluded)) {
        i += 1;
        continue;
      }
      // A name does not take a determiner: "la Polonaise Olga Tokarczuk" starts at "Olga".
      if (DETERMINERS.has(tokens[i - 1]?.folded ?? '') && /^\p{Ll}/u.test(tokens[i - 1]?.text ?? '')) {
        i += 1;
        continue;
      }
      const first = i;
      let last = i;
      let k = i + 1;
      while (k < tokens.length) {
        const n = tokens[k];
        if (n === undefined) break;
        if (this.isNameWord(k, excluded)) {
          last = k;
          k += 1;
          continue;
        }
        // Particles ("de Gaulle", "von der Leyen", "Le Pen") and initials ("George W. Bush") inside a name.
        if (NAME_PARTICLES.has(n.folded) || (n.capitalised && /^(?:Le|La|Du|De|Van|Von|Di|Da|Del)$/.test(n.text))) {
          let j = k + 1;
          while (tokens[j] !== undefined && NAME_PARTICLES.has(tokens[j]?.folded ?? '')) j += 1;
          if (this.isNameWord(j, excluded) && this.gazetteerAt(j) === undefined) {
            last = j;
            k = j + 1;
            continue;
          }
        }
        if (/^\p{Lu}$/u.test(n.text) && !TITLE_ABBREVIATIONS.has(n.text) && tokens[k + 1]?.text === '.' && this.isNameWord(k + 2, excluded)) {
          last = k + 2;
          k += 3;
          continue;
        }
        break;
      }
      runs.push({ first, last });
      i = last + 1;
    }
    return runs;
  }

  /** A capitalised word that may be part of a personal name. */
  private isNameWord(i: number, excluded: (t: Token) => boolean): boolean {
    const t = this.tokens[i];
    if (t === undefined || !t.capitalised || excluded(t)) return false;
    if (MONTHS.includes(t.folded) || WEEKDAYS.includes(t.folded) || CAPITALISED_COMMON.has(t.folded)) return false;
    if (INSTITUTIONS.has(t.folded) || ORGANISATION_HEADS.has(t.folded) || TITLE_ABBREVIATIONS.has(t.text)) return false;
    // Capitalised function words ("Nous", "Il", "Le") are never names; "Le Pen" is reached as a particle.
    if (FRENCH_FUNCTION_WORDS.has(t.folded) || SENTENCE_OPENERS.has(t.folded)) return false;
    if (NUMBER_WORD_RE.test(t.folded)) return false; // "Six Britanniques"
    // "Hauts-de-Seine", "Saint-Maurice-de-Rémens": lower-case inner words make a place name.
    if (/-(?:de|du|des|et|sur|en|les|la|le|lès|sous|aux|d')-/u.test(t.text)) return false;
    return true;
  }

  private runHasPlace(run: { first: number; last: number }): boolean {
    for (let k = run.first; k <= run.last; k += 1) {
      const place = this.gazetteerAt(k);
      // A first name that is also a city ("Nancy Pelosi") does not make the run a place; a later one does.
      if (place !== undefined && (k > run.first || place.last >= run.last)) return true;
    }
    return false;
  }

  /** "a dit à Macron", "a téléphoné à Joe Biden": "à" after these verbs introduces a person. */
  private dativeBefore(prepStart: number): boolean {
    // Look back over a name, a date or an adverb: "a déclaré vendredi à Macron", "a dit Poutine à Macron".
    for (let k = prepStart - 1; k >= 0 && k >= prepStart - 4; k -= 1) {
      const t = this.tokens[k];
      if (t === undefined || !t.isWord) return false;
      if (DATIVE_VERBS.has(t.folded)) return true;
    }
    return false;
  }

  /**
   * A lone capitalised word is a surname when a title or role stands before it ("M. Peskov", "le président
   * Poutine", "le porte-parole du Kremlin, Peskov"), when it is the subject of a verb of saying or acting and takes
   * no determiner ("Lavrov a dit"), after "selon", or when the sentence names the same person in full elsewhere.
   */
  private singleNameIsPerson(i: number, fullNames: ReadonlySet<string>): boolean {
    const t = this.tokens[i];
    if (t === undefined) return false;
    if (this.gazetteerAt(i) !== undefined) return false;
    const prev = this.tokens[i - 1];
    const prev2 = this.tokens[i - 2];
    if (prev?.text === '.' && prev2 !== undefined && TITLE_ABBREVIATIONS.has(prev2.text)) return true;
    if (prev !== undefined && TITLE_ABBREVIATIONS.has(prev.text)) return true;
    if (this.roleBefore(i)) return true;
    if (fullNames.has(t.folded)) return true;
    if (this.hasDeterminerBefore(i)) return false;
    if (prev?.folded === 'selon' || (prev?.folded === 'apres' && prev2?.folded === "d'")) return true;
    if (prev !== undefined && prev.folded === 'a' && this.dativeBefore(i - 1)) return true;
    // "…», a déclaré Lavrov", "estime Peskov": the speaker after the verb of saying.
    if (prev !== undefined && SPEECH_BEFORE_SUBJECT.has(prev.folded)) return true;
    return this.verbAfter(i);
  }

  /** A role noun within a few words before token `i`, through its complement and one comma. */
  private roleBefore(i: number): boolean {
    let k = i - 1;
    if (this.tokens[k]?.text === ',') k -= 1;
    for (let steps = 0; k >= 0 && steps < 8; steps += 1, k -= 1) {
      const t = this.tokens[k];
      if (t === undefined || !t.isWord) return false;
      if (ROLE_NOUNS.has(t.folded) || t.folded.split('-').some((p) => p.length > 3 && ROLE_NOUNS.has(p))) {
        return true;
      }
      if (t.capitalised || t.acronym) continue;
      if (['de', 'du', 'des', "d'", "l'", 'la'].includes(t.folded)) continue;
      if (ADJECTIVE_ENDING.test(t.folded) && !FRENCH_FUNCTION_WORDS.has(t.folded) && !SUBJECT_VERBS.has(t.folded)) continue;
      return false;
    }
    return false;
  }

  // ——— places ———

  private places(): Span[] {
    const tokens = this.tokens;
    const spans: Span[] = [];
    const persons = this.spans('person');
    const organisations = this.spans('organisation');
    const covered = (t: Token): boolean => persons.some((p) => t.start >= p.start && t.end <= p.end);
    for (let i = 0; i < tokens.length; i += 1) {
      const t = tokens[i];
      if (t === undefined || !t.isWord) continue;

      // Spatial nouns: "près de la frontière", "dans l'est de l'Ukraine", "à sa frontière", "en mer Noire".
      if (SPATIAL_NOUNS.has(t.folded) || SPATIAL_NOUNS_WITH_COMPLEMENT.has(t.folded)) {
        const span = this.spatialPhrase(i);
        if (span !== undefined) {
          spans.push(span.span);
          i = span.last;
          continue;
        }
      }

      // "la mer Noire", "l'océan Indien", "le golfe Persique" without a preposition.
      if (/^(?:mer|ocean|golfe|detroit|lac|fleuve)$/.test(t.folded) && tokens[i + 1]?.capitalised && /^\p{Ll}/u.test(t.text)) {
        const last = this.placeRunEnd(i + 1);
        spans.push({ start: this.withArticle(i), end: tokens[last]?.end ?? t.end });
        i = last;
        continue;
      }
      if (!t.capitalised) continue;
      const prep = this.placePrepositionBefore(i);
      const place = this.gazetteerAt(i);
      if (prep !== undefined && this.canStartPlace(i)) {
        if (prep.words === 'a' && place === undefined && !PLACE_FIRST_WORDS.has(t.folded)) {
          // "a dit à Macron" is a person; "à Jean Dupont" (two capitalised words) may be either.
          if (this.dativeBefore(prep.start)) continue;
        }
        if (prep.words === 'en' && ORGANISATION_HEADS.has(t.folded)) continue;
        if (place === undefined && covered(t)) continue; // "a dit à Macron": a person
        if (MEDIA.has(t.folded) || organisations.some((o) => t.start >= o.start && t.end <= o.end && !BUILDINGS.has(t.folded) && place === undefined)) continue;
        if (INSTITUTIONS.has(t.folded) && !BUILDINGS.has(t.folded)) continue; // "à l'Otan" is not a place
        const last = Math.max(place?.last ?? i, this.placeRunEnd(i));
        const end = this.extendWithAdjective(last);
        spans.push({ start: tokens[prep.start]?.start ?? t.start, end: tokens[end]?.end ?? t.end });
        i = end;
        continue;
      }
      // Countries and big cities without a preposition, when they are not the subject of the sentence.
      if (place !== undefined && !covered(t) && !this.partOfLongerName(i, place.last)) {
        const isSubject =
          this.looseVerbAfter(place.last) || this.coordinatedSubject(place.last) || this.startsClause(i);
        const inOrganisation = organisations.some((o) => t.start >= o.start && t.end <= o.end && !(o.start === this.withArticle(i) && o.end === tokens[place.last]?.end));
        if (!isSubject && !inOrganisation) {
          const end = this.extendWithAdjective(place.last);
          spans.push({ start: this.withArticle(i), end: tokens[end]?.end ?? t.end });
        }
        i = place.last;
      }
    }
    return mergeSpans(spans, this.sentence, false);
  }

  /** A capitalised word after a place preposition starts a place unless it is a month, an acronym or a common word. */
  private canStartPlace(i: number): boolean {
    const t = this.tokens[i];
    if (t === undefined || !t.capitalised) return false;
    if (MONTHS.includes(t.folded) || WEEKDAYS.includes(t.folded)) return false;
    // Inhabitants, not places: "aux Parisiens", "à l'Autrichien Peter Handke".
    if (DEMONYM.test(t.folded) && this.gazetteerAt(i) === undefined) return false;
    if (CAPITALISED_COMMON.has(t.folded) && !INSTITUTIONS.has(t.folded) && this.gazetteerAt(i) === undefined && !PLACE_FIRST_WORDS.has(t.folded)) {
      return false;
    }
    return true;
  }

  /** Last token of a place name: capitalised words joined by "de", "du", "de l'" ("Rio de Janeiro", "Europe de l'Est"). */
  private placeRunEnd(i: number): number {
    const tokens = this.tokens;
    let last = i;
    let k = i + 1;
    while (k < tokens.length) {
      const t = tokens[k];
      if (t === undefined) break;
      if (t.capitalised && !MONTHS.includes(t.folded) && !WEEKDAYS.includes(t.folded) && !FRENCH_FUNCTION_WORDS.has(t.folded)) {
        last = k;
        k += 1;
        continue;
      }
      let j = k;
      if (/^(?:de|du|des|d')$/.test(t.folded)) {
        j += 1;
        if (/^(?:la|l')$/.test(tokens[j]?.folded ?? '')) j += 1;
        const n = tokens[j];
        if (n !== undefined && n.capitalised && !MONTHS.includes(n.folded) && !WEEKDAYS.includes(n.folded)) {
          last = j;
          k = j + 1;
          continue;
        }
      }
      break;
    }
    return last;
  }

  private extendWithAdjective(last: number): number {
    const next = this.tokens[last + 1];
    return next !== undefined && PLACE_ADJECTIVES.has(next.folded) && /^\p{Ll}/u.test(next.text) ? last + 1 : last;
  }

  /** The token starts the sentence's main clause (first word, possibly after an opener or a determiner). */
  private startsClause(i: number): boolean {
    let k = i - 1;
    if (DETERMINERS.has(this.tokens[k]?.folded ?? '')) k -= 1;
    while (k >= 0) {
      const t = this.tokens[k];
      if (t === undefined) break;
      if (!t.isWord) {
        if (/^[«"“(:—–\-…,]$/.test(t.text)) {
          k -= 1;
          continue;
        }
        return false;
      }
      if (SENTENCE_OPENERS.has(t.folded)) {
        k -= 1;
        continue;
      }
      return false;
    }
    return true;
  }

  /**
   * "près de la frontière", "à la frontière ukrainienne", "dans l'est de l'Ukraine", "dans la région de Donetsk",
   * "le long de la frontière", "en mer Noire": a spatial noun after a place preposition, with its complement.
   */
  private spatialPhrase(i: number): { span: Span; last: number } | undefined {
    const tokens = this.tokens;
    const noun = tokens[i];
    if (noun === undefined || !/^\p{Ll}/u.test(noun.text)) return undefined;
    if (/^c[ôo]tes?$/u.test(noun.folded) && /é/u.test(noun.text)) return undefined; // "à ses côtés"
    let k = i - 1;
    if (/^(?:le|la|les|l'|sa|son|ses|leur|leurs|notre|nos|cette|ce)$/.test(tokens[k]?.folded ?? '')) k -= 1;
    const afterDeterminer = k < i - 1;
    let prepStart = -1;
    for (const prep of PLACE_PREPOSITIONS) {
      const first = this.sequenceBefore(k + 1, prep);
      if (first < 0) continue;
      const words = prep.join(' ');
      if (afterDeterminer && /^(?:en|au|aux)$/.test(words)) continue;
      if (!afterDeterminer && !/^(?:en|au|aux)$/.test(words)) continue;
      // "en mer", "en territoire ennemi"; but "il en est", "en front" are not places.
      if (words === 'en' && !/^(?:mer|ocean|territoire|zone)$/.test(noun.folded)) continue;
      if (COMPASS.has(noun.folded) && !afterDeterminer && words !== 'au' && words !== 'aux') continue;
      prepStart = first;
      break;
    }
    if (prepStart < 0) return undefined;
    let last = i;
    const needsComplement = SPATIAL_NOUNS_WITH_COMPLEMENT.has(noun.folded);
    let complemented = false;
    // Adjective: "ukrainienne", "russo-ukrainienne", "orientale".
    const adjective = tokens[last + 1];
    if (adjective !== undefined && adjective.isWord && /^\p{Ll}/u.test(adjective.text) && !FRENCH_FUNCTION_WORDS.has(adjective.folded) && /(?:e|es|ien|ain|ais|al|aux|ique)$/.test(adjective.folded) && !SUBJECT_VERBS.has(adjective.folded)) {
      last += 1;
      complemented = true;
    }
    // A capitalised name right after ("en mer Noire", "la région Occitanie").
    if (tokens[last + 1]?.capitalised && last === i) {
      last = this.placeRunEnd(last + 1);
      complemented = true;
    }
    // Complement: "de l'Ukraine", "du pays", "avec la Russie", "entre la Russie et l'Ukraine".
    let j = last + 1;
    const p = tokens[j]?.folded;
    if (p === 'de' || p === 'du' || p === 'des' || p === "d'" || p === 'avec' || p === 'entre') {
      j += 1;
      if (/^(?:la|le|les|l')$/.test(tokens[j]?.folded ?? '')) j += 1;
      const n = tokens[j];
      if (n !== undefined && n.capitalised) {
        last = this.placeRunEnd(j);
        complemented = true;
        if (p === 'entre' && tokens[last + 1]?.folded === 'et') {
          let m = last + 2;
          if (/^(?:la|le|les|l')$/.test(tokens[m]?.folded ?? '')) m += 1;
          if (tokens[m]?.capitalised) last = this.placeRunEnd(m);
        }
      } else if (n !== undefined && n.folded === 'pays' && p === 'du') {
        last = j;
        complemented = true;
      }
    }
    if (needsComplement && !complemented) return undefined;
    const start = tokens[prepStart]?.start ?? noun.start;
    return { span: { start, end: tokens[last]?.end ?? noun.end }, last };
  }
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Sorts spans and merges overlapping ones; with `adjacent`, also those separated only by spaces ("mardi" +
 * "28 décembre" → one date).
 */
function mergeSpans(spans: readonly Span[], sentence: string, adjacent = true): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && (span.start < last.end || (adjacent && /^[ \u00a0\u202f]+$/u.test(sentence.slice(last.end, span.start))))) {
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    } else out.push(span);
  }
  return out;
}
