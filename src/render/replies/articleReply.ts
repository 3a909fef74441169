import type { Article } from '../../core/corpus/article.js';
import { formatIsoDate } from '../../core/corpus/partialDate.js';
import { isCaption } from '../../core/corpus/isCaption.js';
import type { ArticleIndex } from '../../core/search/ArticleIndex.js';
import { summariseArticle } from '../../core/summarise/summariseArticle.js';
import type { Action } from '../Action.js';
import { citationOf } from '../citationOf.js';
import { openButtons } from '../openButtons.js';
import { excerpt } from '../excerpt.js';
import { EXCERPT_BUDGET, PAGE_TEXT_BUDGET } from '../limits.js';
import { messages } from '../messages.js';
import { pageButtons } from '../pageButtons.js';
import { paginate } from '../paginate.js';
import type { Locale, Reply, ReplyBlock, ReplyButton } from '../Reply.js';
import { plain } from '../Reply.js';

type ArticleAction = Extract<Action, { kind: 'article' }>;

/** How many titles an unknown id suggests. */
const SUGGESTIONS = 5;

/**
 * `/article`: page 0 is the summary and the first excerpt; pages 1… are the full text, paragraph by paragraph.
 * An unknown id gets the closest titles instead.
 */
export function articleReply(index: ArticleIndex, action: ArticleAction, locale: Locale): Reply {
  const t = messages(locale);
  const article = index.get(action.id);
  if (!article) return unknownArticleReply(index, action.id, locale);
  const pages = paginate(article.paragraphs, PAGE_TEXT_BUDGET);
  if (action.page > pages.length) {
    return { ...unknownArticleReply(index, action.id, locale), intro: plain(t.pageOutOfRange(pages.length + 1)) };
  }
  const at = (page: number): Action => ({ kind: 'article', id: article.id, page });
  const navigation = pageButtons(action.page, pages.length + 1, at, t);
  const header = { title: article.title, footer: `${article.id} · ${formatIsoDate(article.date)}` };
  if (action.page === 0) {
    const summary = summariseArticle(article);
    const blocks: ReplyBlock[] = summary.map((s) => ({
      text: plain(s.text),
      quote: true,
      citations: [citationOf(article, s.paragraph)],
    }));
    const first = firstProse(article);
    const fields =
      first === undefined
        ? []
        : [{ name: `${t.firstExcerpt} (${t.paragraph(first + 1)})`, value: excerpt(plain(article.paragraphs[first] ?? ''), EXCERPT_BUDGET).text }];
    const read: ReplyButton[] = pages.length > 0 ? [{ action: at(1), label: t.readFullText, emoji: '📖' }] : [];
    return {
      tone: 'article',
      ...header,
      intro: plain(t.summary),
      blocks,
      fields,
      page: { index: 0, count: pages.length + 1 },
      buttonRows: [read],
      ephemeral: false,
    };
  }
  const pieces = pages[action.page - 1] ?? [];
  return {
    tone: 'article',
    ...header,
    intro: plain(t.articleText(action.page, pages.length)),
    // The title, date and id are the embed's own: each paragraph only needs its number, not a citation line that
    // would take ~120 characters a paragraph and push the page's text past Discord's limit (cut: not the full text).
    blocks: pieces.map((piece, i) => ({
      ...(pieces[i - 1]?.paragraph === piece.paragraph ? {} : { heading: t.paragraph(piece.paragraph + 1) }),
      text: plain(piece.text),
      quote: false,
    })),
    fields: [],
    page: { index: action.page, count: pages.length + 1 },
    buttonRows: [[{ action: at(0), label: t.summary, emoji: '📝' }, ...navigation]],
    ephemeral: false,
  };
}

/**
 * What the user typed in the article option: an id, or a title typed out in full instead of picked from the
 * autocomplete. Anything else is returned as is and answered with the closest titles.
 */
export function resolveArticleId(index: ArticleIndex, typed: string): string {
  const text = typed.trim();
  if (index.get(text)) return text;
  const top = index.suggest(text, 1)[0];
  return top && top.title.localeCompare(text, 'fr', { sensitivity: 'base' }) === 0 ? top.id : text;
}

/** An id nobody knows: say so, privately, with the closest titles and a button to each. */
export function unknownArticleReply(index: ArticleIndex, id: string, locale: Locale): Reply {
  const t = messages(locale);
  const close = index.suggest(id, SUGGESTIONS);
  const buttons = openButtons(close);
  return {
    tone: 'notFound',
    title: t.articleUnknown(id),
    ...(close.length > 0 ? { intro: plain(t.didYouMean) } : {}),
    blocks: close.map((a, i) => ({ heading: `${i + 1}. ${a.title}`, text: plain(`${a.id} · ${formatIsoDate(a.date)}`), quote: false })),
    fields: [],
    buttonRows: buttons.length > 0 ? [buttons] : [],
    ephemeral: true,
  };
}

/**
 * The first paragraph that is prose — not a caption, not a headline (no closing punctuation, already shown as the
 * title): what a reader would read first.
 */
function firstProse(article: Article): number | undefined {
  const i = article.paragraphs.findIndex((p) => !isCaption(p) && /[.!?…»"”]\s*$/u.test(p));
  return i === -1 ? undefined : i;
}
