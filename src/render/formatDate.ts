import type { PartialDate } from '../core/corpus/article.js';
import type { Locale } from './Reply.js';

const formats = {
  day: { fr: new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }), en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) },
  month: { fr: new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }), en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }) },
} as const;

/**
 * A date as a reader says it, and no more precise than it is: "mardi 28 décembre 2021", "janvier 2022", "2022".
 * Computed in UTC: these are calendar dates, not instants, so no timezone may shift them by a day.
 */
export function formatDate(date: PartialDate, locale: Locale): string {
  if (date.precision === 'year' || date.month === undefined) return String(date.year);
  const instant = Date.UTC(date.year, date.month - 1, date.day ?? 1);
  return date.precision === 'day' ? formats.day[locale].format(instant) : formats.month[locale].format(instant);
}
