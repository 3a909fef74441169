/**
 * Lookups in a vocabulary kept as one array sorted in code-unit order. A sorted array is the whole dictionary: it
 * costs nothing to load from a snapshot (no tree to rebuild), a term is found by binary search, the completions of a
 * prefix are one contiguous range, and a fuzzy lookup walks it like a trie (terms sharing a prefix are adjacent).
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

/** Index of `term`, or -1. */
export function indexOfTerm(terms: readonly string[], term: string): number {
  const i = lowerBound(terms, term);
  return i < terms.length && terms[i] === term ? i : -1;
}

/** The range `[start, end)` of the terms that start with `prefix` (the prefix itself included when present). */
export function prefixRange(terms: readonly string[], prefix: string): readonly [number, number] {
  const start = lowerBound(terms, prefix);
  // Every term with the prefix sorts before prefix + U+FFFF (no analysed term contains that non-character).
  const end = lowerBound(terms, `${prefix}\uffff`, start);
  return [start, end];
}

/**
 * Calls `found(index, distance)` for every term within `maxDistance` edits (Levenshtein: insertions, deletions,
 * substitutions) of `query`, in no particular order. Walks the sorted array as a trie: the terms under one prefix
 * are a contiguous range, one dynamic-programming row is computed per prefix, and a prefix whose row already exceeds
 * the distance prunes its whole range. Cost grows with the number of prefixes within reach, not with the vocabulary.
 */
export function forEachFuzzyTerm(
  terms: readonly string[],
  query: string,
  maxDistance: number,
  found: (index: number, distance: number) => void,
): void {
  const width = query.length + 1;
  const rows: Int32Array[] = [];
  const rowAt = (depth: number): Int32Array => {
    let row = rows[depth];
    if (!row) {
      row = new Int32Array(width);
      rows[depth] = row;
    }
    return row;
  };
  const first = rowAt(0);
  for (let j = 0; j < width; j++) first[j] = j;

  const visit = (lo: number, hi: number, depth: number): void => {
    const row = rows[depth] as Int32Array;
    // Terms equal to the prefix itself sort first in the range.
    if ((terms[lo] as string).length === depth) {
      const distance = row[query.length] as number;
      if (distance <= maxDistance) found(lo, distance);
      lo += 1;
    }
    while (lo < hi) {
      const code = (terms[lo] as string).charCodeAt(depth);
      // End of the run of terms whose character at `depth` is `code`.
      let a = lo + 1;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if ((terms[mid] as string).charCodeAt(depth) <= code) a = mid + 1;
        else b = mid;
      }
      const end = a;
      const next = rowAt(depth + 1);
      next[0] = depth + 1;
      let best = next[0];
      for (let j = 1; j < width; j++) {
        const cost = query.charCodeAt(j - 1) === code ? 0 : 1;
        const value = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + cost);
        next[j] = value;
        if (value < best) best = value;
      }
      if (best <= maxDistance) visit(lo, end, depth + 1);
      lo = end;
    }
  };
  if (terms.length > 0) visit(0, terms.length, 0);
}

/** Levenshtein distance when it is at most `maxDistance`, else `maxDistance + 1`. For short lists (recent terms). */
export function boundedDistance(a: string, b: string, maxDistance: number): number {
  if (Math.abs(a.length - b.length) > maxDistance) return maxDistance + 1;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > maxDistance) return maxDistance + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] as number, maxDistance + 1);
}
