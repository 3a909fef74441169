import { describe, expect, it } from 'vitest';
import type { PartialDate } from '../../../src/core/corpus/article.js';
import { formatIsoDate, parseIsoDate } from '../../../src/core/corpus/partialDate.js';
import { buildTimeline } from '../../../src/core/timeline/buildTimeline.js';
import type { DatedEvent } from '../../../src/core/timeline/DatedEvent.js';
import { EventIndex } from '../../../src/core/timeline/EventIndex.js';
import { loadSeeds } from '../../support/seeds.js';

const date = (text: string): PartialDate => {
  const d = parseIsoDate(text);
  if (d === undefined) throw new Error(text);
  return d;
};
const event = (when: string, text: string): DatedEvent => ({
  date: date(when),
  status: 'done',
  text,
  mention: 'x',
  sources: [{ articleId: text, paragraph: 0, start: 0, end: text.length }],
});
const outline = (groups: ReturnType<typeof buildTimeline>): string[] =>
  groups.map((g) => `${g.kind} ${formatIsoDate(g.date)}: ${g.events.map((e) => e.text).join(', ')}`);

describe('buildTimeline', () => {
  const events = [
    event('2022-01', 'janvier sans jour'),
    event('2022-01-12', 'le 12'),
    event('2021-12-28', 'le 28'),
    event('2022', '2022 sans mois'),
    event('2022-01-10', 'le 10 (a)'),
    event('2022-02', 'février sans jour'),
    event('2022-01-10', 'le 10 (b)'),
    event('2021-12', 'décembre sans jour'),
  ];

  it('orders by date, a month\'s days before its "day not given" group, a year\'s months before its own group', () => {
    expect(outline(buildTimeline(events))).toEqual([
      'day 2021-12-28: le 28',
      'month 2021-12: décembre sans jour',
      'day 2022-01-10: le 10 (a), le 10 (b)',
      'day 2022-01-12: le 12',
      'month 2022-01: janvier sans jour',
      'month 2022-02: février sans jour',
      'year 2022: 2022 sans mois',
    ]);
  });

  it('keeps the events whose date overlaps the range', () => {
    // from the 11th: the 10th is out; January (may be after the 11th) and 2022 overlap; December is out
    expect(outline(buildTimeline(events, { from: date('2022-01-11'), to: date('2022-01') }))).toEqual([
      'day 2022-01-12: le 12',
      'month 2022-01: janvier sans jour',
      'year 2022: 2022 sans mois',
    ]);
    expect(outline(buildTimeline(events, { to: date('2021') }))).toEqual([
      'day 2021-12-28: le 28',
      'month 2021-12: décembre sans jour',
    ]);
    expect(buildTimeline([], {})).toEqual([]);
  });

  it('lays out the seed articles\' events with the planned January talks after the December announcement', () => {
    const groups = buildTimeline(EventIndex.of(loadSeeds()).all());
    const days = groups.filter((g) => g.kind === 'day').map((g) => formatIsoDate(g.date));
    expect(days).toEqual(['2021-12-28', '2022-01-09', '2022-01-10', '2022-01-12']);
    const years = groups.filter((g) => g.kind === 'year').map((g) => formatIsoDate(g.date));
    expect(years).toEqual(['2014']);
  });
});
