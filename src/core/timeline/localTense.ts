import { FRENCH_FUNCTION_WORDS, foldWord } from '../answer/lexicon.js';

/*
 * Is what a date mention refers to reported as done or as planned? A news sentence often mixes both ("Les
 * Etats-Unis ont annoncé, mardi 28 décembre, s'être entendus sur la tenue le 10 janvier de pourparlers"), so the
 * sentence's tense as a whole is not enough: the verb nearest the mention decides, a verb in the same clause winning
 * over one across a comma, a quotation mark or a parenthesis.
 */

/**
 * How a verb form shows its time: compound past with "avoir" ("a annoncé"), "être" + participle (a compound past,
 * "est arrivé", or a passive present, "est interdit"), imperfect, future, conditional, or a word such as "prévu".
 */
export type TenseKind = 'compound-past' | 'etre-participle' | 'imperfect' | 'future' | 'conditional' | 'planned-word';

export interface TenseMarker {
  readonly status: 'done' | 'planned';
  readonly kind: TenseKind;
  /** Offsets of the verb (auxiliary to participle for compound forms) in the sentence. */
  readonly start: number;
  readonly end: number;
}

export interface LocalTense extends TenseMarker {
  /** Characters between the mention and the verb, plus penalties for clause boundaries crossed. */
  readonly distance: number;
}

/** A word, possibly with an elided particle glued before it (`s'être`, `l'a`), with hyphens kept (`a-t-il`). */
const WORD_RE = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?:-[\p{L}\p{M}]+)*/gu;

/** Auxiliaries of compound pasts: "a annoncé", "ont été", "s'était entendu", "avait déclaré". */
const PAST_AUXILIARIES = new Set([
  'a', 'ont', 'avait', 'avaient', 'eut', 'eurent', 'ai', 'as', 'avons', 'avez', 'avais', 'avions', 'aviez',
  'est', 'sont', 'était', 'étaient', 'fut', 'furent', 'suis', 'es', 'sommes', 'êtes', 'étais',
  'avoir', 'être', 'ayant', 'étant', 'a-t-il', 'a-t-elle', 'a-t-on', 'ont-ils', 'ont-elles', 'est-il', 'est-elle',
]);
const ETRE_FORMS = new Set(['est', 'sont', 'était', 'étaient', 'fut', 'furent', 'suis', 'es', 'sommes', 'êtes', 'étais', 'être', 'étant']);
/** Auxiliaries in the future or the conditional: "aura lieu" is planned; "aurait rassemblé" reports an alleged past. */
const FUTURE_AUXILIARIES = new Set(['aura', 'auront', 'sera', 'seront', 'serons', 'aurons']);
const CONDITIONAL_PAST_AUXILIARIES = new Set(['aurait', 'auraient']);
/** Words between an auxiliary and its participle: "a pour sa part apporté", "n'a pas encore été". */
const MAX_WORDS_BEFORE_PARTICIPLE = 4;
/** Determiners and prepositions: after an auxiliary they start a complement, so no participle follows. */
const GROUP_BREAKERS = new Set([
  'aucun', 'aucune', 'tout', 'toute', 'tous', 'toutes', 'plusieurs', 'certains', 'certaines', 'quelques', 'chaque',
  'ni', 'de', 'du', 'des', "d'", 'le', 'la', 'les', "l'", 'un', 'une', 'à', 'au', 'aux', 'en', 'dans', 'sur', 'par',
  'avec', 'pour', 'que', "qu'", 'qui', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'mon',
  'ma', 'mes', 'notre', 'nos', 'votre', 'vos', 'chez', 'vers', 'contre', 'sans', 'sous', 'entre', 'selon',
]);
/** Asides that may sit between an auxiliary and its participle. */
const ASIDE_RE = /^(?:pour (?:sa|leur|ma|notre|votre) part|de (?:son|leur|mon|notre|votre) côté|à (?:son|leur) tour|en effet|par ailleurs|de nouveau|à nouveau|en outre)(?![\p{L}])/iu;
/** French past participles (regular and the common irregular ones), lower-cased with accents. */
const PARTICIPLE_RE =
  /(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes|ort|orte|orts|ortes|aint|ainte|eint|einte|oint|ointe|uit|uite|ise|ises|eu|eue|dû|né|née)$/u;
