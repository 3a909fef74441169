import { askSteps } from '../../core/answer/ask.js';
import { runSteps, type Steps } from '../../core/search/steps.js';
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
import { errorReply } from './errorReply.js';

/**
 * `/ask`: the sentence(s) that answer, quoted verbatim with the answer marked and their citations; or an honest
 * "not found" with the closest articles. Buttons open the cited article and show more excerpts.
 */
export function askReply(index: ArticleIndex, question: string, locale: Locale): Reply {
  return runSteps(askReplySteps(index, question, locale));
}

/** `askReply` with the pauses of `askSteps`, for callers that share their thread with other work (the bot). */
export function* askReplySteps(index: ArticleIndex, question: string, locale: Locale): Steps<Reply> {
  const t = messages(locale);
  const result = yield* askSteps(index, question);
  // Only stopwords or punctuation: say so, rather than "no answer found" to a question that asked nothing.
  if (result.query.terms.length === 0) return errorReply(t.queryEmpty, locale, 'notFound');
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
