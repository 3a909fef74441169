import MiniSearch from 'minisearch';
import type { Article } from '../corpus/article.js';
import { compareDates } from '../corpus/partialDate.js';
import { analyzeTerms } from '../text/analyze.js';
import { foldAccents } from '../text/foldAccents.js';

interface TitleDoc {
  readonly id: string;
  readonly title: string;
}

/**
 * Finds articles by title or id as the user types (autocomplete, "did you mean"). Separate from the passage index
 * so that suggestions stay cheap: titles are short, and the last word is matched as a prefix, any word with a typo.
 */
export class TitleIndex {
  private readonly titles = new MiniSearch<TitleDoc>({
    fields: ['title', 'id'],
    idField: 'id',
    tokenize: (text) => analyzeTerms(text),
    processTerm: (term) => term,
    searchOptions: { processTerm: (term) => term },
  });
  private readonly articles = new Map<string, Article>();

  add(article: Article): void {
    if (this.articles.has(article.id)) this.remove(article.id);
    this.articles.set(article.id, article);
    this.titles.add({ id: article.id, title: article.title });
  }

  remove(id: string): void {
    if (!this.articles.delete(id)) return;
    this.titles.discard(id);
  }

  /**
   * Up to `limit` articles for what the user typed: an exact or leading id first, then titles, best first.
   * Nothing typed yet: the most recent articles, which is what a reader of news usually wants.
   */
  suggest(typed: string, limit: number): Article[] {
    const text = typed.trim();
    if (text === '') return this.latest(limit);
    const folded = foldAccents(text);
    const results: Article[] = [];
    const seen = new Set<string>();
    const push = (article: Article | undefined): void => {
      if (article && !seen.has(article.id) && results.length < limit) {
        seen.add(article.id);
        results.push(article);
      }
    };
    push(this.articles.get(text));
    if (/^[\w.-]+$/u.test(text)) {
      for (const article of this.articles.values()) {
        if (results.length >= limit) break;
        if (foldAccents(article.id).startsWith(folded)) push(article);
      }
    }
    const found = this.titles.search(text, {
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
      maxFuzzy: 2,
      combineWith: 'AND',
    });
    const fallback = found.length > 0 ? found : this.titles.search(text, { prefix: true, fuzzy: 0.25, maxFuzzy: 2 });
    for (const result of fallback) push(this.articles.get(String(result.id)));
    return results;
  }

  private latest(limit: number): Article[] {
    return [...this.articles.values()].sort((a, b) => compareDates(b.date, a.date) || a.id.localeCompare(b.id)).slice(0, limit);
  }
}
