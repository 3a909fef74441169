import type { Mark } from '../search/Mark.js';
import { foldSameLength, foldWord, ROLE_NOUNS, wordSet } from './lexicon.js';

/** An apposition longer than this is a clause, not a description of the subject. */
const MAX_APPOSITION = 120;

/**
 * Words an apposition starts with: a determiner or an adjective of office ("le secrétaire général…", "ancien
 * ministre…"), or a role noun itself ("porte-parole du Kremlin"). After "X, " anything else is the start of a clause
 * ("Jens Stoltenberg, a décidé…"), not a description of X.
 */
const APPOSITION_OPENERS = wordSet(`
  le la les l' un une des du son sa ses leur leurs ce cet cette notre votre
  ancien ancienne ex nouveau nouvelle nouvel actuel actuelle futur future premier première jeune célèbre
`);

/**
 * What a sentence says `subject` is, by French apposition: "Jens Stoltenberg, le secrétaire général de l'OTAN, a…"
 * or "le secrétaire général de l'OTAN, Jens Stoltenberg, a…" — and, for a role, the name it is given: "le
 * porte-parole du Kremlin, Dmitri Peskov". Matching ignores case and accents. Returns the span in `sentence`, or
 * `undefined` when the subject is not there or has no apposition.
 */
export function findApposition(sentence: string, subject: string): Mark | undefined {
  const folded = foldSameLength(sentence).toLowerCase();
  const needle = foldSameLength(subject.trim().replace(/[?!.\s]+$/u, '')).toLowerCase();
  if (needle === '' || folded.length !== sentence.length) return undefined;
  const at = folded.indexOf(needle);
  if (at === -1) return undefined;
  const end = at + needle.length;
  // "X, description," — the description runs to the next comma (or the end of the sentence).
  if (sentence.slice(end, end + 2) === ', ') {
    const stop = sentence.indexOf(',', end + 2);
    const span = { start: end + 2, end: stop === -1 ? sentence.replace(/[.!?…]+$/u, '').length : stop };
    if (isDescription(sentence.slice(span.start, span.end))) return span;
  }
  // "description, X" — the description starts after the previous comma or at the sentence start.
  if (sentence.slice(Math.max(at - 2, 0), at) === ', ') {
    const before = sentence.lastIndexOf(',', at - 3);
    const span = { start: before === -1 ? 0 : before + 2, end: at - 2 };
    if (isDescription(sentence.slice(span.start, span.end))) return span;
  }
  return undefined;
}

function isDescription(text: string): boolean {
  if (text.length < 3 || text.length > MAX_APPOSITION) return false;
  // A name given to a role ("…, Dmitri Peskov") is a description too: two or more capitalised words.
  if (/^\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)+$/u.test(text)) return true;
  const first = foldWord(text.split(/[\s’']/u)[0] ?? '');
  const elided = /^[ld][’']/iu.test(text) ? `${text[0]?.toLowerCase()}'` : undefined;
  return APPOSITION_OPENERS.has(first) || ROLE_NOUNS.has(first) || (elided !== undefined && APPOSITION_OPENERS.has(elided));
}
