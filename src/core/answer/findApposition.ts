import type { Mark } from '../search/Mark.js';
import { foldAccents } from '../text/foldAccents.js';

/** An apposition longer than this is a clause, not a description of the subject. */
const MAX_APPOSITION = 120;

/**
 * What a sentence says `subject` is, by French apposition: "Jens Stoltenberg, secrétaire général de l'OTAN, a…"
 * or "le secrétaire général de l'OTAN, Jens Stoltenberg, a…". Matching ignores case and accents. Returns the
 * description's span in `sentence`, or `undefined` when the subject is not there or has no apposition.
 */
export function findApposition(sentence: string, subject: string): Mark | undefined {
  const folded = foldAccents(sentence);
  const needle = foldAccents(subject.trim().replace(/[?!.\s]+$/u, ''));
  if (needle === '' || folded.length !== sentence.length) return undefined; // folding changed offsets (ligatures): skip
  const at = folded.indexOf(needle);
  if (at === -1) return undefined;
  const end = at + needle.length;
  // "X, description," — the description runs to the next comma (or the end of the sentence).
  if (sentence.slice(end, end + 2) === ', ') {
    const stop = sentence.indexOf(',', end + 2);
    const span = { start: end + 2, end: stop === -1 ? sentence.replace(/[.!?…]+$/u, '').length : stop };
    if (span.end - span.start > 2 && span.end - span.start <= MAX_APPOSITION) return span;
  }
  // "description, X" — the description starts after the previous comma or at the sentence start.
  if (sentence.slice(Math.max(at - 2, 0), at) === ', ') {
    const before = sentence.lastIndexOf(',', at - 3);
    const start = before === -1 ? 0 : before + 2;
    const span = { start, end: at - 2 };
    if (span.end - span.start > 2 && span.end - span.start <= MAX_APPOSITION) return span;
  }
  return undefined;
}