/** Words that look like participles after "a"/"est" but are not ("est ici", "a aussi", "est aussi"). */
const NOT_PARTICIPLES = new Set([
  'ici', 'aussi', 'ainsi', 'lui', 'qui', 'oui', 'parmi', 'depuis', 'puis', 'plus', 'sous', 'vous', 'nous', 'tous',
  'jamais', 'mais', 'trop', 'déjà', 'toujours', 'lieu', 'peu', 'dieu', 'jeu', 'feu', 'milieu', 'aujourd', 'hui',
  'aujourd’hui', "aujourd'hui", 'été', 'fait', 'dit', 'mis', 'pris',
]);
/** Irregular participles that the suffixes miss or that NOT_PARTICIPLES excludes for other reasons. */
const IRREGULAR_PARTICIPLES = new Set(['été', 'fait', 'dit', 'mis', 'pris', 'eu', 'pu', 'su', 'vu', 'dû', 'mort', 'né']);

/**
 * Future and conditional endings after the stem's last consonants ("débuteront", "sera", "pourra", "mettra",
 * "prendrait", "excluraient"). Checked on the accented lower-case word, so that "caméra" or "considérait" (é) do
 * not match. Only the third persons, which news prose uses; first persons (nous ferons) come from IRREGULAR_FUTURES
 * or are missed, because "-rons"/"-rais" endings are mostly nouns ("patrons", "vrais").
 * Conditional "-urait"/"-trait" are kept to the stems that make conditionals ("aurait", "conclurait", "mettrait",
 * "paraîtrait"): other verbs in -urer/-trer make imperfects ("assurait", "montrait").
 */
const FUTURE_RE = /(?:er|ir|dr|tr|ur|vr|rr)(?:a|ont)$/u;
const CONDITIONAL_RE = /(?:er|ir|dr|ttr|[iî]tr|aur|clur|vr|rr)(?:ait|aient)$/u;
/** Nouns, adjectives and imperfects that end like a future or a conditional. */
const NOT_FUTURE = new Set([
  'ultra', 'extra', 'intra', 'contra', 'mantra', 'tantra', 'infra', 'supra', 'tundra', 'camera', 'opera', 'era',
  'livrait', 'livraient', 'délivrait', 'ouvrait', 'ouvraient', 'couvrait', 'couvraient', 'découvrait',
  'découvraient', 'recouvrait', 'œuvrait', 'œuvraient', 'oeuvrait', 'oeuvraient', 'tirait', 'tiraient', 'retirait',
  'retiraient', 'attirait', 'attiraient', 'inspirait', 'inspiraient', 'aspirait', 'aspiraient', 'admirait',
  'admiraient', 'expirait', 'virait', 'respirait', 'soupirait', 'chavirait', 'arbitrait',
  // imperfect-looking nouns and adjectives
  'souhait', 'souhaits', 'parfait', 'bienfait', 'méfait', 'forfait', 'portrait', 'retrait', 'extrait', 'attrait',
  'abstrait', 'distrait', 'soustrait', 'trait',
]);
/** Futures whose ending FUTURE_RE does not cover (other persons), and "ira" (aller). */
const IRREGULAR_FUTURES = new Set([
  'ira', 'iront', 'irons', 'irez', 'irai', 'sera', 'seront', 'serons', 'serez', 'serai', 'aura', 'auront', 'aurons',
  'aurez', 'aurai', 'fera', 'feront', 'ferons', 'ferez', 'ferai', 'pourrons', 'pourrez', 'pourrai', 'devrons',
  'devrez', 'devrai', 'verrons', 'verrez', 'verrai', 'viendrons', 'viendrai',
]);
/** Imperfect endings (checked after the conditional): "avait", "déclarait", "étaient". */
const IMPERFECT_RE = /(?:ait|aient)$/u;

/** Words that announce what is to come whatever the tense: "prévu", "doit", "prochain", "à venir". */
const PLANNED_WORDS = new Set([
  'prévu', 'prévue', 'prévus', 'prévues', 'programmé', 'programmée', 'programmés', 'programmées', 'planifié',
  'planifiée', 'planifiés', 'planifiées', 'attendu', 'attendue', 'attendus', 'attendues', 'doit', 'doivent',
  'devra', 'devront', 'devrait', 'devraient', 'devait', 'devaient', 'prochain', 'prochaine', 'prochains',
  'prochaines', 'prévoit', 'prévoient', 'envisage', 'envisagent', 'compte', 'comptent',
]);
/** Words that are planned only with a verb after them ("compte se rendre", not "le compte"). */
const PLANNED_WITH_INFINITIVE = new Set(['compte', 'comptent', 'envisage', 'envisagent', 'prévoit', 'prévoient']);
/** "va", "vont" with an infinitive after them: the near future ("va se tenir", "vont reprendre"). */
const NEAR_FUTURE = new Set(['va', 'vont', 'allait', 'allaient', 'vais', 'allons', 'allez']);
const INFINITIVE_RE = /(?:er|ir|re|oir)$/u;
/** Pronouns that may stand between "va" and its infinitive ("va se tenir", "vont les recevoir"). */
const CLITICS = new Set(['se', "s'", 'le', 'la', 'les', 'lui', 'leur', 'y', 'en', 'nous', 'vous', 'me', 'te', 'de', 'à', 'pas', 'ne']);

