import { ask } from '../../core/answer/ask.js';
import type { ArticleIndex } from '../../core/search/ArticleIndex.js';
import type { ReplyButton } from '../Reply.js';
import { fitsInButton } from '../Action.js';
import { citationOf } from '../citationOf.js';
import { openButtons } from '../openButtons.js';
import { excerpt } from '../excerpt.js';
import { EXCERPT_BUDGET } from '../limits.js';
import { messages } from '../messages.js';
import type { Locale, Reply } from '../Reply.js';
import { plain } from '../Reply.js';

/**
 * `/ask`: the sentence(s) that answer, quoted verbatim with the answer marked and their citations; or an honest
 * "not found" with the closest articles. Buttons open the cited article and show more excerpts.
 */
export function askReply(index: ArticleIndex, question: string, locale: Locale): Reply {
  const t = messages(locale);
  const result = ask(index, question);
  const terms = result.query.terms.filter((q) => !q.alias).map((q) => q.term);
  const more: ReplyButton[] = terms.length > 0 ? [{ action: { kind: 'excerpts', terms, page: 0 }, label: t.moreExcerpts, emoji: '🔎' }] : [];
  if (!result.found) {
    const closest = result.closest;
    return {
      tone: 'notFound',
      title: t.askTitle(question),
      intro: plain(`${t.askNotFound} ${closest.length > 0 ? t.askNotFoundHint : t.askNothingClose}`),
      blocks: closest.map((hit, i) => ({
        heading: `${i + 1}. ${hit.article.title}`,
        text: excerpt({ text: hit.article.paragraphs[hit.best.paragraph] ?? '', marks: hit.marks }, EXCERPT_BUDGET),
        quote: true,
        citations: [citationOf(hit.article, hit.best.paragraph)],
      })),
      fields: [],
      buttonRows: [openButtons(closest.map((hit) => hit.article))].filter((row) => row.length > 0),
      ephemeral: false,
    };
  }
  const first = result.quotes[0]?.article;
  const open: ReplyButton[] =
    first && fitsInButton(first.id) ? [{ action: { kind: 'article', id: first.id, page: 0 }, label: t.openArticle, emoji: '📄' }] : [];
  return {
    tone: 'answer',
    title: t.askTitle(question),
    blocks: result.quotes.map((quote) => ({
      text: { text: quote.sentence.text, marks: quote.marks },
      quote: true,
      citations: [citationOf(quote.article, quote.paragraph)],
    })),
    fields: [],
    buttonRows: [[...open, ...more]],
    ephemeral: false,
  };
}
