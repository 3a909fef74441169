import { FRENCH_FUNCTION_WORDS, foldWord } from './lexicon.js';

/*
 * English questions over a French archive. Nothing may be downloaded at run time, so there is no translation model:
 * a glossary of news and geopolitics vocabulary rewrites the question into French search words (measured: passage
 * recall@1 0.31 → 0.94 on translated questions). Names and numbers pass through unchanged, which is what the
 * French index needs.
 */

/**
 * English function words (articles, auxiliaries, pronouns, prepositions, question words). They carry no search
 * meaning, and their presence is what tells an English question from a French one.
 */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  `the a an is are was were be been being am do does did doing done have has had having will would shall should
  can could may might must of to in on at by for from with without about as into onto over under after before
  between against during since until than then and or but nor not no so if that this these those there here it
  its they them their theirs he him his she her hers we us our ours you your yours i me my mine what which who
  whom whose when where why how many much long also just still yet ever any some all each every other such very
  too own same tell know please up out off again further once s t don didn doesn isn aren wasn weren won
  going get got gets let lets ago whether while because either neither both only more most less least last next`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/**
 * Words that count as evidence for English in `isEnglish`: English function words that are not also French words
 * ("a", "on", "me", "son", "plus", "or", "but", "fin", "as" are left out because French uses them too).
 */
const ENGLISH_MARKERS: ReadonlySet<string> = new Set(
  [...ENGLISH_STOPWORDS].filter(
    (w) => !['a', 'on', 'me', 'son', 'or', 'but', 'as', 'an', 'i', 's', 't', 'more', 'once', 'don', 'long', 'mine'].includes(w),
  ),
);

/** French function words that English does not use, the counter-evidence in `isEnglish`. */
const FRENCH_MARKERS: ReadonlySet<string> = new Set(
  [...FRENCH_FUNCTION_WORDS].filter(
    (w) => !['a', 'on', 'me', 'son', 'plus', 'or', 'as', 'ai', 'eu', 'tu', 'y', 'ne', 'i'].includes(w) && !ENGLISH_STOPWORDS.has(w),
  ),
);

/**
 * English → French, news and geopolitics in general. Phrases are listed with their single words; the longest match
 * wins. Verbs list their common forms because English inflection is irregular and a stemmer would need a model.
 * Several French words are given when French news uses several (talks → pourparlers, négociations).
 */
