import { MONTHS, WEEKDAYS, foldWord } from '../answer/lexicon.js';
import type { PartialDate } from '../corpus/article.js';
import { dateOfDayNumber, dayNumber, isoWeekday } from '../timeline/dayNumber.js';
import type { CalendarDay } from './CalendarDay.js';

/*
 * Dates as users type them in `/digest show [date]` and `/timeline from/to`: ISO (2022-01-10, 2022-01, 2022),
 * French numeric (10/01/2022, 10/01, 10.01.2022, 01/2022), French words (10 janvier, lundi 10 janvier 2022, 1er
 * mars, janvier 2022, janv.), relative words (hier, aujourd'hui, avant-hier, demain, lundi, lundi dernier, lundi
 * prochain) and their English equivalents (January 10, 10 January 2022, Jan 10, yesterday, today, last Monday).
 * Case, accents and a leading "le"/"du"/"the" do not matter.
 *
 * A date typed without a year is placed relative to `today`: in the twelve months that end three months after it
 * (the latest such date no more than 92 days after `today`). Users mostly look back, but may look a little ahead
 * for planned events. When browsing an archive, pass the archive's latest date as `today`, so that "10 janvier"
 * means the last 10 January of the archive rather than of the calendar.
 */

/** How far after `today` a date without a year may fall (about three months). */
const AHEAD_DAYS = 92;

const MONTH_WORDS = new Map<string, number>();
MONTHS.forEach((m, i) => MONTH_WORDS.set(m, i + 1));
for (const [word, month] of [
  ['janv', 1], ['fev', 2], ['fevr', 2], ['avr', 4], ['juil', 7], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8],
  ['september', 9], ['october', 10], ['november', 11], ['december', 12], ['jan', 1], ['feb', 2], ['mar', 3],
  ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9],
] as const) {
  MONTH_WORDS.set(word, month);
}

