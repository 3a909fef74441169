import type { Article } from '../corpus/article.js';
import { summariseArticles } from '../summarise/summariseArticles.js';
import type { SummarySentence } from '../summarise/summarySentence.js';
import type { DatedEvent } from '../timeline/DatedEvent.js';
import type { EventIndex } from '../timeline/EventIndex.js';
import type { CalendarDay } from './CalendarDay.js';

/** What happened on one day, for the daily digest and `/digest show`. */
export interface Digest {
  readonly day: CalendarDay;
  /**
   * Events dated that very day (day precision), done and planned, merged across articles; the most reported first
   * (by number of citing articles, then text), since a busy day has hundreds and a digest shows a few.
   */
  readonly events: readonly DatedEvent[];
  /** Articles published that day (day-precision date) and articles that arrived that day (`arrived`). */
  readonly articles: readonly Article[];
  /** A few sentences of those articles, each citing its article (empty when there is no article). */
  readonly summary: readonly SummarySentence[];
}

export interface DigestInput {
  readonly articles: Iterable<Article>;
  readonly events: EventIndex;
  /** Ids of articles that arrived that day (from the watcher), whatever their own date says. */
  readonly arrived?: ReadonlySet<string>;
}

/**
 * The digest of one day: the events the archive dates to that day — including events announced earlier for it, such
 * as talks planned for the 10th in an article of the 28th — and the articles of the day with a short summary. An
 * article known only to the month is not "of the day" (its day is not known), unless the watcher saw it arrive that
 * day. Articles are ordered by date, then id. Pure.
 */
export function buildDigest(day: CalendarDay, input: DigestInput): Digest {
  const events = input.events
    .onDay(day.year, day.month, day.day)
    .map((e) => ({ e, reports: new Set(e.sources.map((s) => s.articleId)).size }))
    .sort((a, b) => b.reports - a.reports || (a.e.text < b.e.text ? -1 : a.e.text > b.e.text ? 1 : 0))
    .map((x) => x.e);
  const seen = new Set<string>();
  const articles: Article[] = [];
  for (const a of input.articles) {
    if (seen.has(a.id)) continue;
    const published = a.date.precision === 'day' && a.date.year === day.year && a.date.month === day.month && a.date.day === day.day;
    if (!published && input.arrived?.has(a.id) !== true) continue;
    seen.add(a.id);
    articles.push(a);
  }
  articles.sort((a, b) => compareArticles(a, b));
  const summary = articles.length === 0 ? [] : summariseArticles(articles);
  return { day, events, articles, summary };
}

function compareArticles(a: Article, b: Article): number {
  const key = (x: Article): string => `${x.date.year}-${String(x.date.month ?? 0).padStart(2, '0')}-${String(x.date.day ?? 0).padStart(2, '0')}`;
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A digest with neither events nor articles: the scheduler skips posting it and `/digest show` says so. */
export function isEmptyDigest(d: Digest): boolean {
  return d.events.length === 0 && d.articles.length === 0;
}
