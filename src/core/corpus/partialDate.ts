import type { PartialDate } from './article.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2022`, `2022-01` or `2022-01-10`, as precise as the date is and no more. */
export function formatIsoDate(date: PartialDate): string {
  if (date.precision === 'year' || date.month === undefined) return String(date.year);
  if (date.precision === 'month' || date.day === undefined) return `${date.year}-${pad(date.month)}`;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists in that month.
 * Returns `undefined` for anything else, so callers can say why a file was skipped.
 */
export function parseIsoDate(text: string): PartialDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day, precision: 'day' };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The first and last day (UTC milliseconds at midnight) that a partial date may stand for: `2022-01` covers
 * 2022-01-01 … 2022-01-31. Used for date-range filters, which must keep an article whose month overlaps the range.
 */
export function dateBounds(date: PartialDate): { readonly first: number; readonly last: number } {
  const month = date.month ?? 1;
  const lastMonth = date.month ?? 12;
  const first = Date.UTC(date.year, month - 1, date.day ?? 1);
  const last = Date.UTC(date.year, lastMonth - 1, date.day ?? daysInMonth(date.year, lastMonth));
  return { first, last };
}

/** Orders dates by their first possible day, the less precise first on ties (a month before its days). */
export function compareDates(a: PartialDate, b: PartialDate): number {
  const d = dateBounds(a).first - dateBounds(b).first;
  if (d !== 0) return d;
  const rank = { year: 0, month: 1, day: 2 } as const;
  return rank[a.precision] - rank[b.precision];
}
