import type { PartialDate } from '../../core/corpus/article.js';
import { dateBounds, parseIsoDate } from '../../core/corpus/partialDate.js';
import { addDays, toPartialDate } from '../../core/digest/CalendarDay.js';
import { daysWithNews } from '../../core/digest/daysWithNews.js';
import { parseQuery } from '../../core/search/parseQuery.js';
import type { TimelineGroup, TimelineRange } from '../../core/timeline/buildTimeline.js';
import { buildTimeline } from '../../core/timeline/buildTimeline.js';
import type { Action } from '../Action.js';
import { blockCost, eventBlock } from '../eventBlock.js';
import { formatDate } from '../formatDate.js';
import type { Library } from '../Library.js';
import { PAGE_TEXT_BUDGET } from '../limits.js';
import type { Messages } from '../messages.js';
import { messages } from '../messages.js';
import { pageButtons } from '../pageButtons.js';
import type { Locale, Reply, ReplyBlock } from '../Reply.js';
import { plain } from '../Reply.js';
import { errorReply } from './errorReply.js';

type TimelineAction = Extract<Action, { kind: 'timeline' }>;

/**
 * `/timeline [query] [from] [to]`: dated events in date order, grouped by day, with per month a "day not given"
 * group for the rest; each line one sentence and its citations. A query keeps the events of the matching articles;
 * with neither a query nor dates, the last month of news.
 * Pages are cut at event boundaries, the same way every time, so that ◀ ▶ buttons find the same pages.
 */
export function timelineReply(library: Library, action: TimelineAction, locale: Locale): Reply {
  const t = messages(locale);
  const query = action.query.trim();
  // Words typed, none of them searchable (stopwords, punctuation): say so, rather than show no events.
  if (query && parseQuery(query).terms.length === 0) return errorReply(t.queryEmpty, locale, 'notFound');
  const range = rangeOf(library, action, query);
  const ids = query
    ? library.articles.search(parseQuery(query)).map((hit) => hit.article.id)
    : Array.from(library.articles.all()).filter((a) => nearRange(a.date, range)).map((a) => a.id);
  const groups = buildTimeline(library.events.forArticles(new Set(ids)), range);
  const count = groups.reduce((n, g) => n + g.events.length, 0);
  const title = t.timelineTitle(query);
  if (count === 0) {
    return { tone: 'notFound', title, intro: plain(t.timelineNone), blocks: [], fields: [], buttonRows: [], ephemeral: false };
  }
  const pages = paginateGroups(groups, library, t, locale);
  if (action.page >= pages.length) return errorReply(t.pageOutOfRange(pages.length), locale);
  return {
    tone: 'results',
    title,
    intro: plain(t.timelineIntro(count)),
    blocks: pages[action.page] ?? [],
    fields: [],
    page: { index: action.page, count: pages.length },
    buttonRows: [pageButtons(action.page, pages.length, (page) => ({ ...action, page }), t)].filter((row) => row.length > 0),
    ephemeral: false,
  };
}

/** Days before a range that an article may still report events of it from (talks announced two weeks ahead). */
const LEAD_DAYS = 31;
/** Without a query or dates, a timeline covers this many days up to the latest day with news. */
const DEFAULT_SPAN_DAYS = 31;

/**
 * The dates a timeline covers: those asked for; with neither words nor dates, the last month of news (the whole
 * archive of a large bot would be thousands of pages).
 */
function rangeOf(library: Library, action: TimelineAction, query: string): TimelineRange {
  const from = action.from ? parseIsoDate(action.from) : undefined;
  const to = action.to ? parseIsoDate(action.to) : undefined;
  if (query || from || to) return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const latest = daysWithNews(library.articles.all(), library.events).at(-1);
  return latest ? { from: toPartialDate(addDays(latest, -DEFAULT_SPAN_DAYS)), to: toPartialDate(latest) } : {};
}

/** Whether an article may report events of the range: dated within it, or shortly before it. */
function nearRange(date: PartialDate, range: TimelineRange): boolean {
  const bounds = dateBounds(date);
  const first = range.from ? dateBounds(range.from).first - LEAD_DAYS * DAY_MS : -Infinity;
  const last = range.to ? dateBounds(range.to).last : Infinity;
  return bounds.last >= first && bounds.first <= last;
}

const DAY_MS = 86_400_000;

/** The heading of a group: the day, or the month (or year) with "day (month) not given". */
export function groupLabel(group: TimelineGroup, t: Messages, locale: Locale): string {
  const date = formatDate(group.date, locale);
  if (group.kind === 'day') return date;
  return group.kind === 'month' ? t.dayNotGiven(date) : t.monthNotGiven(date);
}

function paginateGroups(groups: readonly TimelineGroup[], library: Library, t: Messages, locale: Locale): ReplyBlock[][] {
  const pages: ReplyBlock[][] = [];
  let page: ReplyBlock[] = [];
  let used = 0;
  for (const group of groups) {
    const label = groupLabel(group, t, locale);
    group.events.forEach((event, i) => {
      let block = eventBlock(event, library.articles, t, i === 0 ? label : undefined);
      if (page.length > 0 && used + blockCost(block) > PAGE_TEXT_BUDGET) {
        pages.push(page);
        page = [];
        used = 0;
        // A page that starts inside a group repeats its heading, so the reader knows which day it is.
        block = eventBlock(event, library.articles, t, label);
      }
      page.push(block);
      used += blockCost(block);
    });
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