/**
 * Penalties (in characters) for clause boundaries between a mention and a verb: a verb in another clause or inside
 * a quotation governs the mention less often than one further away in the same clause.
 */
const COMMA_PENALTY = 25;
const STRONG_PENALTY = 60;
const CLAUSE_PENALTY = 20;
/** Beyond this, a verb is about something else ("Selon les informations du lundi 4 mai, la ville va lancer…"). */
const MAX_DISTANCE = 70;
const STRONG_BOUNDARY = /[;:«»"“”()[\]—–.!?…]/gu;
/** Words that open another clause: "… par rapport à jeudi et ne seront mises à jour que lundi". */
const CLAUSE_WORDS = /(?<![\p{L}'’])(?:et|mais|puis|or|car|donc|tandis|alors|lorsque|lorsqu|quand|si|que|qu|qui|où|dont)(?![\p{L}])/giu;

interface Word {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

/** All the tense markers of a sentence, in order. Exported for the extraction, which asks about several mentions. */
export function tenseMarkers(sentence: string): TenseMarker[] {
  const words: Word[] = [];
  for (const m of sentence.matchAll(WORD_RE)) {
    words.push({ text: m[0], lower: m[0].toLowerCase().replace(/’/gu, "'"), start: m.index, end: m.index + m[0].length });
  }
  const markers: TenseMarker[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    const bare = w.lower.replace(/^(?:s|n|m|t|qu|j)'/u, '');
    const participle = PAST_AUXILIARIES.has(bare) || FUTURE_AUXILIARIES.has(bare) || CONDITIONAL_PAST_AUXILIARIES.has(bare)
      ? participleAfter(sentence, words, i)
      : -1;
    if (participle >= 0) {
      const p = words[participle] as Word;
      const planned = PLANNED_WORDS.has(p.lower) && !PLANNED_WITH_INFINITIVE.has(p.lower);
      // "doit être présenté", "va être remplacé", "pourrait avoir lieu": the infinitive takes the modal's time
      const future = FUTURE_AUXILIARIES.has(bare) || ((bare === 'être' || bare === 'avoir') && modalBefore(words, i));
      const status = future || planned ? 'planned' : 'done';
      const kind: TenseKind = planned
        ? 'planned-word'
        : future
          ? 'future'
          : ETRE_FORMS.has(bare.replace(/-t-(?:il|elle|on)$|-(?:ils|elles|il|elle)$/u, ''))
            ? 'etre-participle'
            : 'compound-past';
      markers.push({ status, kind, start: (future && !FUTURE_AUXILIARIES.has(bare) ? (words[i - 1] as Word) : w).start, end: p.end });
      i = participle;
      continue;
    }
    const marker = simpleMarker(words, i, bare);
    if (marker !== undefined) markers.push({ ...marker, start: w.start, end: w.end });
  }
  return markers;
}

/** The marker of a single word: a future, a conditional, an imperfect, "prévu", "va" + infinitive. */
function simpleMarker(words: readonly Word[], i: number, bare: string): { status: 'done' | 'planned'; kind: TenseKind } | undefined {
  const w = words[i] as Word;
  // a capitalised word is a name ("Vera", "Mounira"), unless it opens the sentence and is a known verb form
  const known = IRREGULAR_FUTURES.has(bare) || PLANNED_WORDS.has(bare) || NEAR_FUTURE.has(bare);
  if (/^\p{Lu}/u.test(w.text) && (i > 0 || !known)) return undefined;
  if (NEAR_FUTURE.has(bare)) return infinitiveAfter(words, i) ? { status: 'planned', kind: 'future' } : undefined;
  // "la CGT appelle à un rassemblement jeudi", "appellent à manifester samedi": a call for what is to come
  if ((bare === 'appelle' || bare === 'appellent') && words[i + 1]?.lower === 'à') return { status: 'planned', kind: 'planned-word' };
  if (PLANNED_WORDS.has(bare)) {
    if (PLANNED_WITH_INFINITIVE.has(bare) && !infinitiveAfter(words, i)) return undefined;
    return { status: 'planned', kind: 'planned-word' };
  }
  if (IRREGULAR_FUTURES.has(bare)) return { status: 'planned', kind: 'future' };
  if (bare.length < 4 || NOT_FUTURE.has(bare)) return undefined;
  if (CONDITIONAL_RE.test(bare)) return { status: 'planned', kind: 'conditional' };
  if (FUTURE_RE.test(bare)) return { status: 'planned', kind: 'future' };
  if (IMPERFECT_RE.test(bare) && bare.length >= 5) return { status: 'done', kind: 'imperfect' };
  return undefined;
}

/** Whether the word before an infinitive auxiliary (one adverb may sit between) puts it in the future. */
function modalBefore(words: readonly Word[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const marker = simpleMarker(words, k, (words[k] as Word).lower);
    if (marker?.status === 'planned' || PLANNED_WORDS.has((words[k] as Word).lower)) return true;
  }
  return false;
}

/** Index of the participle of the auxiliary at `i`, or -1 ("a annoncé", "n'a pas été", "a pour sa part apporté"). */
function participleAfter(sentence: string, words: readonly Word[], i: number): number {
  for (let k = i + 1; k <= i + 1 + MAX_WORDS_BEFORE_PARTICIPLE && k < words.length; k++) {
    const w = words[k] as Word;
    // punctuation between the auxiliary and the word ends the verb group ("il a, jeudi, …" is another matter)
    const prev = words[k - 1] as Word;
    if (!/^[\s'’-]*$/u.test(sentence.slice(prev.end, w.start))) return -1;
    if (/^\p{Lu}/u.test(w.text)) return -1;
    if (GROUP_BREAKERS.has(w.lower)) {
      // "a pour sa part apporté", "a de son côté rappelé": an aside; "a pas de signal" is not a verb group
      const aside = ASIDE_RE.exec(sentence.slice(w.start));
      if (aside === null) return -1;
      while (k + 1 < words.length && (words[k + 1] as Word).end <= w.start + aside[0].length) k++;
      continue;
    }
    if (IRREGULAR_PARTICIPLES.has(w.lower) || PLANNED_WORDS.has(w.lower)) return passiveAfter(sentence, words, k);
    if (isParticiple(w)) return k;
  }
  return -1;
}

/** "a été" + participle, "est prévu", "ont été actualisées": the verb group ends at the last participle. */
function passiveAfter(sentence: string, words: readonly Word[], k: number): number {
  const next = words[k + 1];
  const w = words[k] as Word;
  if (w.lower !== 'été' || next === undefined || !/^\s+$/u.test(sentence.slice(w.end, next.start))) return k;
  return isParticiple(next) ? k + 1 : k;
}

function isParticiple(w: Word): boolean {
  return (
    w.lower.length >= 3 &&
    !NOT_PARTICIPLES.has(w.lower) &&
    !FRENCH_FUNCTION_WORDS.has(foldWord(w.lower)) &&
    PARTICIPLE_RE.test(w.lower)
  );
}

/** Whether an infinitive follows within two words ("va se tenir", "compte se rendre", "doit reprendre"). */
function infinitiveAfter(words: readonly Word[], i: number): boolean {
  for (let k = i + 1; k <= i + 3 && k < words.length; k++) {
    const w = words[k] as Word;
    if (INFINITIVE_RE.test(w.lower) && w.lower.length >= 4) return true;
    if (!CLITICS.has(w.lower) && !/^(?:s|l|n|m|t)'/u.test(w.lower)) return false;
  }
  return false;
}

/**
 * The tense marker that governs the mention at [start, end) of `sentence`: the nearest one, distances counting
 * characters plus penalties for the commas, quotation marks, parentheses and semicolons crossed. `undefined` when
 * no marker is near enough (present tense, no verb, or the verbs belong to other clauses).
 */
export function localTense(
  sentence: string,
  start: number,
  end: number,
  markers: readonly TenseMarker[] = tenseMarkers(sentence),
): LocalTense | undefined {
  let best: LocalTense | undefined;
  for (const m of markers) {
    if (m.end > start && m.start < end) continue; // inside the mention ("prochain" is read by the mention itself)
    const gapStart = m.end <= start ? m.end : end;
    const gapEnd = m.end <= start ? start : m.start;
    const gap = sentence.slice(gapStart, gapEnd);
    const commas = (gap.match(/,/gu) ?? []).length;
    const strong = (gap.match(STRONG_BOUNDARY) ?? []).length;
    const clauses = (gap.match(CLAUSE_WORDS) ?? []).length;
    const distance = gap.length + commas * COMMA_PENALTY + strong * STRONG_PENALTY + clauses * CLAUSE_PENALTY;
    if (distance <= MAX_DISTANCE && (best === undefined || distance < best.distance)) best = { ...m, distance };
  }
  return best;
}
