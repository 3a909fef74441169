import { addDays as addCalendarDays, formatCalendarDay, parseCalendarDay } from '../core/digest/CalendarDay.js';

/**
 * Local calendar days and wall-clock times in an IANA time zone, with the `Intl` API only (no tz library): the zone
 * rules come from the ICU data Node ships, so they follow the same updates as the runtime.
 *
 * Days are `YYYY-MM-DD` strings: they compare correctly as strings, and they are what users type and read.
 * Instants are epoch milliseconds. Everything here is pure.
 *
 * Daylight-saving rules (documented because a scheduler depends on them):
 * - a wall time that does not exist that day (the spring-forward gap, e.g. 02:30 on the last Sunday of March in
 *   Europe/Paris) resolves to the first instant after the gap — 03:00 local — so the post is late, never skipped;
 * - a wall time that happens twice (the autumn repeated hour, e.g. 02:30 on the last Sunday of October) resolves to
 *   its first occurrence, so it fires once.
 */

/** A time of day on the wall clock, 00:00–23:59. */
export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
}

/** A local calendar day and the instant something happens on it. */
export interface LocalSlot {
  /** Epoch milliseconds. */
  readonly at: number;
  /** `YYYY-MM-DD`, the local day of `at`'s wall time. */
  readonly day: string;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const DAY_MS = 86_400_000;

/** One formatter per zone: creating an Intl.DateTimeFormat costs far more than formatting with it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Whether `timeZone` is an IANA zone this runtime knows (`Europe/Paris`, `UTC`). Used to validate the
 * DIGEST_TIMEZONE setting at start-up rather than failing at the first post.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's canonical name (`europe/paris` → `Europe/Paris`), or `undefined` if unknown: settings are case-insensitive
 * like Intl, but logs and `/digest status` show one spelling.
 */
export function canonicalTimeZone(timeZone: string): string | undefined {
  if (!isValidTimeZone(timeZone)) return undefined;
  return formatterFor(timeZone).resolvedOptions().timeZone;
}

/** The wall clock in `timeZone` at `instant` (seconds precision: zone offsets are whole seconds). */
function wallClockAt(instant: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? NaN,
    month: fields.month ?? NaN,
    day: fields.day ?? NaN,
    hour: fields.hour ?? NaN,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
  };
}

/** The zone's offset from UTC at `instant`, in milliseconds (Europe/Paris in winter: +3,600,000). */
function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const w = wallClockAt(whole, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/** The local calendar day of `instant` in `timeZone`: which day's digest an article that arrived then belongs to. */
export function localDay(instant: number, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return formatCalendarDay(w);
}

/**
 * The instant at which the wall clock in `timeZone` shows `time` on `day`. In the spring-forward gap, the first
 * instant after the gap (the post is late, not lost); in the autumn repeated hour, the first occurrence (one post).
 */
export function instantOf(day: string, time: TimeOfDay, timeZone: string): number {
  const parsed = parseCalendarDay(day);
  if (!parsed) throw new RangeError(`not a day: ${day}`);
  const wall = Date.UTC(parsed.year, parsed.month - 1, parsed.day, time.hour, time.minute);
  // The offsets a day before and after bracket any transition near `wall` (zones change at most once a day).
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const exact = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  if (exact.length > 0) return Math.min(...exact);
  // A gap: `wall` never shows. Find the transition: the first instant whose wall clock is past `wall`.
  let lo = Math.min(wall - before, wall - after);
  let hi = Math.max(wall - before, wall - after);
  if (lo === hi) return lo; // two transitions within two days: no better answer than the nominal offset
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (mid + offsetAt(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The first instant strictly after `after` at which the wall clock in `timeZone` shows `time` (per `instantOf`'s DST
 * rules), and its local day: when the next digest of a subscription is due.
 */
export function nextFireAt(after: number, time: TimeOfDay, timeZone: string): LocalSlot {
  const today = localDay(after, timeZone);
  for (let k = 0; k < 3; k++) {
    const day = addDays(today, k);
    const at = instantOf(day, time, timeZone);
    if (at > after) return { at, day };
  }
  throw new Error(`no ${formatTimeOfDay(time)} in ${timeZone} within two days of ${new Date(after).toISOString()}`);
}

/**
 * The last instant at or before `at` at which the wall clock shows `time`, and its local day: the most recent slot a
 * subscription should have posted at, which is all a catch-up after downtime needs.
 */
export function latestFireAtOrBefore(at: number, time: TimeOfDay, timeZone: string): LocalSlot {
  const today = localDay(at, timeZone);
  for (let k = 0; k < 3; k++) {
    const day = addDays(today, -k);
    const fire = instantOf(day, time, timeZone);
    if (fire <= at) return { at: fire, day };
  }
  throw new Error(`no ${formatTimeOfDay(time)} in ${timeZone} within two days before ${new Date(at).toISOString()}`);
}

/** `day` moved by `days` calendar days (negative: earlier). Calendar arithmetic, independent of any zone. */
export function addDays(day: string, days: number): string {
  const parsed = parseCalendarDay(day);
  if (!parsed) throw new RangeError(`not a day: ${day}`);
  return formatCalendarDay(addCalendarDays(parsed, days));
}

/**
 * A `YYYY-MM-DD` day that exists in the calendar (`2022-02-30` is refused), or `undefined`: validates user input such
 * as `/digest subscribe replay_from` before it reaches the store.
 */
export function parseDay(text: string): string | undefined {
  const parsed = parseCalendarDay(text);
  return parsed ? formatCalendarDay(parsed) : undefined;
}

/**
 * `HH:MM` (also `H:MM`, `8h30`, `08h`, as French users write times), or `undefined`: validates the `time` option of
 * `/digest subscribe`. Hours 0–23, minutes 0–59.
 */
export function parseTimeOfDay(text: string): TimeOfDay | undefined {
  const match = /^(\d{1,2})\s*(?::|h|H)\s*(\d{2})?$/.exec(text.trim());
  if (!match) return undefined;
  const colon = text.includes(':');
  if (colon && match[2] === undefined) return undefined; // "8:" is a typo, "8h" is French for 08:00
  const hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

/** `08:05`: the canonical form stored in the database and shown by `/digest status`. */
export function formatTimeOfDay(time: TimeOfDay): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

