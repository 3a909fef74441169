/**
 * Sparse TF-IDF vectors over analysed terms (see `analyzeTerms`) and their cosine, the one measure of lexical
 * similarity used by the summariser: for centrality (centroid, TextRank) and for redundancy (MMR, near-duplicates).
 */

/** A weighted bag of terms with its Euclidean norm computed once (cosines are taken many times per vector). */
export interface TermVector {
  readonly weights: ReadonlyMap<string, number>;
  readonly norm: number;
}

/** Raw counts of each term; the input of `weightTermVectors`. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * TF-IDF vectors of a set of sentences, the IDF being taken over that same set: a word that every sentence of the
 * article repeats ("Russie" in an article about Russia) says little about which sentence matters, a rarer one does.
 * Sublinear term frequency (1 + ln tf) keeps one repeated word from dominating a sentence. IDF is smoothed
 * (ln(1 + N/df)) so that, in a short article, a term present everywhere still counts a little instead of vanishing.
 */
export function weightTermVectors(counts: readonly ReadonlyMap<string, number>[]): TermVector[] {
  const documentFrequency = new Map<string, number>();
  for (const c of counts) for (const term of c.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const n = counts.length;
  return counts.map((c) => {
    const weights = new Map<string, number>();
    let squares = 0;
    for (const [term, tf] of c) {
      const w = (1 + Math.log(tf)) * Math.log(1 + n / (documentFrequency.get(term) ?? 1));
      weights.set(term, w);
      squares += w * w;
    }
    return { weights, norm: Math.sqrt(squares) };
  });
}

/** The sum of several vectors (a centroid up to a factor, which a cosine ignores). */
export function sumTermVectors(vectors: readonly TermVector[]): TermVector {
  const weights = new Map<string, number>();
  for (const v of vectors) for (const [term, w] of v.weights) weights.set(term, (weights.get(term) ?? 0) + w);
  let squares = 0;
  for (const w of weights.values()) squares += w * w;
  return { weights, norm: Math.sqrt(squares) };
}

/** Cosine similarity in [0, 1] (weights are non-negative); 0 when either vector is empty. */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) dot += w * other;
  }
  return dot / (a.norm * b.norm);
}