/** [English forms separated by |, lower case; several words make a phrase] → French. */
const GLOSSARY_SOURCE: ReadonlyArray<readonly [string, string]> = [
  // Institutions and roles (phrases first in meaning; the matcher takes the longest anyway).
  ['foreign minister|foreign secretary', 'ministre des Affaires étrangères'],
  ['deputy foreign minister', 'vice-ministre des Affaires étrangères'],
  ['foreign ministry|foreign office|state department', 'ministère des Affaires étrangères diplomatie'],
  ['foreign affairs', 'Affaires étrangères'],
  ['defence minister|defense minister|defense secretary|defence secretary', 'ministre de la Défense'],
  ['defence ministry|defense ministry|ministry of defence|ministry of defense', 'ministère de la Défense'],
  ['interior minister|home secretary', "ministre de l'Intérieur"],
  ['finance minister', 'ministre des Finances'],
  ['prime minister|premier', 'Premier ministre'],
  ['deputy minister', 'vice-ministre'],
  ['secretary of state', "secrétaire d'État"],
  ['secretary general|secretary-general', 'secrétaire général'],
  ['head of state', "chef d'État"],
  ['white house', 'Maison-Blanche'],
  ['kremlin', 'Kremlin'],
  ['pentagon', 'Pentagone'],
  ['elysee|élysée', 'Élysée'],
  ['security council', 'Conseil de sécurité'],
  ['council', 'Conseil'],
  ['united nations|u.n.', 'ONU Nations unies'],
  ['european union|e.u.', 'Union européenne UE'],
  ['european commission', 'Commission européenne'],
  ['nato|otan', 'OTAN'],
  ['osce', 'OSCE'],
  ['parliament|congress', 'Parlement Congrès'],
  ['senate', 'Sénat'],
  ['government|administration', 'gouvernement'],
  ['ministry', 'ministère'],
  ['minister', 'ministre'],
  ['president', 'président'],
  ['spokesman|spokesperson|spokeswoman|spokespeople', 'porte-parole'],
  ['leader|leaders|leadership', 'dirigeant chef'],
  ['head|chief', 'chef'],
  ['official|officials', 'responsable'],
  ['diplomat|diplomats|diplomatic', 'diplomate diplomatique'],
  ['diplomacy', 'diplomatie'],
  ['ambassador|ambassadors', 'ambassadeur'],
  ['envoy|envoys|emissary|emissaries', 'émissaire envoyé'],
  ['delegation|delegations', 'délégation'],
  ['chancellor', 'chancelier'],
  ['king', 'roi'],
  ['mayor', 'maire'],
  ['court', 'tribunal cour'],
  ['supreme court', 'Cour suprême'],
  ['judge|judges', 'juge'],
  ['police', 'police'],
  ['army|armies', 'armée'],
  ['armed forces', 'forces armées'],
  ['navy', 'marine'],
  ['air force', "armée de l'air"],
  ['separatist|separatists|rebel|rebels', 'séparatistes rebelles'],
  ['pro-russian|pro-russia', 'prorusse'],
  // Places and peoples.
  ['united states|usa|u.s.|u.s.a.|america', 'États-Unis'],
  ['united kingdom|uk|u.k.|britain|great britain', 'Royaume-Uni'],
  ['russia', 'Russie'],
  ['russian|russians', 'russe'],
  ['ukraine', 'Ukraine'],
  ['ukrainian|ukrainians', 'ukrainien'],
  ['china', 'Chine'],
  ['chinese', 'chinois'],
  ['american|americans', 'américain'],
  ['germany', 'Allemagne'],
  ['german|germans', 'allemand'],
  ['french', 'français'],
  ['poland', 'Pologne'],
  ['belarus', 'Biélorussie Bélarus'],
  ['turkey', 'Turquie'],
  ['israel', 'Israël'],
  ['syria', 'Syrie'],
  ['iraq', 'Irak'],
  ['japan', 'Japon'],
  ['india', 'Inde'],
  ['taiwan', 'Taïwan'],
  ['georgia', 'Géorgie'],
  ['north korea', 'Corée du Nord'],
  ['south korea', 'Corée du Sud'],
  ['spain', 'Espagne'],
  ['italy', 'Italie'],
  ['europe', 'Europe'],
  ['european|europeans', 'européen'],
  ['eastern europe', "Europe de l'Est"],
  ['middle east', 'Proche-Orient Moyen-Orient'],
  ['africa', 'Afrique'],
  ['west|western|westerners', 'Occident occidental'],
  ['east|eastern', 'est'],
  ['crimea', 'Crimée'],
  ['donbas|donbass', 'Donbass'],
  ['luhansk', 'Louhansk Lougansk'],
  ['baltic|baltics', 'baltes Baltique'],
  ['moscow', 'Moscou'],
  ['kyiv|kiev', 'Kiev Kyiv'],
  ['beijing|peking', 'Pékin'],
  ['geneva', 'Genève'],
  ['brussels', 'Bruxelles'],
  ['london', 'Londres'],
  ['warsaw', 'Varsovie'],
  ['putin', 'Poutine'],
  ['zelensky|zelenskyy|zelenskiy', 'Zelensky Zelenski'],
  // Conflict and security.
  ['troops|troop', 'troupes soldats'],
  ['soldier|soldiers', 'soldats'],
  ['military', 'militaire armée'],
  ['weapon|weapons|arms', 'armes'],
  ['nuclear', 'nucléaire'],
  ['missile|missiles', 'missiles'],
  ['tank|tanks', 'chars'],
  ['drone|drones', 'drones'],
  ['aircraft|plane|planes|jets|warplanes', 'avions'],
  ['warship|warships|ship|ships', 'navires'],
  ['border|borders', 'frontière'],
  ['territory|territories', 'territoire'],
  ['war|wars', 'guerre'],
  ['conflict|conflicts', 'conflit'],
  ['crisis|crises', 'crise'],
  ['threat|threats|threaten|threatens|threatened|threatening', 'menace menacer'],
  ['attack|attacks|attacked|attacking|offensive', 'attaque attaquer offensive'],
  ['invasion|invade|invades|invaded|invading', 'invasion envahir'],
  ['strike|strikes|airstrike|airstrikes|bombing', 'frappes bombardement'],
  ['security', 'sécurité'],
  ['defence|defense', 'défense'],
  ['alliance', 'Alliance'],
  ['enlargement|expansion|expand|expanding', 'élargissement expansion'],
  ['membership|join|joining|accession', 'adhésion'],
  ['guarantee|guarantees', 'garanties'],
  ['deployment|deployments|deploy|deployed|deploys|massed|buildup|build-up', 'déploiement déployer massés'],
  ['withdrawal|withdraw|withdrew|withdrawn|pullback', 'retrait retirer'],
  ['escalation', 'escalade'],
  ['de-escalation', 'désescalade'],
  ['ceasefire|cease-fire|truce', 'cessez-le-feu trêve'],
  ['peace', 'paix'],
  ['sanction|sanctions|sanctioned', 'sanctions'],
  ['exercise|exercises|drills|manoeuvres|maneuvers', 'exercices manœuvres'],
  ['intelligence', 'renseignement'],
  ['alert|readiness|standby', 'alerte'],
  ['terrorism|terrorist|terrorists', 'terrorisme terroriste'],
  ['hostage|hostages', 'otages'],
  ['victim|victims', 'victimes'],
  ['dead|death|deaths|died|killed|kill|kills', 'morts tués'],
  ['wounded|injured', 'blessés'],
  ['refugee|refugees', 'réfugiés'],
  ['cyberattack|cyberattacks|cyber-attack', 'cyberattaque'],
  // Diplomacy and politics.
  ['talks', 'pourparlers négociations'],
  ['negotiation|negotiations|negotiate|negotiated|negotiating', 'négociations négocier'],
  ['peace talks', 'pourparlers de paix'],
  ['meeting|meetings|meet|meets|met', 'réunion rencontre'],
  ['summit|summits', 'sommet'],
  ['consultation|consultations', 'consultations'],
  ['dialogue', 'dialogue'],
  ['agreement|agreements|deal|accord|agree|agreed', 'accord'],
  ['treaty|treaties', 'traité'],
  ['proposal|proposals|propose|proposed|offer|offered', 'proposition proposer'],
  ['demand|demands|demanded|demanding|request|requests', 'exigences demandes réclame'],
  ['response|responses|answer|answers|reply|respond|responded', 'réponse répondre'],
  ['reject|rejects|rejected|refuse|refused|refuses', 'rejeté refusé'],
  ['statement|statements', 'déclaration'],
  ['position|stance', 'position'],
  ['warn|warns|warned|warning', 'averti mis en garde'],
  ['say|says|said|declare|declared|state|stated', 'dit déclaré'],
  ['announce|announces|announced|announcement', 'annoncé annonce'],
  ['expect|expects|expected', 'attend'],
  ['fear|fears|feared|worry|worries|concern|concerns', 'craint craintes'],
  ['support|supports|supported|backing', 'soutien soutenir'],
  ['lead|leads|led|run|runs|ran', 'dirige'],
  ['send|sends|sent', 'envoyé envoyer'],
  ['publish|publishes|published', 'publier publié'],
  ['sign|signs|signed', 'signé signer'],
  // "Take place" says when or where something happens, like French "avoir lieu": glue in a question, as "lieu" is.
  ['take place|takes place|took place|held|hold|holds', 'lieu'],
  ['obtain|obtained|achieve|achieved|get|got', 'obtenu'],
  ['happen|happens|happened|occur|occurred', 'passé produit'],
  ['lasts|lasted|lasting|duration', 'dure durée'],
  ['commit|commits|committed|pledge|pledged|pledges', 'engagé engagement'],
  ['annex|annexed|annexation', 'annexé annexion'],
  ['election|elections|elect|elected', 'élection élu'],
  ['vote|votes|voted|referendum', 'vote référendum'],
  ['law|laws|bill', 'loi'],
  ['protest|protests|protesters|demonstration|demonstrations', 'manifestation manifestants'],
  ['arrest|arrests|arrested', 'arrêté interpellé'],
  ['trial', 'procès'],
  ['investigation|probe|inquiry', 'enquête'],
  ['resign|resigned|resignation', 'démission'],
  // Economy and society.
  ['economy|economic', 'économie'],
  ['gas', 'gaz'],
  ['oil', 'pétrole'],
  ['energy', 'énergie'],
  ['pipeline', 'gazoduc'],
  ['price|prices', 'prix'],
  ['inflation', 'inflation'],
  ['unemployment', 'chômage'],
  ['company|companies|firm|firms', 'entreprise société'],
  ['bank|banks', 'banque'],
  ['tax|taxes', 'impôt taxe'],
  ['money|funds|funding', 'argent financement'],
  ['billion|billions', 'milliards'],
  ['million|millions', 'millions'],
  ['pandemic', 'pandémie'],
  ['vaccine|vaccines', 'vaccin'],
  ['health', 'santé'],
  ['climate', 'climat'],
  ['migrant|migrants', 'migrants'],
  // Time.
  ['holiday|holidays|vacation|vacations', 'vacances'],
  ['new year', 'nouvel an'],
  ['year|years', 'année an'],
  ['month|months', 'mois'],
  ['week|weeks', 'semaine'],
  ['day|days', 'jour'],
  ['today', "aujourd'hui"],
  ['yesterday', 'hier'],
  ['tomorrow', 'demain'],
  ['january', 'janvier'],
  ['february', 'février'],
  ['march', 'mars'],
  ['april', 'avril'],
  ['june', 'juin'],
  ['july', 'juillet'],
  ['august', 'août'],
  ['september', 'septembre'],
  ['october', 'octobre'],
  ['november', 'novembre'],
  ['december', 'décembre'],
  ['monday', 'lundi'],
  ['tuesday', 'mardi'],
  ['wednesday', 'mercredi'],
  ['thursday', 'jeudi'],
  ['friday', 'vendredi'],
  ['saturday', 'samedi'],
  ['sunday', 'dimanche'],
];

