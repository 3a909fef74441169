/**
 * Lookups in an array of strings sorted in code-unit order (the folded article ids autocomplete matches): a key is
 * found by binary search and the strings that start with a prefix are one contiguous range.
 */

/** Index of the first term that is not less than `key` (terms.length when all are less). */
export function lowerBound(terms: readonly string[], key: string, lo = 0, hi = terms.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range `[start, end)` of the terms that start with `prefix` (the prefix itself included when present). */
export function prefixRange(terms: readonly string[], prefix: string): readonly [number, number] {
  const start = lowerBound(terms, prefix);
  // Every term with the prefix sorts before prefix + U+FFFF (no analysed term contains that non-character).
  const end = lowerBound(terms, `${prefix}\uffff`, start);
  return [start, end];
}
