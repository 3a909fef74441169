import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDay,
  calendarDayOf,
  compareCalendarDays,
  daysBetween,
  formatCalendarDay,
  parseCalendarDay,
  toPartialDate,
} from '../../../src/core/digest/CalendarDay.js';

describe('CalendarDay', () => {
  it('formats and parses YYYY-MM-DD, refusing days that do not exist', () => {
    expect(formatCalendarDay({ year: 2022, month: 1, day: 9 })).toBe('2022-01-09');
    expect(parseCalendarDay('2022-01-09')).toEqual({ year: 2022, month: 1, day: 9 });
    expect(parseCalendarDay('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2022-02-29', '2022-13-01', '2022-04-31', '2022-1-9', '09/01/2022', '']) {
      expect(parseCalendarDay(bad)).toBeUndefined();
    }
    expect(calendarDay(2021, 2, 29)).toBeUndefined();
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays({ year: 2021, month: 12, day: 31 }, 1)).toEqual({ year: 2022, month: 1, day: 1 });
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2022, month: 3, day: 1 }, -1)).toEqual({ year: 2022, month: 2, day: 28 });
    // 27 March 2022 is the night clocks change in Europe: a day is still a day
    expect(addDays({ year: 2022, month: 3, day: 26 }, 2)).toEqual({ year: 2022, month: 3, day: 28 });
    expect(daysBetween({ year: 2021, month: 12, day: 28 }, { year: 2022, month: 1, day: 10 })).toBe(13);
  });

  it('orders days and converts to and from partial dates', () => {
    const days = [
      { year: 2022, month: 1, day: 10 },
      { year: 2021, month: 12, day: 28 },
      { year: 2022, month: 1, day: 9 },
    ];
    expect([...days].sort(compareCalendarDays).map(formatCalendarDay)).toEqual(['2021-12-28', '2022-01-09', '2022-01-10']);
    expect(calendarDayOf({ year: 2022, month: 1, day: 10, precision: 'day' })).toEqual({ year: 2022, month: 1, day: 10 });
    expect(calendarDayOf({ year: 2022, month: 1, precision: 'month' })).toBeUndefined();
    expect(toPartialDate({ year: 2022, month: 1, day: 10 })).toEqual({ year: 2022, month: 1, day: 10, precision: 'day' });
  });
});
