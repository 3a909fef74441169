import type { Article } from '../corpus/article.js';
import { analyzeTerms } from '../text/analyze.js';
import { candidateSentences, toSummarySentence } from './candidateSentences.js';
import { scoreSentences } from './scoreSentences.js';
import { selectSentences } from './selectSentences.js';
import { compareDocumentOrder, type SummarySentence } from './summarySentence.js';
import { countTerms, weightTermVectors } from './termVector.js';

export type { SummarySentence } from './summarySentence.js';

export interface SummariseArticleOptions {
  /** At most this many sentences (at least 1). By default 2 to 4, growing with the article's length. */
  readonly maxSentences?: number;
}

/** Candidate sentences per extra summary sentence: 2 up to 12 sentences, 3 up to 18, then 4. */
const SENTENCES_PER_SUMMARY_SENTENCE = 6;

/**
 * An extractive summary of one article: 2–4 of its own sentences (fewer if it is shorter) in document order, quoted
 * verbatim with their position so that they can be cited. Extractive because a bot must never put words in a
 * newspaper's mouth. Captions, headings and fragments are never chosen, and the same sentence repeated in the body
 * appears once. Deterministic and pure.
 */
export function summariseArticle(article: Article, options: SummariseArticleOptions = {}): SummarySentence[] {
  const candidates = candidateSentences(article);
  const max = Math.max(1, Math.floor(options.maxSentences ?? defaultLength(candidates.length)));
  const vectors = weightTermVectors(candidates.map((c) => countTerms(c.terms)));
  const scores = scoreSentences(candidates, vectors, { titleTerms: new Set(analyzeTerms(article.title)) });
  const chosen = selectSentences(candidates, scores, vectors, { max }).map((i) => candidates[i]!);
  return chosen.sort(compareDocumentOrder).map(toSummarySentence);
}

function defaultLength(candidates: number): number {
  return Math.min(4, Math.max(2, Math.ceil(candidates / SENTENCES_PER_SUMMARY_SENTENCE)));
}
