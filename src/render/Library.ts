import type { CalendarDay } from '../core/digest/CalendarDay.js';
import type { ArticleIndex } from '../core/search/ArticleIndex.js';
import type { EventIndex } from '../core/timeline/EventIndex.js';

/**
 * What replies are built from: the articles and their dated events, kept in step by whoever adds and removes
 * articles (start-up, the folder watcher), plus the two facts that come from outside the pure core.
 */
export interface Library {
  readonly articles: ArticleIndex;
  readonly events: EventIndex;
  /** Ids of the articles that arrived in the folder on that day (recorded by the watcher); empty when unknown. */
  arrivedOn(day: CalendarDay): ReadonlySet<string>;
  /** Today in the digest timezone: the reference for "hier" and for dates typed without a year. */
  today(): CalendarDay;
}
