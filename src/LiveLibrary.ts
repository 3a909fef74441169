import type { Article } from './core/corpus/article.js';
import type { CalendarDay } from './core/digest/CalendarDay.js';
import { parseCalendarDay, formatCalendarDay } from './core/digest/CalendarDay.js';
import type { ArticleIndex } from './core/search/ArticleIndex.js';
import { EventIndex } from './core/timeline/EventIndex.js';
import type { Library } from './render/Library.js';
import { localDay } from './scheduler/localTime.js';
import type { WorkQueue } from './WorkQueue.js';

/**
 * The library the bot serves from: the article index and the events of those articles, kept in step as articles
 * are added and removed. Events are extracted in the background after start-up (a large archive takes seconds and
 * the gateway must keep its heartbeat meanwhile); until then a timeline or digest builds what it needs at once.
 */
export class LiveLibrary implements Library {
  private eventIndex: EventIndex | undefined;
  private filling: Promise<void> | undefined;

  constructor(
    readonly articles: ArticleIndex,
    private readonly options: {
      /** IANA zone of "today" (DIGEST_TIMEZONE). */
      readonly timeZone: string;
      /** Ids of the articles that arrived on a day (`YYYY-MM-DD`), from the store; none when there is no store. */
      readonly arrivals?: (day: string) => readonly string[];
    },
  ) {}

  get events(): EventIndex {
    this.eventIndex ??= EventIndex.of(this.articles.all());
    return this.eventIndex;
  }

  /**
   * Extracts every article's events as background jobs of `work` (one per article: an article costs microseconds or
   * tens of milliseconds, and fixed batches of 200 held the thread for 400 ms on 3,000 articles); idempotent. The
   * index being filled is served meanwhile (a timeline asked for in the first seconds may miss events), and articles
   * added or removed meanwhile go to it like any other change.
   */
  fillEvents(work: Pick<WorkQueue, 'run'>): Promise<void> {
    this.filling ??= (async () => {
      const events = new EventIndex();
      this.eventIndex = events;
      for (const article of [...this.articles.all()]) {
        await work.run(() => {
          // Replaced or removed since the list was taken: the change already reached `events`.
          if (this.articles.get(article.id) === article && !events.has(article.id)) events.add(article);
        });
      }
    })();
    return this.filling;
  }

  /** Adds or replaces an article (the folder watcher saw it). */
  upsert(article: Article): void {
    this.articles.add(article);
    this.eventIndex?.add(article);
  }

  /** Removes an article (its file was deleted). */
  remove(id: string): void {
    this.articles.remove(id);
    this.eventIndex?.remove(id);
  }

  arrivedOn(day: CalendarDay): ReadonlySet<string> {
    return new Set(this.options.arrivals?.(formatCalendarDay(day)) ?? []);
  }

  today(): CalendarDay {
    const day = parseCalendarDay(localDay(Date.now(), this.options.timeZone));
    if (!day) throw new Error('localDay returned an invalid day');
    return day;
  }
}
