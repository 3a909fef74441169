import type { Article } from '../corpus/article.js';
import { compareDates } from '../corpus/partialDate.js';
import { analyzeTerms } from '../text/analyze.js';
import { candidateSentences, toSummarySentence, type CandidateSentence } from './candidateSentences.js';
import { scoreAcrossArticles, scoreSentences } from './scoreSentences.js';
import { selectSentences } from './selectSentences.js';
import { compareDocumentOrder, type SummarySentence } from './summarySentence.js';
import { countTerms, weightTermVectors } from './termVector.js';

export interface SummariseArticlesOptions {
  /** At most this many sentences in all (default 4). */
  readonly maxSentences?: number;
  /** At most this many sentences from one article (default 2), so that one long article cannot take the summary. */
  readonly perArticle?: number;
  /** The user's search, as typed: sentences that answer it are favoured. Analysed like a question. */
  readonly query?: string;
}

/**
 * Sentences kept per article before comparing articles with each other. Summaries take at most a few sentences per
 * article, and the best of them are found among its top few; the cap keeps a summary of 50 articles linear in their
 * number (only one article at a time is compared sentence by sentence).
 */
const CANDIDATES_PER_ARTICLE = 8;

/**
 * A summary of several articles (search results, a day of news): the sentences most central to the whole set, at
 * most `perArticle` from each, never the same news twice (a near-duplicate of a chosen sentence, in any article, is
 * skipped), each citing its article. Ordered by article date (then the order articles were given in), then by
 * document order, so that the summary reads as a chronology. Deterministic and pure.
 */
export function summariseArticles(
  articles: readonly Article[],
  options: SummariseArticlesOptions = {},
): SummarySentence[] {
  const max = Math.max(1, Math.floor(options.maxSentences ?? 4));
  const perArticle = Math.max(1, Math.floor(options.perArticle ?? 2));
  const queryTerms = options.query === undefined ? undefined : new Set(analyzeTerms(options.query, { question: true }));
  const wanted = queryTerms !== undefined && queryTerms.size > 0 ? queryTerms : undefined;

  const position = new Map<string, number>();
  const dates = new Map<string, Article['date']>();
  const pool: CandidateSentence[] = [];
  const poolScores: number[] = [];
  for (const article of articles) {
    if (position.has(article.id)) continue; // the same article twice would only duplicate its sentences
    position.set(article.id, position.size);
    dates.set(article.id, article.date);
    const candidates = candidateSentences(article);
    if (candidates.length === 0) continue;
    const vectors = weightTermVectors(candidates.map((c) => countTerms(c.terms)));
    const context = { titleTerms: new Set(analyzeTerms(article.title)), ...(wanted ? { queryTerms: wanted } : {}) };
    const scores = scoreSentences(candidates, vectors, context);
    // Scaled to the article's best sentence, so that a long article does not outweigh a short one by length alone.
    const best = Math.max(...scores);
    const top = candidates
      .map((_, i) => i)
      .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
      .slice(0, CANDIDATES_PER_ARTICLE);
    for (const i of top) {
      pool.push(candidates[i]!);
      poolScores.push(best > 0 ? (scores[i] ?? 0) / best : 0);
    }
  }

  // Weighted over the whole pool: terms that every article shares (the story's topic) count less than what sets a
  // sentence apart, and near-duplicates across articles are judged on what they specifically say.
  const vectors = weightTermVectors(pool.map((c) => countTerms(c.terms)));
  const scores = scoreAcrossArticles(poolScores, vectors, pool, wanted);
  const chosen = selectSentences(pool, scores, vectors, { max, perArticle }).map((i) => pool[i]!);

  return chosen
    .sort((a, b) => {
      const da = dates.get(a.articleId);
      const db = dates.get(b.articleId);
      const byDate = da !== undefined && db !== undefined ? compareDates(da, db) : 0;
      return (
        byDate ||
        (position.get(a.articleId) ?? 0) - (position.get(b.articleId) ?? 0) ||
        compareDocumentOrder(a, b)
      );
    })
    .map(toSummarySentence);
}
