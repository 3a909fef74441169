import type { Article, PartialDate } from '../corpus/article.js';
import { compareDates } from '../corpus/partialDate.js';
import type { DatedEvent } from './DatedEvent.js';
import { clusterEvents } from './clusterEvents.js';
import { dateOfDayNumber, dayNumber } from './dayNumber.js';
import { eventTerms } from './eventTerms.js';
import { extractEvents } from './extractEvents.js';

interface Entry {
  readonly id: string;
  readonly date: PartialDate;
  readonly events: readonly DatedEvent[];
  /** `eventTerms` of each event. */
  readonly terms: readonly (readonly string[])[];
}

/**
 * The dated events of every article of the archive, kept up to date as the watcher adds, replaces and removes
 * articles. Extraction is cached per article, so adding one article extracts only that one; merging (see
 * `mergeEvents`) is done on demand over the events asked for — a day, a set of articles, or everything — in article
 * order (oldest article first, then id, then document order). Term weights (IDF) are those of the whole archive,
 * kept up to date with it: weights taken over one day's events would make the words that several reports of one
 * event share (which is what tells them to be the same event) look common and worthless. So `all()` equals
 * `mergeEvents` of every event, and `onDay`, `forArticles` are that same merge restricted to their events.
 */
export class EventIndex {
  private readonly entries = new Map<string, Entry>();
  /** Day number → ids of the articles with an event that day (day precision). */
  private readonly byDay = new Map<number, Set<string>>();
  /** Term → number of events (of the whole index) whose terms include it. */
  private readonly frequency = new Map<string, number>();
  private eventCount = 0;
  private merged: DatedEvent[] | undefined;

  /** An index of the events of `articles` (a later article with the same id replaces an earlier one). */
  static of(articles: Iterable<Article>): EventIndex {
    const index = new EventIndex();
    for (const article of articles) index.add(article);
    return index;
  }

  /** Number of articles indexed (with or without events). */
  get size(): number {
    return this.entries.size;
  }

  /** Extracts and indexes an article's events, replacing those of an article with the same id. */
  add(article: Article): void {
    this.remove(article.id);
    const events = extractEvents(article);
    const entry: Entry = { id: article.id, date: article.date, events, terms: events.map((e) => eventTerms(e)) };
    this.entries.set(article.id, entry);
    this.count(entry, 1);
    for (const day of daysOf(entry)) {
      const ids = this.byDay.get(day);
      if (ids) ids.add(article.id);
      else this.byDay.set(day, new Set([article.id]));
    }
    this.merged = undefined;
  }

  /** Forgets an article's events; `false` when it was not indexed. */
  remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (entry === undefined) return false;
    for (const day of daysOf(entry)) {
      const ids = this.byDay.get(day);
      ids?.delete(id);
      if (ids?.size === 0) this.byDay.delete(day);
    }
    this.entries.delete(id);
    this.count(entry, -1);
    this.merged = undefined;
    return true;
  }

  /** Adds (`sign` 1) or removes (−1) an entry's events from the term statistics. */
  private count(entry: Entry, sign: 1 | -1): void {
    this.eventCount += sign * entry.events.length;
    for (const terms of entry.terms) {
      for (const term of new Set(terms)) {
        const n = (this.frequency.get(term) ?? 0) + sign;
        if (n > 0) this.frequency.set(term, n);
        else this.frequency.delete(term);
      }
    }
  }

  /** Whether an article is indexed. */
  has(id: string): boolean {
    return this.entries.has(id);
  }

  /**
   * Every event of the archive, merged and sorted by date. Computed once per change of the index; on a large
   * archive this takes seconds, so commands should ask for `forArticles` or `onDay` instead.
   */
  all(): DatedEvent[] {
    this.merged ??= this.merge([...this.entries.values()], () => true);
    return [...this.merged];
  }

  /** The events of these articles only (a search's results), merged among themselves and sorted by date. */
  forArticles(ids: ReadonlySet<string>): DatedEvent[] {
    const entries: Entry[] = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry !== undefined) entries.push(entry);
    }
    return this.merge(entries, () => true);
  }

  /** The events dated to this day (day precision), done and planned, merged. `month` is 1–12. */
  onDay(year: number, month: number, day: number): DatedEvent[] {
    const n = dayNumber(year, month, day);
    const check = dateOfDayNumber(n);
    if (check.year !== year || check.month !== month || check.day !== day) return [];
    const ids = this.byDay.get(n);
    if (ids === undefined) return [];
    const entries = [...ids].map((id) => this.entries.get(id)).filter((e): e is Entry => e !== undefined);
    return this.merge(entries, (e) => e.date.precision === 'day' && e.date.year === year && e.date.month === month && e.date.day === day);
  }

  /** The days that have at least one event of day precision, in order. */
  days(): PartialDate[] {
    return [...this.byDay.keys()]
      .sort((a, b) => a - b)
      .map((n) => ({ ...dateOfDayNumber(n), precision: 'day' as const }));
  }

  /** Merges the events of `entries` that pass `keep`, oldest article first, with the archive's term weights. */
  private merge(entries: Entry[], keep: (e: DatedEvent) => boolean): DatedEvent[] {
    entries.sort((a, b) => compareDates(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const events: DatedEvent[] = [];
    const terms: (readonly string[])[] = [];
    for (const entry of entries) {
      entry.events.forEach((e, i) => {
        if (!keep(e)) return;
        events.push(e);
        terms.push(entry.terms[i] ?? []);
      });
    }
    const statistics = { documents: this.eventCount, frequency: (term: string) => this.frequency.get(term) ?? 0 };
    return clusterEvents(events, (i) => terms[i] ?? [], statistics);
  }
}

/** Day numbers of an entry's day-precision events. */
function daysOf(entry: Entry): Set<number> {
  const days = new Set<number>();
  for (const e of entry.events) {
    if (e.date.precision === 'day' && e.date.month !== undefined && e.date.day !== undefined) {
      days.add(dayNumber(e.date.year, e.date.month, e.date.day));
    }
  }
  return days;
}
