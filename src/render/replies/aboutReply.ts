import type { Article } from '../../core/corpus/article.js';
import { compareDates, formatIsoDate } from '../../core/corpus/partialDate.js';
import { messages } from '../messages.js';
import type { Locale, Reply } from '../Reply.js';
import { plain } from '../Reply.js';

/** `/about`: how many articles, which dates they cover, which version answers. */
export function aboutReply(articles: Iterable<Article>, version: string, locale: Locale): Reply {
  const t = messages(locale);
  let count = 0;
  let first: Article | undefined;
  let last: Article | undefined;
  for (const article of articles) {
    count += 1;
    if (!first || compareDates(article.date, first.date) < 0) first = article;
    if (!last || compareDates(article.date, last.date) > 0) last = article;
  }
  const range = first && last ? `${formatIsoDate(first.date)} → ${formatIsoDate(last.date)}` : t.aboutEmpty;
  return {
    tone: 'info',
    title: t.aboutTitle,
    intro: plain(t.helpIntro),
    blocks: [],
    fields: [
      { name: t.aboutArticles, value: count.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB') },
      { name: t.aboutRange, value: range },
      { name: t.aboutVersion, value: version },
    ],
    buttonRows: [],
    ephemeral: false,
  };
}
