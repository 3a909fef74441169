import type { Article } from '../core/corpus/article.js';
import { formatIsoDate } from '../core/corpus/partialDate.js';
import type { Citation } from './Reply.js';

/** The citation of a paragraph (0-based index) of an article. */
export function citationOf(article: Article, paragraph: number): Citation {
  return { articleId: article.id, title: article.title, date: formatIsoDate(article.date), paragraph: paragraph + 1 };
}
