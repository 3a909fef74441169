import type { Article } from '../../../src/core/corpus/article.js';
import { parseIsoDate } from '../../../src/core/corpus/partialDate.js';

/** A made-up article: `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the first paragraph doubles as the title. */
export function makeArticle(id: string, date: string, ...paragraphs: string[]): Article {
  const parsed = parseIsoDate(date);
  if (parsed === undefined) throw new Error(`bad date ${date}`);
  return { id, date: parsed, title: paragraphs[0] ?? id, paragraphs };
}
