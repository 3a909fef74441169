import type { PassageHit } from '../../core/search/ArticleIndex.js';
import type { ArticleIndex } from '../../core/search/ArticleIndex.js';
import { markTerms } from '../../core/search/ArticleIndex.js';
import { parseQuery } from '../../core/search/parseQuery.js';
import { parseIsoDate } from '../../core/corpus/partialDate.js';
import type { Action } from '../Action.js';
import { citationOf } from '../citationOf.js';
import { excerpt } from '../excerpt.js';
import { EXCERPT_BUDGET, RESULTS_PER_PAGE } from '../limits.js';
import { messages } from '../messages.js';
import { pageButtons } from '../pageButtons.js';
import type { Locale, Reply, ReplyBlock } from '../Reply.js';
import { openButtons } from '../openButtons.js';
import { plain } from '../Reply.js';
import { errorReply } from './errorReply.js';

type SearchAction = Extract<Action, { kind: 'search' }>;
type ExcerptsAction = Extract<Action, { kind: 'excerpts' }>;

/** `/search`: articles ranked by their best passage, 5 a page, each with its highlighted excerpt and citation. */
export function searchReply(index: ArticleIndex, action: SearchAction, locale: Locale): Reply {
  const t = messages(locale);
  const from = action.from ? parseIsoDate(action.from) : undefined;
  const to = action.to ? parseIsoDate(action.to) : undefined;
  const query = parseQuery(action.query);
  if (query.terms.length === 0) return errorReply(t.queryEmpty, locale, 'notFound');
  // Only the page shown is ranked and built: at 100,000 articles a common word matches tens of thousands.
  const { total, hits } = index.searchPage(query, {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    offset: action.page * RESULTS_PER_PAGE,
    limit: RESULTS_PER_PAGE,
  });
  return pagedHits(
    { total, shown: hits.map((h) => h.best) },
    action.page,
    (page) => ({ ...action, page }),
    { title: t.searchTitle(action.query), intro: t.searchIntro(total), locale, noneText: t.searchNone(action.query) },
  );
}

/** "More excerpts" for a question: the best passages for its terms, several per article allowed. */
export function excerptsReply(index: ArticleIndex, action: ExcerptsAction, locale: Locale): Reply {
  const t = messages(locale);
  const query = { text: action.terms.join(' '), terms: action.terms.map((term, group) => ({ term, group, alias: false })) };
  const { total, hits } = index.searchPassagesPage(query, { offset: action.page * RESULTS_PER_PAGE, limit: RESULTS_PER_PAGE });
  return pagedHits({ total, shown: hits }, action.page, (page) => ({ ...action, page }), {
    title: t.excerptsTitle,
    // Passages, several per article: counting them as articles would overstate what was found.
    intro: t.excerptsIntro(total),
    locale,
    noneText: t.searchNone(action.terms.join(' ')),
  });
}

/** `shown`: the hits of page `page` only; `total`: how many there are in all. */
function pagedHits(
  { total, shown }: { readonly total: number; readonly shown: readonly PassageHit[] },
  page: number,
  at: (page: number) => Action,
  options: { readonly title: string; readonly intro: string; readonly locale: Locale; readonly noneText: string },
): Reply {
  const t = messages(options.locale);
  if (total === 0) {
    return {
      tone: 'notFound',
      title: options.title,
      intro: plain(options.noneText),
      blocks: [],
      fields: [],
      buttonRows: [],
      footer: t.searchNoneHint,
      ephemeral: false,
    };
  }
  const count = Math.ceil(total / RESULTS_PER_PAGE);
  if (page >= count) return errorReply(t.pageOutOfRange(count), options.locale);
  const blocks: ReplyBlock[] = shown.map((hit, i) => {
    const text = hit.article.paragraphs[hit.paragraph] ?? '';
    return {
      heading: `${page * RESULTS_PER_PAGE + i + 1}. ${hit.article.title}`,
      text: excerpt({ text, marks: markTerms(text, hit.matchedTerms) }, EXCERPT_BUDGET),
      quote: true,
      citations: [citationOf(hit.article, hit.paragraph)],
    };
  });
  const open = openButtons(shown.map((hit) => hit.article), page * RESULTS_PER_PAGE + 1);
  const rows = [pageButtons(page, count, at, t), open].filter((row) => row.length > 0);
  return {
    tone: 'results',
    title: options.title,
    intro: plain(options.intro),
    blocks,
    fields: [],
    page: { index: page, count },
    buttonRows: rows,
    ephemeral: false,
  };
}
