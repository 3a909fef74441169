import type { PartialDate } from '../corpus/article.js';
import { dateOfDayNumber, dayNumber } from '../timeline/dayNumber.js';

/**
 * A day of the calendar, without time or time zone: what a daily digest is about. Arithmetic is done on UTC dates,
 * so that no daylight-saving change can skip or repeat a day.
 */
export interface CalendarDay {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD`, the form used in commands, logs and storage keys. */
export function formatCalendarDay(d: CalendarDay): string {
  return `${String(d.year).padStart(4, '0')}-${pad(d.month)}-${pad(d.day)}`;
}

/** Parses `YYYY-MM-DD`, checking that the day exists; `undefined` otherwise. */
export function parseCalendarDay(text: string): CalendarDay | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text.trim());
  if (!m) return undefined;
  return calendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The day if it exists (no 31 June, no 29 February outside leap years), else `undefined`. */
export function calendarDay(year: number, month: number, day: number): CalendarDay | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const d = dateOfDayNumber(dayNumber(year, month, day));
  return d.year === year && d.month === month && d.day === day ? d : undefined;
}

/** The day `n` days later (earlier when `n` is negative). */
export function addDays(d: CalendarDay, n: number): CalendarDay {
  return dateOfDayNumber(dayNumber(d.year, d.month, d.day) + Math.trunc(n));
}

/** Chronological order, for `sort`. */
export function compareCalendarDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return dayNumber(b.year, b.month, b.day) - dayNumber(a.year, a.month, a.day);
}

/** The day of a day-precision date; `undefined` for a month or a year, which are not one day. */
export function calendarDayOf(date: PartialDate): CalendarDay | undefined {
  if (date.precision !== 'day' || date.month === undefined || date.day === undefined) return undefined;
  return { year: date.year, month: date.month, day: date.day };
}

/** The day as a day-precision date. */
export function toPartialDate(d: CalendarDay): PartialDate {
  return { year: d.year, month: d.month, day: d.day, precision: 'day' };
}
