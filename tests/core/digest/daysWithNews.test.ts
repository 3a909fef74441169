import { describe, expect, it } from 'vitest';
import { formatCalendarDay } from '../../../src/core/digest/CalendarDay.js';
import { daysWithNews, nearestDaysWithNews } from '../../../src/core/digest/daysWithNews.js';
import { EventIndex } from '../../../src/core/timeline/EventIndex.js';
import { loadSeeds } from '../../support/seeds.js';
import { makeArticle } from '../timeline/makeArticle.js';

describe('daysWithNews', () => {
  it('lists the days with day-precision events or day-dated articles, in order', () => {
    const seeds = loadSeeds();
    expect(daysWithNews(seeds, EventIndex.of(seeds)).map(formatCalendarDay)).toEqual([
      '2021-12-28',
      '2022-01-09',
      '2022-01-10',
      '2022-01-12',
    ]);
    // an article dated to the day counts even without events; one dated to the month does not
    const quiet = makeArticle('quiet', '2022-01-20', 'Rien de daté dans ce texte sur la diplomatie européenne.');
    const monthly = makeArticle('monthly', '2022-02', 'Rien de daté non plus dans ce texte.');
    const articles = [...seeds, quiet, monthly];
    expect(daysWithNews(articles, EventIndex.of(articles)).map(formatCalendarDay)).toEqual([
      '2021-12-28',
      '2022-01-09',
      '2022-01-10',
      '2022-01-12',
      '2022-01-20',
    ]);
  });
});

describe('nearestDaysWithNews', () => {
  const days = [
    { year: 2021, month: 12, day: 28 },
    { year: 2022, month: 1, day: 9 },
    { year: 2022, month: 1, day: 10 },
    { year: 2022, month: 1, day: 12 },
  ];
  const near = (day: string, n: number): string[] => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return nearestDaysWithNews(days, { year: y, month: m, day: d }, n).map(formatCalendarDay);
  };

  it('gives the closest days in chronological order, the earlier one on a tie', () => {
    expect(near('2022-01-11', 2)).toEqual(['2022-01-10', '2022-01-12']);
    expect(near('2022-01-11', 1)).toEqual(['2022-01-10']);
    expect(near('2022-01-01', 2)).toEqual(['2021-12-28', '2022-01-09']);
    expect(near('2022-01-10', 1)).toEqual(['2022-01-10']);
    expect(near('2023-05-01', 10)).toEqual(['2021-12-28', '2022-01-09', '2022-01-10', '2022-01-12']);
    expect(near('2022-01-11', 0)).toEqual([]);
    expect(nearestDaysWithNews([], { year: 2022, month: 1, day: 1 }, 3)).toEqual([]);
  });
});
