import { describe, expect, it } from 'vitest';
import {
  addDays,
  canonicalTimeZone,
  formatTimeOfDay,
  instantOf,
  isValidTimeZone,
  latestFireAtOrBefore,
  localDay,
  nextFireAt,
  parseDay,
  parseTimeOfDay,
} from '../../src/scheduler/localTime.js';

const PARIS = 'Europe/Paris';
const utc = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

describe('instantOf', () => {
  it('uses the winter and summer offsets of Paris (UTC+1, UTC+2)', () => {
    expect(iso(instantOf('2024-01-15', { hour: 8, minute: 0 }, PARIS))).toBe('2024-01-15T07:00:00.000Z');
    expect(iso(instantOf('2024-07-15', { hour: 8, minute: 0 }, PARIS))).toBe('2024-07-15T06:00:00.000Z');
  });

  it('moves a time in the spring-forward gap to the end of the gap (03:00 local), so the post is late, not lost', () => {
    // 2024-03-31: clocks go from 02:00 CET straight to 03:00 CEST (01:00 UTC)
    expect(iso(instantOf('2024-03-31', { hour: 2, minute: 30 }, PARIS))).toBe('2024-03-31T01:00:00.000Z');
    expect(iso(instantOf('2024-03-31', { hour: 2, minute: 0 }, PARIS))).toBe('2024-03-31T01:00:00.000Z');
    // just outside the gap, times are exact
    expect(iso(instantOf('2024-03-31', { hour: 1, minute: 59 }, PARIS))).toBe('2024-03-31T00:59:00.000Z');
    expect(iso(instantOf('2024-03-31', { hour: 3, minute: 0 }, PARIS))).toBe('2024-03-31T01:00:00.000Z');
  });

  it('takes the first of the two 02:30 of the autumn repeated hour', () => {
    // 2024-10-27: 03:00 CEST becomes 02:00 CET (01:00 UTC); 02:30 happens at 00:30 UTC and again at 01:30 UTC
    expect(iso(instantOf('2024-10-27', { hour: 2, minute: 30 }, PARIS))).toBe('2024-10-27T00:30:00.000Z');
    expect(iso(instantOf('2024-10-27', { hour: 3, minute: 0 }, PARIS))).toBe('2024-10-27T02:00:00.000Z');
  });

  it('handles a zone whose gap is at midnight (America/Santiago, 2024-09-08: 00:00 → 01:00)', () => {
    expect(iso(instantOf('2024-09-08', { hour: 0, minute: 30 }, 'America/Santiago'))).toBe('2024-09-08T04:00:00.000Z');
    expect(localDay(instantOf('2024-09-08', { hour: 0, minute: 30 }, 'America/Santiago'), 'America/Santiago')).toBe('2024-09-08');
  });
});

