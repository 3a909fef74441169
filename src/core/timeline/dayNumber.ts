/*
 * Calendar arithmetic on whole days, in UTC so that no time zone or daylight-saving change can shift a date: a day
 * is the number of days since 1970-01-01. Pure.
 */

const MS_PER_DAY = 86_400_000;

/** The day number of a calendar date (months 1–12). Out-of-range days roll over, as `Date.UTC` does. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The calendar date of a day number. */
export function dateOfDayNumber(n: number): { readonly year: number; readonly month: number; readonly day: number } {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}
