import { cosine, type TermVector } from './termVector.js';

/**
 * Maximal Marginal Relevance trade-off: 1 would ignore redundancy, 0 would ignore the score. 0.7 is the usual choice
 * for summaries: relevance first, but a sentence that says again what is already chosen loses to a fresh one.
 */
const LAMBDA = 0.7;
/**
 * Cosine (TF-IDF) at or above which two sentences are the same news: a paragraph repeated word for word, a lede
 * restated in the body, the same wire copy in two articles. Such a sentence is never chosen twice, whatever its score.
 */
export const NEAR_DUPLICATE = 0.5;

export interface SelectionOptions {
  /** How many sentences at most. */
  readonly max: number;
  /** How many sentences at most from one article (several articles only). */
  readonly perArticle?: number;
}

/**
 * Greedy MMR: repeatedly takes the sentence with the best score minus its similarity to what is already chosen,
 * skipping near-duplicates of a chosen sentence. `scores` and `vectors` are aligned with `items`. Returns indices into
 * `items` in the order they were chosen. Deterministic: ties go to the earlier item. O(items × max).
 */
export function selectSentences(
  items: readonly { readonly articleId: string }[],
  scores: readonly number[],
  vectors: readonly TermVector[],
  options: SelectionOptions,
): number[] {
  const chosen: number[] = [];
  const perArticle = new Map<string, number>();
  // The highest similarity of each item to any chosen item, updated once per choice.
  const redundancy = new Array<number>(items.length).fill(0);
  const available = new Array<boolean>(items.length).fill(true);
  // Scores are scaled so that redundancy (a cosine in [0, 1]) is on the same footing.
  const max = Math.max(0, ...scores);
  while (chosen.length < options.max) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < items.length; i++) {
      if (!available[i]) continue;
      const value = LAMBDA * ((scores[i] ?? 0) / (max || 1)) - (1 - LAMBDA) * (redundancy[i] ?? 0);
      if (value > bestValue) {
        best = i;
        bestValue = value;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    available[best] = false;
    const article = items[best]!.articleId;
    const count = (perArticle.get(article) ?? 0) + 1;
    perArticle.set(article, count);
    const chosenVector = vectors[best]!;
    for (let i = 0; i < items.length; i++) {
      if (!available[i]) continue;
      const full = options.perArticle !== undefined && items[i]!.articleId === article && count >= options.perArticle;
      const similarity = cosine(chosenVector, vectors[i]!);
      if (full || similarity >= NEAR_DUPLICATE) available[i] = false;
      else if (similarity > (redundancy[i] ?? 0)) redundancy[i] = similarity;
    }
  }
  return chosen;
}