describe('nextFireAt', () => {
  it('is strictly after `after`: at the exact slot instant, the next one is tomorrow', () => {
    const slot = instantOf('2024-06-10', { hour: 8, minute: 0 }, PARIS);
    expect(nextFireAt(slot - 1, { hour: 8, minute: 0 }, PARIS)).toEqual({ at: slot, day: '2024-06-10' });
    expect(nextFireAt(slot, { hour: 8, minute: 0 }, PARIS).day).toBe('2024-06-11');
  });

  it('fires once a day through both DST changes, always at 08:00 on the Paris wall clock', () => {
    let now = utc('2024-03-25T12:00:00Z');
    const days: string[] = [];
    for (let i = 0; i < 14; i++) {
      const next = nextFireAt(now, { hour: 8, minute: 0 }, PARIS);
      expect(parisClock(next.at)).toBe('08:00');
      days.push(next.day);
      now = next.at;
    }
    expect(days).toEqual(consecutiveDays('2024-03-26', 14));

    now = utc('2024-10-22T12:00:00Z');
    const autumn: string[] = [];
    for (let i = 0; i < 10; i++) {
      const next = nextFireAt(now, { hour: 8, minute: 0 }, PARIS);
      expect(parisClock(next.at)).toBe('08:00');
      autumn.push(next.day);
      now = next.at;
    }
    expect(autumn).toEqual(consecutiveDays('2024-10-23', 10));
  });

  it('fires a 02:30 subscription once on the autumn day (not at the second 02:30) and at 03:00 on the spring day', () => {
    let now = utc('2024-10-26T12:00:00Z');
    const fires: string[] = [];
    for (let i = 0; i < 3; i++) {
      const next = nextFireAt(now, { hour: 2, minute: 30 }, PARIS);
      fires.push(iso(next.at));
      now = next.at;
    }
    expect(fires).toEqual(['2024-10-27T00:30:00.000Z', '2024-10-28T01:30:00.000Z', '2024-10-29T01:30:00.000Z']);

    const spring = nextFireAt(utc('2024-03-30T12:00:00Z'), { hour: 2, minute: 30 }, PARIS);
    expect(spring.day).toBe('2024-03-31');
    expect(parisClock(spring.at)).toBe('03:00');
    const after = nextFireAt(spring.at, { hour: 2, minute: 30 }, PARIS);
    expect(after.day).toBe('2024-04-01');
    expect(parisClock(after.at)).toBe('02:30');
  });

  it('does not fire again when `after` is between the two 02:30 of the repeated hour', () => {
    const between = utc('2024-10-27T01:00:00Z'); // 02:00 CET, after the first 02:30 and before the second
    expect(nextFireAt(between, { hour: 2, minute: 30 }, PARIS).day).toBe('2024-10-28');
  });
});

describe('latestFireAtOrBefore', () => {
  it('is the most recent slot, today or yesterday', () => {
    const slot = instantOf('2024-06-10', { hour: 8, minute: 0 }, PARIS);
    expect(latestFireAtOrBefore(slot, { hour: 8, minute: 0 }, PARIS)).toEqual({ at: slot, day: '2024-06-10' });
    expect(latestFireAtOrBefore(slot - 1, { hour: 8, minute: 0 }, PARIS).day).toBe('2024-06-09');
  });
});

describe('localDay', () => {
  it('is the calendar day in the zone, not in UTC', () => {
    // 23:30 UTC on 14 June is 01:30 on 15 June in Paris
    expect(localDay(utc('2024-06-14T23:30:00Z'), PARIS)).toBe('2024-06-15');
    expect(localDay(utc('2024-06-14T23:30:00Z'), 'UTC')).toBe('2024-06-14');
    expect(localDay(utc('2024-06-15T03:00:00Z'), 'America/New_York')).toBe('2024-06-14');
  });
});

describe('days and times', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2022-01-01', -1)).toBe('2021-12-31');
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01'); // DST weekends are plain calendar days
  });

  it('parses only real calendar days', () => {
    expect(parseDay('2022-01-10')).toBe('2022-01-10');
    expect(parseDay(' 2024-02-29 ')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2022-13-01', '2022-00-10', '2022-01-32', '22-01-10', '2022-1-10', '2022/01/10', '']) {
      expect(parseDay(bad), bad).toBeUndefined();
    }
  });

  it('parses times as French users write them, and refuses the rest', () => {
    expect(parseTimeOfDay('08:30')).toEqual({ hour: 8, minute: 30 });
    expect(parseTimeOfDay('8:05')).toEqual({ hour: 8, minute: 5 });
    expect(parseTimeOfDay('8h30')).toEqual({ hour: 8, minute: 30 });
    expect(parseTimeOfDay('18h')).toEqual({ hour: 18, minute: 0 });
    expect(parseTimeOfDay(' 00:00 ')).toEqual({ hour: 0, minute: 0 });
    expect(parseTimeOfDay('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const bad of ['24:00', '12:60', '8:', '830', '8.30', 'midi', '', '8:3', '-1:00']) {
      expect(parseTimeOfDay(bad), bad).toBeUndefined();
    }
    expect(formatTimeOfDay({ hour: 8, minute: 5 })).toBe('08:05');
  });

  it('knows real zones only, and spells them canonically', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Europe/Pariss')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
  });
});

function parisClock(instant: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

function consecutiveDays(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}
