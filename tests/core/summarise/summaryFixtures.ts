import type { Article } from '../../../src/core/corpus/article.js';
import { parseArticle } from '../../../src/core/corpus/parseArticle.js';
import { analyzeTerms } from '../../../src/core/text/analyze.js';

export { loadSeeds } from '../../support/seeds.js';

/**
 * An independent near-duplicate test (Jaccard of analysed term sets), so that the tests do not grade the summariser
 * with its own TF-IDF cosine.
 */
export function nearDuplicates(a: string, b: string): boolean {
  const x = new Set(analyzeTerms(a));
  const y = new Set(analyzeTerms(b));
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  const union = x.size + y.size - shared;
  return union > 0 && shared / union >= 0.6;
}

/** A made-up article: the title is the first paragraph, as when a file's first line is a headline. */
export function article(id: string, paragraphs: readonly string[], date = '2022-01'): Article {
  const outcome = parseArticle(id, ` date ${date} ${paragraphs.join('\n\n')}`);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.article;
}
