import type { Article } from '../corpus/article.js';
import type { EventIndex } from '../timeline/EventIndex.js';
import { calendarDayOf, compareCalendarDays, daysBetween, formatCalendarDay, type CalendarDay } from './CalendarDay.js';

/**
 * The days that have something to digest, in order: a day-precision event, or an article dated to the day. Used to
 * offer the nearest days when a user asks for an empty one.
 */
export function daysWithNews(articles: Iterable<Article>, events: EventIndex): CalendarDay[] {
  const days = new Map<string, CalendarDay>();
  const add = (d: CalendarDay | undefined): void => {
    if (d !== undefined) days.set(formatCalendarDay(d), d);
  };
  for (const d of events.days()) add(calendarDayOf(d));
  for (const a of articles) add(calendarDayOf(a.date));
  return [...days.values()].sort(compareCalendarDays);
}

/**
 * The `n` days of `days` closest to `day` (the day itself included when it is there), returned in chronological
 * order; on equal distance the earlier day wins, since a reader of an archive more often looks back.
 */
export function nearestDaysWithNews(days: readonly CalendarDay[], day: CalendarDay, n: number): CalendarDay[] {
  if (n <= 0) return [];
  return [...days]
    .map((d) => ({ d, distance: Math.abs(daysBetween(day, d)), before: daysBetween(day, d) < 0 }))
    .sort((a, b) => a.distance - b.distance || (a.before === b.before ? 0 : a.before ? -1 : 1) || compareCalendarDays(a.d, b.d))
    .filter((x, i, all) => i === 0 || compareCalendarDays(x.d, (all[i - 1] as typeof x).d) !== 0)
    .slice(0, Math.floor(n))
    .map((x) => x.d)
    .sort(compareCalendarDays);
}
