/**
 * How much a term found by expanding a query word counts, relative to the word itself: MiniSearch's weights (with
 * which the ranking was tuned), less the further the term is from the word. Shared by the passage and title indexes.
 */

/** A completion of the query word: `term` is `extra` letters longer. */
export function completionWeight(term: string, extra: number): number {
  return (0.375 * term.length) / (term.length + 0.3 * extra);
}

/** A typo correction of the query word: `term` is `distance` edits away. */
export function typoWeight(term: string, distance: number): number {
  return (0.45 * term.length) / (term.length + distance);
}
