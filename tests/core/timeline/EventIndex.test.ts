import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../src/core/corpus/partialDate.js';
import { EventIndex } from '../../../src/core/timeline/EventIndex.js';
import { extractEvents } from '../../../src/core/timeline/extractEvents.js';
import { mergeEvents } from '../../../src/core/timeline/mergeEvents.js';
import { loadSeeds } from '../../support/seeds.js';
import { makeArticle } from './makeArticle.js';

const seeds = loadSeeds();
const idOf = (prefix: string): string => seeds.find((s) => s.id.startsWith(prefix))!.id;

describe('EventIndex', () => {
  it('merges across articles: the 12 January council once, citing 003 and 004', () => {
    const index = EventIndex.of(seeds);
    const day = index.onDay(2022, 1, 12);
    expect(day).toHaveLength(1);
    expect(new Set(day[0]!.sources.map((s) => s.articleId))).toEqual(new Set([idOf('003'), idOf('004')]));
    expect(index.all().filter((e) => formatIsoDate(e.date) === '2022-01-12')).toEqual(day);
  });

  it('gives the days with events, and nothing for days without or that do not exist', () => {
    const index = EventIndex.of(seeds);
    expect(index.days().map(formatIsoDate)).toEqual(['2021-12-28', '2022-01-09', '2022-01-10', '2022-01-12']);
    expect(index.onDay(2022, 1, 11)).toEqual([]);
    expect(index.onDay(2022, 2, 30)).toEqual([]);
  });

  it('is exactly mergeEvents over the events asked for, oldest article first', () => {
    const index = EventIndex.of([...seeds].reverse());
    const ordered = [...seeds].sort((a, b) => (a.id < b.id ? -1 : 1)); // same month per pair: id decides
    const byDate = [...ordered].sort((a, b) => (a.date.year - b.date.year) || ((a.date.month ?? 0) - (b.date.month ?? 0)));
    expect(index.all()).toEqual(mergeEvents(byDate.flatMap((a) => extractEvents(a))));
    const ids = new Set([idOf('003')]);
    const only003 = index.forArticles(ids);
    expect(only003).toEqual(mergeEvents(extractEvents(seeds.find((s) => s.id === idOf('003'))!)));
    expect(only003.every((e) => e.sources.every((s) => s.articleId === idOf('003')))).toBe(true);
  });

  it('follows additions, replacements and removals', () => {
    const index = EventIndex.of(seeds);
    const extra = makeArticle('extra', '2022-01-13', 'Le Conseil Otan-Russie s’est réuni mercredi à Bruxelles pendant quatre heures.');
    index.add(extra);
    expect(index.size).toBe(6);
    // "mercredi" in an article of Thursday 13 January is the 12th: the same council
    const council = index.onDay(2022, 1, 12);
    expect(council).toHaveLength(1);
    expect(council[0]!.sources.map((s) => s.articleId)).toContain('extra');
    expect(council[0]!.status).toBe('done');

    index.add(makeArticle('extra', '2022-01-13', 'Le maire a inauguré vendredi la nouvelle médiathèque de la ville.'));
    expect(index.size).toBe(6);
    expect(index.onDay(2022, 1, 12)[0]!.sources.map((s) => s.articleId)).not.toContain('extra');
    expect(index.onDay(2022, 1, 7).map((e) => e.sources[0]!.articleId)).toEqual(['extra']);

    expect(index.remove('extra')).toBe(true);
    expect(index.remove('extra')).toBe(false);
    expect(index.has('extra')).toBe(false);
    expect(index.onDay(2022, 1, 7)).toEqual([]);
    expect(index.days().map(formatIsoDate)).toEqual(['2021-12-28', '2022-01-09', '2022-01-10', '2022-01-12']);
  });
});