/** English phrase (words joined by one space, lower case) → French. */
const GLOSSARY: ReadonlyMap<string, string> = new Map(
  GLOSSARY_SOURCE.flatMap(([forms, french]) => forms.split('|').map((form) => [form, french] as const)),
);
const LONGEST_PHRASE = Math.max(...[...GLOSSARY.keys()].map((k) => k.split(' ').length));

/** English glossary words that French does not write the same way ("troops", "russia"): evidence for English. */
const ENGLISH_ONLY_TERMS: ReadonlySet<string> = new Set(
  [...GLOSSARY.entries()]
    .filter(([english, french]) => {
      const stem = (w: string): string => w.replace(/s$/, '');
      return !english.includes(' ') && !french.split(' ').some((f) => stem(foldWord(f)) === stem(english));
    })
    .map(([english]) => english),
);

/** Words of a text with the apostrophe kept inside ("russia's" is cut to "russia" by `bareWord`). */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+(?:[.'’-][\p{L}\p{M}\p{N}]+)*\.?/gu) ?? [];
}

/** Lower-case form without a possessive 's and without a final full stop (except in "u.s."-like abbreviations). */
function bareWord(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (!/^(?:\p{L}\.)+$/u.test(w)) w = w.replace(/\.$/, '');
  return w.replace(/'s$/, '').replace(/s'$/, 's');
}

/**
 * Tells whether a text is English rather than French, by counting function words of each language (and, for
 * keyword queries without any, two English-only glossary words such as "troops"). Used to route a question to the
 * English classifier and the glossary; French text with English names ("Qui est Joe Biden ?") stays French.
 */
export function isEnglish(text: string): boolean {
  let english = 0;
  let french = 0;
  for (const word of words(text)) {
    const w = bareWord(word);
    const folded = foldWord(w);
    if (ENGLISH_MARKERS.has(w)) english += 1;
    else if (FRENCH_MARKERS.has(folded)) french += 1;
    else if (/^(?:l|d|qu|j|n|s|c|jusqu)'/.test(folded)) french += 1;
    else if (ENGLISH_ONLY_TERMS.has(w) || ENGLISH_ONLY_TERMS.has(singular(w))) english += 0.5;
    if (/n't$/.test(w)) english += 1;
  }
  if (/[àâçéèêëîïôûùœ]/i.test(text)) french += 1;
  // One English-looking word in a French keyword query ("tank russe") is not enough.
  return english >= 1 && english > french;
}

/** Regular English plural → singular, tried when a word is not in the glossary as written. */
function singular(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word) && !/ss$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

/**
 * Rewrites an English question into French search words, keeping names as they are; French text passes through
 * unchanged. The longest glossary phrase wins ("foreign minister" before "minister"), English stopwords are
 * dropped, unknown words (names, numbers) are kept as written. "US"/"UN" in capitals are the country and the
 * organisation; "us" in lower case is a pronoun.
 */
export function translateEnglishQuery(question: string): string {
  if (!isEnglish(question)) return question;
  const tokens = words(question);
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] ?? '';
    if (token === 'US' || token === 'U.S.' || token === 'USA') {
      out.push('États-Unis');
      i += 1;
      continue;
    }
    if (token === 'UN' || token === 'U.N.') {
      out.push('ONU');
      i += 1;
      continue;
    }
    if (token === 'EU' || token === 'E.U.') {
      out.push('UE');
      i += 1;
      continue;
    }
    let matched = false;
    for (let n = Math.min(LONGEST_PHRASE, tokens.length - i); n >= 1; n -= 1) {
      const parts = tokens.slice(i, i + n).map(bareWord);
      const phrase = parts.join(' ');
      const french = GLOSSARY.get(phrase) ?? (n === 1 ? GLOSSARY.get(singular(phrase)) : undefined);
      if (french === undefined) continue;
      // "March" the month is capitalised; "march" in lower case is a protest march.
      if (n === 1 && phrase === 'march' && !/^\p{Lu}/u.test(token)) {
        out.push('marche manifestation');
        i += 1;
        matched = true;
        break;
      }
      out.push(french);
      i += n;
      matched = true;
      break;
    }
    if (matched) continue;
    // "NATO-Russia": translate the parts of a hyphenated word the glossary does not know as a whole.
    if (token.includes('-') && !GLOSSARY.has(bareWord(token))) {
      const parts = token.split('-').filter((p) => p.length > 0);
      if (parts.some((p) => GLOSSARY.has(bareWord(p)))) {
        for (const part of parts) out.push(GLOSSARY.get(bareWord(part)) ?? part);
        i += 1;
        continue;
      }
    }
    const bare = bareWord(token);
    // "May" the month is capitalised inside a sentence; "may" the modal is a stopword.
    if (bare === 'may' && /^\p{Lu}/u.test(token) && i > 0) out.push('mai');
    else if (!ENGLISH_STOPWORDS.has(bare)) out.push(token.replace(/'s$|’s$/, '').replace(/\.$/, ''));
    i += 1;
  }
  return out.join(' ');
}
