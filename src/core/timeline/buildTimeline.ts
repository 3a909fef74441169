import type { PartialDate } from '../corpus/article.js';
import { dateBounds } from '../corpus/partialDate.js';
import type { DatedEvent } from './DatedEvent.js';

/**
 * One heading of a timeline: a day, or the events of a month (or a year) whose day (or month) the articles do not
 * give. Kept apart so that a reader never takes "janvier 2022" for "1er janvier 2022".
 */
export type TimelineGroup =
  | { readonly kind: 'day'; readonly date: PartialDate; readonly events: readonly DatedEvent[] }
  | { readonly kind: 'month'; readonly date: PartialDate; readonly events: readonly DatedEvent[] }
  | { readonly kind: 'year'; readonly date: PartialDate; readonly events: readonly DatedEvent[] };

export interface TimelineRange {
  /** Keep events whose date may fall on or after this date's first day. */
  readonly from?: PartialDate;
  /** Keep events whose date may fall on or before this date's last day. */
  readonly to?: PartialDate;
}

/**
 * Groups events (usually from `mergeEvents` or `EventIndex`) into a chronology. Order: by date; within a month, its
 * days first, then the month's "day not given" group; within a year, its months, then the year's "month not given"
 * group. Vague events come after the precise ones because a reader follows the days in order and the vague ones
 * are a footnote to the period, not its beginning (note that `compareDates` orders the other way round). A range
 * keeps the events whose date overlaps it (a month-precision event overlaps a range that starts mid-month, as
 * article filters do). Events keep their input order within a group. Pure.
 */
export function buildTimeline(events: readonly DatedEvent[], range: TimelineRange = {}): TimelineGroup[] {
  const first = range.from === undefined ? -Infinity : dateBounds(range.from).first;
  const last = range.to === undefined ? Infinity : dateBounds(range.to).last;
  const groups = new Map<string, { date: PartialDate; events: DatedEvent[] }>();
  for (const event of events) {
    const bounds = dateBounds(event.date);
    if (bounds.last < first || bounds.first > last) continue;
    const key = groupKey(event.date);
    const group = groups.get(key);
    if (group) group.events.push(event);
    else groups.set(key, { date: normalise(event.date), events: [event] });
  }
  return [...groups.values()]
    .sort((a, b) => sortKey(a.date) - sortKey(b.date))
    .map((g) => ({ kind: g.date.precision, date: g.date, events: g.events }));
}

function groupKey(date: PartialDate): string {
  return `${date.precision}:${date.year}-${date.month ?? 0}-${date.day ?? 0}`;
}

/** The date as precise as its precision says (a month-precision date carries no stray day). */
function normalise(date: PartialDate): PartialDate {
  if (date.precision === 'year') return { year: date.year, precision: 'year' };
  if (date.precision === 'month') return { year: date.year, month: date.month ?? 1, precision: 'month' };
  return date;
}

/** Year, then month (13 = "month not given"), then day (32 = "day not given"). */
function sortKey(date: PartialDate): number {
  const month = date.precision === 'year' ? 13 : (date.month ?? 13);
  const day = date.precision === 'day' ? (date.day ?? 32) : 32;
  return (date.year * 14 + month) * 33 + day;
}