const WEEKDAY_WORDS = new Map<string, number>();
WEEKDAYS.forEach((w, i) => WEEKDAY_WORDS.set(w, i + 1));
['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].forEach((w, i) => WEEKDAY_WORDS.set(w, i + 1));

const RELATIVE_DAYS = new Map<string, number>([
  ['avant-hier', -2], ['avant hier', -2], ['hier', -1], ["aujourd'hui", 0], ['aujourdhui', 0], ['aujourd hui', 0],
  ['demain', 1], ['apres-demain', 2], ['apres demain', 2], ['day before yesterday', -2], ['the day before yesterday', -2],
  ['yesterday', -1], ['today', 0], ['tomorrow', 1],
]);

const MONTH = '([a-z]+)\\.?';
const DAY = '(1er|1re|premier|\\d{1,2})(?:st|nd|rd|th)?';

/**
 * The date a user typed, as precise as they typed it (`2022-01` is a month, `10 janvier` a day), or `undefined`
 * when it is not a date or not a valid one (31/02/2022). See the comment above for the year of "10 janvier".
 */
export function parseUserDate(text: string, today: CalendarDay): PartialDate | undefined {
  const t = foldWord(text)
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[.!?]+$/u, '')
    .replace(/^(?:le|du|au|the|on) /u, '');
  if (t === '') return undefined;
  const ref = dayNumber(today.year, today.month, today.day);

  const relative = RELATIVE_DAYS.get(t);
  if (relative !== undefined) return dayDate(ref + relative);

  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/u.exec(t);
  if (m) return checked(Number(m[1]), m[2], m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/u.exec(t);
  if (m) return checked(fullYear(m[3] as string), m[2], m[1]);
  m = /^(\d{1,2})\/(\d{4})$/u.exec(t);
  if (m) return checked(Number(m[2]), m[1], undefined);
  m = /^(\d{1,2})[/.](\d{1,2})$/u.exec(t);
  if (m) return withoutYear(Number(m[1]), Number(m[2]), ref);

  // lundi, lundi dernier, lundi prochain, last monday, next monday
  m = /^(?:(last|next) )?([a-z]+)(?: (dernier|prochain))?$/u.exec(t);
  const weekday = m ? WEEKDAY_WORDS.get(m[2] as string) : undefined;
  if (m && weekday !== undefined) {
    const past = m[1] === 'last' || m[3] === 'dernier';
    const next = m[1] === 'next' || m[3] === 'prochain';
    if (past && next) return undefined;
    const back = (isoWeekday(ref) - weekday + 7) % 7;
    if (next) return dayDate(ref + ((weekday - isoWeekday(ref) + 7) % 7 || 7));
    return dayDate(ref - (back === 0 && past ? 7 : back));
  }

  // [lundi] 10 janvier [2022], 10 January 2022, [Monday,] January 10[,] [2022]
  m = new RegExp(`^(?:([a-z]+),? )?${DAY} ${MONTH}(?:,? (\\d{4}))?$`, 'u').exec(t);
  if (m && (m[1] === undefined || WEEKDAY_WORDS.has(m[1]))) {
    const month = MONTH_WORDS.get(m[3] as string);
    if (month !== undefined) return dayMonthYear(dayOf(m[2] as string), month, m[4], ref);
  }
  m = new RegExp(`^(?:([a-z]+),? )?${MONTH} ${DAY}(?:,? (\\d{4}))?$`, 'u').exec(t);
  if (m && (m[1] === undefined || WEEKDAY_WORDS.has(m[1]))) {
    const month = MONTH_WORDS.get(m[2] as string);
    if (month !== undefined) return dayMonthYear(dayOf(m[3] as string), month, m[4], ref);
  }
  m = new RegExp(`^${MONTH}(?: (\\d{4}))?$`, 'u').exec(t);
  if (m) {
    const month = MONTH_WORDS.get(m[1] as string);
    if (month === undefined) return undefined;
    if (m[2] !== undefined) return { year: Number(m[2]), month, precision: 'month' };
    const bound = ref + AHEAD_DAYS;
    const year = [today.year + 1, today.year, today.year - 1].find((y) => dayNumber(y, month, 1) <= bound) as number;
    return { year, month, precision: 'month' };
  }
  return undefined;
}

function dayMonthYear(day: number, month: number, year: string | undefined, ref: number): PartialDate | undefined {
  return year === undefined ? withoutYear(day, month, ref) : checked(Number(year), String(month), String(day));
}

/** The latest occurrence of day/month no more than AHEAD_DAYS after `ref`. */
function withoutYear(day: number, month: number, ref: number): PartialDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const refYear = dateOfDayNumber(ref).year;
  for (const y of [refYear + 1, refYear, refYear - 1, refYear - 2]) {
    const date = checked(y, String(month), String(day));
    if (date !== undefined && dayNumber(y, month, day) <= ref + AHEAD_DAYS) return date;
  }
  return undefined;
}

/** A date from its parts if it exists (no 31/02), as precise as the parts given. */
function checked(year: number, month: string | undefined, day: string | undefined): PartialDate | undefined {
  if (year < 1 || year > 9999) return undefined;
  if (month === undefined) return { year, precision: 'year' };
  const mo = Number(month);
  if (mo < 1 || mo > 12) return undefined;
  if (day === undefined) return { year, month: mo, precision: 'month' };
  const d = Number(day);
  const back = dateOfDayNumber(dayNumber(year, mo, d));
  if (d < 1 || back.year !== year || back.month !== mo || back.day !== d) return undefined;
  return { year, month: mo, day: d, precision: 'day' };
}

function dayDate(n: number): PartialDate {
  return { ...dateOfDayNumber(n), precision: 'day' };
}

function dayOf(text: string): number {
  return /^(?:1er|1re|premier)$/u.test(text) ? 1 : Number(text);
}

/** `22` → 2022, `98` → 1998 (two-digit years up to 69 are this century's). */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 4 ? n : n <= 69 ? 2000 + n : 1900 + n;
}
