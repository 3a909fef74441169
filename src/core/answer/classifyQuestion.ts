import { isEnglish } from './englishGlossary.js';
import { FRENCH_FUNCTION_WORDS, ROLE_NOUNS, foldSameLength, wordSet } from './lexicon.js';

/**
 * What a question asks for, which decides the kind of span that answers it (see `candidateTypesFor`).
 * - since: "Depuis quand …" (a starting date or a duration up to now)
 * - duration: "Combien de temps …" · when: "Quand …" · quantity: "Combien …"
 * - withWhom: "Avec qui …" · who: "Qui …" (a person or an organisation)
 * - definition: "Qui est Dmitri Peskov ?", "Qu'est-ce que l'OSCE ?" (a description of the subject)
 * - where · why · how · what (any other question) · keywords (no question at all: a search)
 */
export type QuestionKind =
  | 'since'
  | 'duration'
  | 'when'
  | 'quantity'
  | 'withWhom'
  | 'who'
  | 'definition'
  | 'where'
  | 'why'
  | 'how'
  | 'what'
  | 'keywords';

/** What `classifyQuestion` tells the answer composer: the kind of answer wanted and the question's language. */
export interface QuestionInfo {
  readonly kind: QuestionKind;
  readonly language: 'fr' | 'en';
  /**
   * For 'definition' ("Qui est X ?", "Qu'est-ce que X ?", "Who is X?"): X as written. Also set for 'who' when the
   * question is "Qui est <role> ?" ("Qui est le porte-parole du Kremlin ?" → "le porte-parole du Kremlin"): the
   * answer is a name, and the composer finds it in apposition to X ("le porte-parole du Kremlin, Dmitri Peskov").
   */
  readonly subject?: string;
}

/** A word of the question: folded text and where it is in the original. */
interface Token {
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  /** Starts with a capital in the original (a name, unless it opens the question). */
  readonly capitalised: boolean;
}

interface Partial {
  readonly kind: QuestionKind;
  readonly subject?: string;
}

/**
 * Classifies a question (French or English) by its interrogative words, so the answer composer knows which kind of
 * span to look for. Works on the question as users type it: accents optional ("ou se tiennent"), inversions
 * ("a-t-il"), words in place ("ils se réunissent quand ?"), no question mark. Text without any question word or
 * question mark is a keyword search.
 */
export function classifyQuestion(question: string): QuestionInfo {
  const text = question.replace(/\s+/g, ' ').trim();
  const language = isEnglish(text) ? 'en' : 'fr';
  const tokens = tokenise(text);
  const result = language === 'en' ? classifyEnglish(text, tokens) : classifyFrench(text, tokens);
  return result.subject === undefined
    ? { kind: result.kind, language }
    : { kind: result.kind, language, subject: result.subject };
}

