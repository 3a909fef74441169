import type { CandidateSentence } from './candidateSentences.js';
import { cosine, sumTermVectors, type TermVector } from './termVector.js';

/**
 * Weights of the hybrid sentence score. Each feature is scaled to [0, 1] within its article first, so the weights
 * compare like with like. Centrality (centroid, TextRank) says what the article is about; the lead says what the
 * journalist put first (lead-k is the baseline to beat in news); the title says what the editor thought it was about.
 */
const WEIGHTS = {
  centroid: 0.5,
  textRank: 1,
  lead: 1,
  title: 1,
  query: 1,
  /**
   * Someone's words are rarely the news itself, and a quote out of context misleads: a quotation should win only
   * when the article has nothing else to say. Each penalty equals the full lead bonus; a quotation that is only
   * attributed ("« … », a-t-il dit.") gets both.
   */
  opensWithQuote: 1,
  attributionOnly: 1,
} as const;

/**
 * Across articles: a sentence's score within its article (scaled to that article's best) and its centrality to the
 * whole set weigh the same, so that the summary keeps what each article stresses *and* what the set has in common.
 */
const SET_WEIGHTS = { article: 1, centroid: 1, query: 1 } as const;

/** TextRank damping and iterations: the ranking is stable long before 30 power iterations on a few dozen nodes. */
const DAMPING = 0.85;
const ITERATIONS = 30;

/** What the scorer needs besides the sentences: the analysed title and, for a search, the analysed query. */
export interface ScoringContext {
  readonly titleTerms: ReadonlySet<string>;
  readonly queryTerms?: ReadonlySet<string>;
}

/**
 * The hybrid score of each sentence of one article (same order as `candidates`, `vectors` aligned with them):
 * centroid similarity + TextRank + lead position + title overlap (+ query coverage), minus penalties for sentences
 * that open with a quotation or are only an attribution. Quadratic in the number of sentences (TextRank), which
 * stays small for one article.
 */
export function scoreSentences(
  candidates: readonly CandidateSentence[],
  vectors: readonly TermVector[],
  context: ScoringContext,
): number[] {
  const centroid = sumTermVectors(vectors);
  const centrality = scaleToUnit(vectors.map((v) => cosine(v, centroid)));
  const rank = scaleToUnit(textRank(vectors));
  return candidates.map((c, i) => {
    let score =
      WEIGHTS.centroid * (centrality[i] ?? 0) +
      WEIGHTS.textRank * (rank[i] ?? 0) +
      WEIGHTS.lead * leadScore(c.rank) +
      WEIGHTS.title * coverage(context.titleTerms, c.terms);
    if (context.queryTerms !== undefined) score += WEIGHTS.query * coverage(context.queryTerms, c.terms);
    if (c.opensWithQuote) score -= WEIGHTS.opensWithQuote;
    if (c.attributionOnly) score -= WEIGHTS.attributionOnly;
    return score;
  });
}

/**
 * The score of a sentence within a set of articles (search results, a day of news): its score within its own article
 * (already scaled to that article's best), how central it is to the whole set (`vectors` weighted over the set), and
 * how much of the query it covers. Linear in the number of sentences, so the caller caps candidates per article.
 */
export function scoreAcrossArticles(
  articleScores: readonly number[],
  vectors: readonly TermVector[],
  candidates: readonly CandidateSentence[],
  queryTerms: ReadonlySet<string> | undefined,
): number[] {
  const centroid = sumTermVectors(vectors);
  const centrality = scaleToUnit(vectors.map((v) => cosine(v, centroid)));
  return candidates.map((c, i) => {
    let score = SET_WEIGHTS.article * (articleScores[i] ?? 0) + SET_WEIGHTS.centroid * (centrality[i] ?? 0);
    if (queryTerms !== undefined) score += SET_WEIGHTS.query * coverage(queryTerms, c.terms);
    return score;
  });
}

/** News puts the essential first: the first sentence counts fully, then the bonus decays with the position. */
function leadScore(rank: number): number {
  return 1 / Math.sqrt(1 + rank);
}

/** The share of `wanted` terms that the sentence contains (0 when nothing is wanted). */
function coverage(wanted: ReadonlySet<string>, terms: readonly string[]): number {
  if (wanted.size === 0) return 0;
  let found = 0;
  for (const t of new Set(terms)) if (wanted.has(t)) found++;
  return found / wanted.size;
}

/** Divides by the maximum so that features of different ranges weigh as their weights say. */
function scaleToUnit(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return max > 0 ? values.map((v) => v / max) : values.map(() => 0);
}

/**
 * TextRank (PageRank on the cosine-similarity graph of the sentences): a sentence is central when sentences that are
 * themselves central resemble it. Deterministic power iteration from the uniform vector.
 */
function textRank(vectors: readonly TermVector[]): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  const similarity: number[][] = vectors.map(() => new Array<number>(n).fill(0));
  const outWeight = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = cosine(vectors[i]!, vectors[j]!);
      similarity[i]![j] = s;
      similarity[j]![i] = s;
      outWeight[i]! += s;
      outWeight[j]! += s;
    }
  }
  let rank = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    // A sentence similar to no other spreads its rank evenly (the usual fix for dangling nodes).
    let dangling = 0;
    for (let j = 0; j < n; j++) if (outWeight[j] === 0) dangling += rank[j]!;
    const next = new Array<number>(n).fill((1 - DAMPING) / n + (DAMPING * dangling) / n);
    for (let j = 0; j < n; j++) {
      const out = outWeight[j]!;
      if (out === 0) continue;
      const share = (DAMPING * rank[j]!) / out;
      const row = similarity[j]!;
      for (let i = 0; i < n; i++) next[i]! += share * row[i]!;
    }
    rank = next;
  }
  return rank;
}
