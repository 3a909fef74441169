/** A completion at most this much longer than the query term is an inflection the stemmer left apart. */
export const INFLECTION_LETTERS = 3;
/** How well a typo correction stands for the query term. */
export const TYPO_QUALITY = 0.5;

/** How well a completion `extra` letters longer than the query term stands for it. */
export function completionQuality(extra: number): number {
  return extra <= INFLECTION_LETTERS ? 0.9 : 0.6;
}

/**
 * How well an index term stands for a query term: 1 for the same term, a little less for an inflection the stemmer
 * left apart (`pourparler` → `pourparlers`), less for a longer completion, and half for a typo correction.
 */
export function matchQuality(queryTerm: string, docTerm: string): number {
  if (docTerm === queryTerm) return 1;
  if (docTerm.startsWith(queryTerm)) return completionQuality(docTerm.length - queryTerm.length);
  return withinTwoEdits(queryTerm, docTerm) ? TYPO_QUALITY : 0;
}

/** Whether two terms are within the fuzzy distance the search allows (2 edits). Terms are short: plain DP. */
function withinTwoEdits(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? Infinity) + 1, (current[j - 1] ?? Infinity) + 1, (previous[j - 1] ?? Infinity) + cost);
    }
    previous = current;
  }
  return (previous[b.length] ?? Infinity) <= 2;
}
