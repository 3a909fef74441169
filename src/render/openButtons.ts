import type { Article } from '../core/corpus/article.js';
import { fitsInButton } from './Action.js';
import type { ReplyButton } from './Reply.js';

/**
 * 📄 1, 📄 2… buttons that open the numbered articles of a list, once per article. `first` is the number of the
 * first one (lists continue across pages).
 */
export function openButtons(articles: readonly Article[], first = 1): ReplyButton[] {
  const seen = new Set<string>();
  const buttons: ReplyButton[] = [];
  articles.forEach((article, i) => {
    if (seen.has(article.id) || !fitsInButton(article.id)) return;
    seen.add(article.id);
    buttons.push({ action: { kind: 'article', id: article.id, page: 0 }, label: String(first + i), emoji: '📄' });
  });
  return buttons;
}