function tokenise(text: string): Token[] {
  const folded = foldSameLength(text);
  const tokens: Token[] = [];
  // Elided particles ("l'", "qu'", "jusqu'") are words of their own; hyphens keep "est-ce", "a-t-il" together.
  const re = /(?:[\p{L}\p{N}]+')|[\p{L}\p{M}\p{N}]+(?:[-.][\p{L}\p{M}\p{N}]+)*|\?/gu;
  for (const m of folded.matchAll(re)) {
    const start = m.index;
    const original = text.slice(start, start + m[0].length);
    tokens.push({ folded: m[0], start, end: start + m[0].length, capitalised: /^\p{Lu}/u.test(original) });
  }
  return tokens;
}

const words = (tokens: readonly Token[]): string[] => tokens.map((t) => t.folded);

/**
 * Drops the trailing "?" and closing punctuation from a subject, and stops it at an apposition: in "Qui est Laurent
 * Dupont, le nouveau préfet ?" the subject is "Laurent Dupont" (the apposition already is the answer).
 */
function cleanSubject(text: string): string {
  const head = text.split(/\s*(?:,|\s:\s|\s\(|\s[—–]\s)/u)[0] ?? text;
  return head.replace(/[\s?!.:;,»"“”)]+$/u, '').replace(/^[\s«"“(]+/u, '').trim();
}

// ————————————————————————————————————————— French —————————————————————————————————————————

/** Openers before the real question: "Dis-moi", "Peux-tu me dire", "Et", "Mais alors"… */
const FRENCH_OPENERS: readonly (readonly string[])[] = [
  ['et'], ['mais'], ['alors'], ['donc'], ['bon'], ['ok'], ['dis-moi'], ['dites-moi'], ['dis'], ['dites'],
  ['sais-tu'], ['savez-vous'], ['peux-tu', 'me', 'dire'], ['pouvez-vous', 'me', 'dire'], ['pourrais-tu', 'me', 'dire'],
  ['pourriez-vous', 'me', 'dire'], ['tu', 'peux', 'me', 'dire'], ['vous', 'pouvez', 'me', 'dire'],
  ['je', 'voudrais', 'savoir'], ['je', 'veux', 'savoir'], ['j\'', 'aimerais', 'savoir'], ['je', 'souhaite', 'savoir'],
  ['tu', 'sais'], ['vous', 'savez'], ['selon', 'toi'], ['selon', 'vous'], ['a', 'ton', 'avis'], ['a', 'votre', 'avis'],
  ['rappelle-moi'], ['rappelez-moi'], ['explique-moi'], ['expliquez-moi'],
];

/** Prepositions that can stand before an interrogative word ("Dans quelle ville", "Avec qui", "Jusqu'à quand"). */
const FRENCH_PREPOSITIONS: readonly (readonly string[])[] = [
  ['a', 'partir', 'de'], ['a', 'partir', 'd\''], ['aux', 'cotes', 'de'], ['aupres', 'de'], ['jusqu\'', 'a'],
  ['jusqu\'', 'en'], ['a'], ['au'], ['aux'], ['en'], ['dans'], ['de'], ['d\''], ['du'], ['depuis'], ['pendant'],
  ['durant'], ['pour'], ['par'], ['sur'], ['sous'], ['vers'], ['avec'], ['contre'], ['selon'], ['chez'], ['entre'],
  ['apres'], ['avant'],
];

const TIME_NOUNS = wordSet(`
  jour jours date dates annee annees an ans mois heure heures moment moments semaine semaines periode periodes
  epoque saison siecle nuit soir matin soiree matinee journee week-end echeance
`);
const DURATION_NOUNS = new Set(['duree', 'durees', 'delai', 'delais']);
const QUANTITY_NOUNS = wordSet(`
  nombre montant somme chiffre chiffres pourcentage proportion quantite taux prix cout budget total effectif
  effectifs bilan part niveau volume age superficie distance poids valeur score
`);
const PLACE_NOUNS = wordSet(`
  ville villes pays region regions lieu lieux endroit endroits capitale continent quartier departement province
  commune village zone zones territoire site ile ocean mer port aeroport stade hopital prison batiment rue localite
  secteur frontiere base etat oblast destination emplacement adresse salle palais hotel siege front localisation
`);
const REASON_NOUNS = wordSet(`
  raison raisons motif motifs cause causes but buts objectif objectifs origine explication explications
  justification pretexte
`);
const MANNER_NOUNS = wordSet('moyen moyens maniere facon methode mode procede biais');
const AGENT_NOUNS = wordSet(`
  personne personnes personnalite personnalites homme hommes femme femmes individu acteur acteurs nom noms identite
  organisation organisations institution institutions parti partis groupe groupes entreprise entreprises societe
  societes media medias journal agence gouvernement ministere organisme instance association syndicat club equipe
  banque firme marque constructeur operateur coalition mouvement formation puissance puissances camp
`);
/** Adjectives placed before the noun, skipped to reach it ("Quel est le principal motif"). */
const PRE_ADJECTIVES = wordSet(`
  principal principale principaux principales premier premiere premiers premieres dernier derniere derniers
  dernieres nouveau nouvel nouvelle nouveaux nouvelles seul seule seuls seules grand grande grands grandes vrai
  vraie vrais vraies veritable veritables exact exacte precis precise actuel actuelle futur future ancien ancienne
  prochain prochaine haut haute jeune
`);
const DETERMINERS = wordSet("le la les l' un une des ce cet cette ces son sa ses leur leurs mon ma mes ton ta tes notre nos votre vos");
const COPULAS = new Set(['est', 'sont', 'etait', 'etaient', 'sera', 'seront', 'serait', 'seraient', 'fut', 'furent', 'est-ce', 'etait-ce', 'sont-ils', 'sont-elles', 'est-il', 'est-elle']);
const ROLE_SINGULAR = (w: string): boolean => ROLE_NOUNS.has(w) || ROLE_NOUNS.has(w.replace(/s$/, ''));
const isRoleWord = (w: string): boolean =>
  ROLE_SINGULAR(w) || w.split('-').some((part) => ROLE_SINGULAR(part) && part.length > 3);

/**
 * Verb forms that show "Qu'est-ce que X …" is a clause ("Qu'est-ce que l'OTAN a envoyé …") and not a definition
 * ("Qu'est-ce que l'OSCE ?"): auxiliaries, modals and frequent verbs of news questions.
 */
const CLAUSE_WORDS = wordSet(`
  a ont avait avaient aura auront aurait auraient est sont etait etaient sera seront serait seraient va vont fait
  font veut veulent peut peuvent doit doivent dit disent pense pensent propose proposent demande demandent exige
  exigent reclame reclament reproche reprochent attend attendent prevoit prevoient contient contiennent craint
  craignent souhaite souhaitent envisage envisagent offre offrent signifie signifient implique impliquent change
  changent represente representent cache cachent risque risquent obtient obtiennent gagne perd apporte apportent
  defend defendent critique critiquent refuse refusent accepte acceptent promet promettent annonce annoncent compte
  comptent cherche cherchent espere esperent redoute redoutent vise visent prepare preparent il elle ils elles on je
  tu nous vous se s' ne n' y lui
`);
const VERB_ENDING = /(?:aient|eront|erait|eraient|iront|irait|iraient)$|^.{3,}(?:ait|era|ira)$/;
const INVERSION = /-(?:t-)?(?:il|elle|ils|elles|on|je|tu|nous|vous|ce)$/;
/** Adjective endings: a lowercase word after a name that ends like this is an adjective ("l'Union européenne"). */
const ADJECTIVE_ENDING = /(?:een|eenne|eens|eennes|al|ale|aux|ales|ique|iques|aire|aires|ien|ienne|iens|iennes|ais|aise|aises|ain|aine|ains|aines|el|elle|els|elles|if|ive|ifs|ives|ois|oise|oises|iste|istes|e)$/;

function startsWith(ws: readonly string[], at: number, seq: readonly string[]): boolean {
  return seq.every((w, k) => ws[at + k] === w);
}

/** Length of a preposition at `at` (0 if none). */
function prepositionAt(ws: readonly string[], at: number): number {
  for (const prep of FRENCH_PREPOSITIONS) if (startsWith(ws, at, prep)) return prep.length;
  return 0;
}

function singularNoun(w: string): string {
  return w.replace(/(?<=.{3})[sx]$/, '');
}

/** Kind asked for by "quel(le)(s) [être] [le] NOUN", given the preposition in front of "quel" (if any). */
function kindOfNoun(noun: string, preposition: string): QuestionKind {
  const n = noun;
  const s = singularNoun(noun);
  const has = (set: ReadonlySet<string>): boolean => set.has(n) || set.has(s);
  if (has(TIME_NOUNS)) {
    if (preposition === 'depuis') return 'since';
    if (preposition === 'pendant' || preposition === 'durant') return 'duration';
    return 'when';
  }
  if (has(DURATION_NOUNS)) return 'duration';
  if (has(QUANTITY_NOUNS)) return 'quantity';
  if (has(REASON_NOUNS)) return 'why';
  if (has(MANNER_NOUNS)) return 'how';
  if (has(PLACE_NOUNS)) return preposition === 'avec' ? 'withWhom' : 'where';
  if (has(AGENT_NOUNS) || isRoleWord(n)) return preposition === 'avec' ? 'withWhom' : 'who';
  return 'what';
}

/** "quel(le)(s)" at `at`: skips a copula, a determiner and fronted adjectives to reach the noun. */
function classifyQuel(ws: readonly string[], at: number, preposition: string): QuestionKind {
  let i = at + 1;
  if (COPULAS.has(ws[i] ?? '')) i += 1;
  else if ((ws[i] === 'a' || ws[i] === 'ont' || ws[i] === 'avait') && ws[i + 1] === 'ete') i += 2;
  if (DETERMINERS.has(ws[i] ?? '')) i += 1;
  while (PRE_ADJECTIVES.has(ws[i] ?? '')) i += 1;
  const noun = ws[i];
  if (noun === undefined || noun === '?') return 'what';
  return kindOfNoun(noun, preposition);
}

/**
 * "Qui est X ?": a definition when X is a proper name or a plain noun phrase ("Qui est Dmitri Peskov ?",
 * "Qui sont les Houthis ?"), 'who' when X is a role ("le porte-parole du Kremlin": the answer is a name), a
 * superlative or carries a relative clause ("l'homme qui …"), or is not a noun phrase at all ("Qui est derrière
 * l'attaque ?", "Qui est responsable … ?").
 */
function classifyWhoIs(text: string, tokens: readonly Token[], from: number): Partial {
  const rest = tokens.slice(from).filter((t) => t.folded !== '?');
  const first = rest[0];
  if (first === undefined) return { kind: 'who' };
  const subject = cleanSubject(text.slice(first.start));
  const ws = words(rest);
  const relative = ws.slice(1).some((w) => w === 'qui' || w === 'que' || w === "qu'" || w === 'dont');
  if (DETERMINERS.has(ws[0] ?? '')) {
    let i = 1;
    while (PRE_ADJECTIVES.has(ws[i] ?? '') && !isRoleWord(ws[i] ?? '')) i += 1;
    const head = ws[i] ?? '';
    if (head === 'plus' || head === 'moins' || head === 'mieux') return { kind: 'who' };
    if (isRoleWord(head) || AGENT_NOUNS.has(head)) return { kind: 'who', subject };
    if (relative) return { kind: 'who', subject };
    return { kind: 'definition', subject };
  }
  if (first.capitalised) return relative ? { kind: 'who', subject } : { kind: 'definition', subject };
  return { kind: 'who' };
}

/** True when the words after "Qu'est-ce que" form a clause (a verb, a pronoun, an inversion), not a noun phrase. */
function isClause(text: string, tokens: readonly Token[]): boolean {
  const rest = tokens.filter((t) => t.folded !== '?');
  if (rest.length > 8) return true;
  for (let i = 0; i < rest.length; i += 1) {
    const t = rest[i];
    if (t === undefined) continue;
    const w = t.folded;
    if (CLAUSE_WORDS.has(w) || INVERSION.test(w) || VERB_ENDING.test(w)) return true;
    // A name followed directly by a lower-case word that is neither a function word nor an adjective: a verb
    // ("Qu'est-ce que Moscou envisage ?").
    const next = rest[i + 1];
    if (t.capitalised && next !== undefined && i > 0) {
      const nextOriginal = text.slice(next.start, next.end);
      if (/^\p{Ll}/u.test(nextOriginal) && !FRENCH_FUNCTION_WORDS.has(next.folded) && !ADJECTIVE_ENDING.test(next.folded)) {
        return true;
      }
    }
  }
  return false;
}

/** "Qu'est-ce que X ?", "Que signifie X ?": a definition of X when X is a noun phrase, else an ordinary question. */
function definitionOrWhat(text: string, tokens: readonly Token[], from: number, bareNounAllowed = false): Partial {
  const rest = tokens.slice(from);
  const first = rest.find((t) => t.folded !== '?');
  if (first === undefined || isClause(text, rest)) return { kind: 'what' };
  // A noun phrase starts with a determiner or a name ("Que sont devenus les otages ?" does not); after "Que veut
  // dire" a bare noun is fine ("Que veut dire laïcité ?").
  if (!bareNounAllowed && !DETERMINERS.has(first.folded) && !first.capitalised) return { kind: 'what' };
  return { kind: 'definition', subject: cleanSubject(text.slice(first.start)) };
}

/**
 * Classifies from an interrogative word at `at` (a preposition may stand at `at` before it). Returns undefined when
 * there is no interrogative word there.
 */
function classifyFrenchAt(text: string, tokens: readonly Token[], at: number, atStart: boolean): Partial | undefined {
  const ws = words(tokens);
  const prepLength = prepositionAt(ws, at);
  const preposition = prepLength > 0 ? (ws.slice(at, at + prepLength).join(' ')) : '';
  const i = at + prepLength;
  const w = ws[i] ?? '';
  const next = ws[i + 1] ?? '';
  const next2 = ws[i + 2] ?? '';

  if (w === 'quand') {
    if (preposition === 'depuis') return { kind: 'since' };
    return { kind: 'when' };
  }
  if (w === 'combien') {
    if (preposition === 'depuis') return { kind: 'since' };
    if (preposition === 'pendant' || preposition === 'durant') return { kind: 'duration' };
    if ((next === 'de' || next === "d'") && next2 === 'temps') {
      // "Il y a combien de temps que…" asks since when.
      if (i >= 3 && ws[i - 3] === 'il' && ws[i - 2] === 'y' && ws[i - 1] === 'a') return { kind: 'since' };
      return { kind: 'duration' };
    }
    if ((next === 'de' || next === "d'") && (TIME_NOUNS.has(next2) || DURATION_NOUNS.has(next2)) && next2 !== 'date') {
      return { kind: 'duration' };
    }
    return { kind: 'quantity' };
  }
  if (w === 'pourquoi') return { kind: 'why' };
  if (w === 'comment') {
    if (/^(?:s'|se)$/.test(next) && /^(?:appell?e(?:nt)?|nomme(?:nt)?)$/.test(next2)) return { kind: 'who' };
    if (next === 'expliquer' || ((next === "s'" || next === 'se') && next2.startsWith('expliqu'))) return { kind: 'why' };
    return { kind: 'how' };
  }
  // "où" typed "ou": only where an interrogative can stand (start, after a preposition, before "?").
  if (w === 'ou' && (atStart || prepLength > 0 || next === '?' || next === '' || text.slice(tokens[i]?.start ?? 0).startsWith('où'))) {
    // "Où en est l'enquête ?" asks how things stand, not where.
    if (prepLength === 0 && next === 'en' && /^(?:est|sont|etait|etaient|sera|seront)$/.test(next2)) return { kind: 'what' };
    return { kind: 'where' };
  }
  if (w === 'qui') {
    if (preposition === 'avec' || preposition === 'aux cotes de') return { kind: 'withWhom' };
    if (prepLength === 0 && COPULAS.has(next) && next !== 'est-ce') return classifyWhoIs(text, tokens, i + 2);
    return { kind: 'who' };
  }
  if (/^quel(?:le)?s?$/.test(w)) return { kind: classifyQuel(ws, i, preposition) };
  if (/^(?:lequel|laquelle|lesquels|lesquelles)$/.test(w)) {
    if (preposition === 'avec') return { kind: 'withWhom' };
    return { kind: 'what' };
  }
  if (w === "qu'" || w === 'que') {
    if (prepLength > 0) return undefined;
    // Qu'est-ce que / Qu'est ce que / Qu'est-ce qui
    const est = next === 'est-ce' ? 1 : next === 'est' && next2 === 'ce' ? 2 : 0;
    if (est > 0) {
      const after = ws[i + 1 + est] ?? '';
      if (after === 'qui') {
        const verb = ws[i + 2 + est] ?? '';
        const verb2 = ws[i + 3 + est] ?? '';
        if (/^(?:explique|justifie|motive|pousse|provoque|cause)/.test(verb)) return { kind: 'why' };
        if (verb === 'a' && /^(?:pousse|motive|conduit|provoque|cause|declenche)/.test(verb2)) return { kind: 'why' };
        return { kind: 'what' };
      }
      if (after === 'que' || after === "qu'") return definitionOrWhat(text, tokens, i + 2 + est);
      return { kind: 'what' };
    }
    if (/^(?:signifie|signifient|designe|designent)$/.test(next)) return definitionOrWhat(text, tokens, i + 2, true);
    if (next === 'veut' && next2 === 'dire') return definitionOrWhat(text, tokens, i + 3, true);
    if (next === 'sont' && atStart) return definitionOrWhat(text, tokens, i + 2);
    return { kind: 'what' };
  }
  if (w === 'quoi') return { kind: 'what' };
  return undefined;
}

function skipOpeners(ws: readonly string[]): number {
  let i = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const opener of FRENCH_OPENERS) {
      if (startsWith(ws, i, opener) && i + opener.length < ws.length) {
        i += opener.length;
        changed = true;
        break;
      }
    }
  }
  return i;
}

function classifyFrench(text: string, tokens: readonly Token[]): Partial {
  const ws = words(tokens);
  const start = skipOpeners(ws);

  // "C'est quoi X ?" / "X, c'est quoi ?" / "X, c'est qui ?"
  const cest = ws.indexOf("c'");
  if (cest >= 0 && ws[cest + 1] === 'est' && (ws[cest + 2] === 'quoi' || ws[cest + 2] === 'qui')) {
    const asksWho = ws[cest + 2] === 'qui';
    if (cest === start) {
      if (asksWho) return classifyWhoIs(text, tokens, cest + 3);
      return definitionOrWhat(text, tokens, cest + 3);
    }
    const firstSubject = tokens[start];
    const cestToken = tokens[cest];
    if (firstSubject !== undefined && cestToken !== undefined) {
      const subject = cleanSubject(text.slice(firstSubject.start, cestToken.start).replace(/[,\s]+$/, ''));
      if (subject.length > 0) {
        if (asksWho) {
          const info = classifyWhoIs(text, tokens.slice(0, cest), start);
          return info.kind === 'who' && info.subject === undefined ? { kind: 'who' } : { ...info, subject };
        }
        return { kind: 'definition', subject };
      }
    }
  }

  // "Quelle est la définition de X ?"
  if (/^quel(?:le)?s?$/.test(ws[start] ?? '')) {
    const defAt = ws.indexOf('definition', start);
    if (defAt > start && defAt <= start + 3 && (ws[defAt + 1] === 'de' || ws[defAt + 1] === "d'" || ws[defAt + 1] === 'du')) {
      const from = ws[defAt + 1] === 'du' ? defAt + 1 : defAt + 2;
      const first = tokens[from];
      if (first !== undefined) return { kind: 'definition', subject: cleanSubject(text.slice(first.start)) };
    }
  }

  // Interrogative word at the start (possibly after a preposition), or at the start of a clause after a colon, as
  // in headline-style questions ("Remaniement : qui sont les nouveaux ministres ?").
  const leading = classifyFrenchAt(text, tokens, start, true);
  if (leading !== undefined) return leading;
  for (let j = start + 1; j < tokens.length; j += 1) {
    const token = tokens[j];
    if (token === undefined || !/[:;]\s*$/u.test(text.slice(0, token.start))) continue;
    const afterColon = classifyFrenchAt(text, tokens, j, true);
    if (afterColon !== undefined) return afterColon;
  }
  // "Est-ce que …" and other openers followed by an interrogative word later on ("Est-ce que tu sais où …").
  // Interrogative words in place: "Ils se réunissent quand ?", "La réunion aura lieu où ?". Relative "qui"/"que"
  // and the conjunction "ou" are only read as interrogatives at the end of the question.
  for (let j = start + 1; j < ws.length; j += 1) {
    const w = ws[j] ?? '';
    const last = ws[j + 1] === undefined || ws[j + 1] === '?';
    const token = tokens[j];
    const accentedOu = token !== undefined && text.slice(token.start, token.end).toLowerCase() === 'où';
    const interrogative =
      w === 'quand' || w === 'combien' || w === 'pourquoi' || w === 'comment' || /^quel(?:le)?s?$/.test(w) ||
      accentedOu || (last && (w === 'qui' || w === 'quoi' || w === 'ou'));
    if (!interrogative) continue;
    // Take a preposition in front of it into account ("avec qui", "depuis quand", "dans quelle ville").
    let at = j;
    for (let back = 3; back >= 1; back -= 1) {
      if (j - back >= start && prepositionAt(ws, j - back) === back) {
        at = j - back;
        break;
      }
    }
    const inPlace = classifyFrenchAt(text, tokens, at, false);
    if (inPlace !== undefined) return inPlace;
  }
  return looksLikeQuestion(text, ws) ? { kind: 'what' } : { kind: 'keywords' };
}

/** A question mark, "est-ce que" or a verb-subject inversion ("va-t-elle") makes a question without a question word. */
function looksLikeQuestion(text: string, ws: readonly string[]): boolean {
  return /[?？]/.test(text) || ws.includes('est-ce') || ws.some((w) => INVERSION.test(w));
}

// ————————————————————————————————————————— English —————————————————————————————————————————

const ENGLISH_OPENERS: readonly (readonly string[])[] = [
  ['and'], ['but'], ['so'], ['then'], ['also'], ['ok'], ['okay'], ['well'], ['please'], ['tell', 'me'],
  ['can', 'you', 'tell', 'me'], ['could', 'you', 'tell', 'me'], ['do', 'you', 'know'], ['i', 'want', 'to', 'know'],
  ['i\'d', 'like', 'to', 'know'], ['i', 'would', 'like', 'to', 'know'], ['remind', 'me'], ['any', 'idea'],
];
const EN_PREPOSITIONS = new Set(['in', 'on', 'at', 'by', 'since', 'until', 'from', 'to', 'for', 'with', 'against', 'of', 'during', 'into']);
const EN_TIME = wordSet(`
  year years day days date dates time month months week weeks period moment century decade hour
`);
const EN_DURATION = new Set(['duration', 'length']);
const EN_QUANTITY = wordSet(`
  number amount percentage proportion share sum total price cost budget toll figure figures rate size level
`);
const EN_PLACE = wordSet(`
  city cities country countries region regions place places town area state province capital location continent site
`);
const EN_REASON = wordSet(`
  reason reasons cause causes motive motives purpose goal aim rationale
`);
const EN_MANNER = new Set(['way', 'ways', 'means', 'method', 'methods']);
/** Roles and agents: "Which minister …", "Who is the Kremlin spokesman?" (the answer is a name). */
const EN_AGENTS = wordSet(`
  person people leader leaders official officials minister ministers president presidents spokesman spokesperson
  spokeswoman secretary head chief director chancellor king queen prime mayor governor ambassador commander general
  author winner founder deputy ceo boss chairman chair envoy negotiator representative wife husband son daughter
  father mother successor predecessor candidate judge prosecutor name organisation organization organisations
  organizations group groups party parties company companies politician politicians diplomat diplomats man woman
  institution agency government
`);
const EN_CLAUSE = wordSet(`
  is are was were do does did have has had will would can could should may might must want wants wanted say says
  said think thinks demand demands send sent
`);

function englishNounKind(noun: string, preposition: string): QuestionKind | undefined {
  if (EN_TIME.has(noun)) return preposition === 'since' ? 'since' : preposition === 'for' ? 'duration' : 'when';
  if (EN_DURATION.has(noun)) return 'duration';
  if (EN_QUANTITY.has(noun)) return 'quantity';
  if (EN_PLACE.has(noun)) return preposition === 'with' ? 'withWhom' : 'where';
  if (EN_REASON.has(noun)) return 'why';
  if (EN_MANNER.has(noun)) return 'how';
  if (EN_AGENTS.has(noun)) return preposition === 'with' ? 'withWhom' : 'who';
  return undefined;
}

/** "Who is X?": definition for a name, 'who' (with the subject) for a role ("the Kremlin spokesman"). */
function classifyEnglishWhoIs(text: string, tokens: readonly Token[], from: number): Partial {
  const rest = tokens.slice(from).filter((t) => t.folded !== '?');
  const first = rest[0];
  if (first === undefined) return { kind: 'who' };
  const subject = cleanSubject(text.slice(first.start));
  const ws = words(rest);
  // "NATO's secretary general": a possessive makes a role, like "the".
  const possessive = /\p{L}['’]s(?!\p{L})/u.test(subject);
  if (ws[0] === 'the' || ws[0] === 'a' || ws[0] === 'an' || possessive) {
    const beforeOf = ws.indexOf('of') >= 0 ? ws.slice(0, ws.indexOf('of')) : ws;
    if (beforeOf.some((w) => EN_AGENTS.has(w))) return { kind: 'who', subject };
    if (ws.includes('who') || ws.includes('that')) return { kind: 'who', subject };
    return { kind: 'definition', subject };
  }
  if (first.capitalised) return { kind: 'definition', subject };
  return { kind: 'who' };
}

function classifyEnglishAt(text: string, tokens: readonly Token[], at: number): Partial | undefined {
  const ws = words(tokens);
  let i = at;
  const preposition = EN_PREPOSITIONS.has(ws[i] ?? '') ? (ws[i] ?? '') : '';
  if (preposition !== '') i += 1;
  const w = ws[i] ?? '';
  const next = ws[i + 1] ?? '';
  const next2 = ws[i + 2] ?? '';
  const lastWord = ws.filter((x) => x !== '?').at(-1);

  if (w === 'when') return preposition === 'since' ? { kind: 'since' } : { kind: 'when' };
  if (w === 'how') {
    if (next === 'long') return next2 === 'ago' ? { kind: 'when' } : { kind: 'duration' };
    if ((next === 'many' || next === 'much') && EN_TIME.has(next2) && next2 !== 'date') return { kind: 'duration' };
    if (/^(?:many|much|old|far|big|large|high|often|tall|deep|wide)$/.test(next)) return { kind: 'quantity' };
    if (next === 'come') return { kind: 'why' };
    return { kind: 'how' };
  }
  if (w === 'where') return { kind: 'where' };
  if (w === 'why') return { kind: 'why' };
  if (w === 'whom' || w === 'who' || w === 'whose') {
    if (preposition === 'with' || (w !== 'whose' && lastWord === 'with')) return { kind: 'withWhom' };
    if (w === 'who' && preposition === '' && /^(?:is|are|was|were)$/.test(next)) return classifyEnglishWhoIs(text, tokens, i + 2);
    return { kind: 'who' };
  }
  if (w === 'what' || w === 'which') {
    let j = i + 1;
    if (/^(?:is|are|was|were|will|would)$/.test(ws[j] ?? '')) j += 1;
    if (ws[j] === 'the' || ws[j] === 'a' || ws[j] === 'an') j += 1;
    while (/^(?:main|real|exact|new|first|last|next|current|official|total|key)$/.test(ws[j] ?? '')) j += 1;
    const byNoun = englishNounKind(ws[j] ?? '', preposition);
    if (byNoun !== undefined) return { kind: byNoun };
    if (/^(?:caused|prompted|explains|motivated|drove|triggered)$/.test(next) || (next === 'led' && next2 === 'to')) {
      return { kind: 'why' };
    }
    // "What is NATO?" / "What does X mean?": a definition when X is a noun phrase.
    if (w === 'what' && preposition === '' && /^(?:is|are)$/.test(next)) {
      // A name ("NATO", "the OSCE") or an indefinite noun ("a ceasefire"); "the position of China" is not one.
      const rest = tokens.slice(i + 2).filter((t) => t.folded !== '?');
      const first = rest[0];
      const clause = rest.some((t) => EN_CLAUSE.has(t.folded) || (/(?:ing|ed)$/.test(t.folded) && !t.capitalised));
      const possessive = /\p{L}['’]s(?!\p{L})/u.test(text.slice(first?.start ?? 0)); // "China's position"
      const nameLike =
        first !== undefined &&
        !possessive &&
        (first.capitalised || first.folded === 'a' || first.folded === 'an' || (first.folded === 'the' && rest[1]?.capitalised === true));
      if (first !== undefined && nameLike && !clause) {
        return { kind: 'definition', subject: cleanSubject(text.slice(first.start)) };
      }
    }
    if (w === 'what' && (next === 'does' || next === 'do') && lastWord === 'mean') {
      const rest = tokens.slice(i + 2).filter((t) => t.folded !== '?' && t.folded !== 'mean');
      const first = rest[0];
      const last = rest.at(-1);
      if (first !== undefined && last !== undefined) return { kind: 'definition', subject: cleanSubject(text.slice(first.start, last.end)) };
    }
    return { kind: 'what' };
  }
  return undefined;
}

function classifyEnglish(text: string, tokens: readonly Token[]): Partial {
  const ws = words(tokens);
  let start = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const opener of ENGLISH_OPENERS) {
      if (startsWith(ws, start, opener) && start + opener.length < ws.length) {
        start += opener.length;
        changed = true;
        break;
      }
    }
  }
  const leading = classifyEnglishAt(text, tokens, start);
  if (leading !== undefined) return leading;
  for (let j = start + 1; j < ws.length; j += 1) {
    const w = ws[j] ?? '';
    if (!/^(?:when|where|why|how|who|whom|what|which)$/.test(w)) continue;
    const at = EN_PREPOSITIONS.has(ws[j - 1] ?? '') ? j - 1 : j;
    const inPlace = classifyEnglishAt(text, tokens, at);
    if (inPlace !== undefined) return inPlace;
  }
  // A yes/no question ("Did Russia invade Ukraine") still wants a sentence, not a keyword search.
  const question = /[?？]/.test(text) || /^(?:is|are|was|were|do|does|did|will|would|can|could|has|have|had|should)$/.test(ws[start] ?? '');
  return question ? { kind: 'what' } : { kind: 'keywords' };
}
