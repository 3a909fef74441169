import { describe, expect, it } from 'vitest';
import { buildDigest, isEmptyDigest } from '../../../src/core/digest/buildDigest.js';
import { formatIsoDate } from '../../../src/core/corpus/partialDate.js';
import { EventIndex } from '../../../src/core/timeline/EventIndex.js';
import { loadSeeds } from '../../support/seeds.js';
import { makeArticle } from '../timeline/makeArticle.js';

const seeds = loadSeeds();
const events = EventIndex.of(seeds);
const id003 = seeds.find((s) => s.id.startsWith('003'))!.id;

describe('buildDigest', () => {
  it('10 January 2022: the planned talks, and nothing the seeds do not date to that day', () => {
    const digest = buildDigest({ year: 2022, month: 1, day: 10 }, { articles: seeds, events });
    expect(digest.events.length).toBeGreaterThan(0);
    for (const e of digest.events) {
      expect(formatIsoDate(e.date)).toBe('2022-01-10');
      expect(e.status).toBe('planned');
      expect(e.text).toMatch(/10 janvier/u);
      expect(e.sources.every((s) => s.articleId === id003)).toBe(true);
    }
    expect(digest.events.map((e) => e.text).join(' ')).toMatch(/pourparlers|discussions|consultations/u);
    // the seeds are dated to the month: none is "of the day"
    expect(digest.articles).toEqual([]);
    expect(digest.summary).toEqual([]);
    expect(isEmptyDigest(digest)).toBe(false);
  });

  it('is empty on a day nothing names, even inside the seeds\' months', () => {
    const digest = buildDigest({ year: 2022, month: 1, day: 11 }, { articles: seeds, events });
    expect(digest.events).toEqual([]);
    expect(digest.articles).toEqual([]);
    expect(isEmptyDigest(digest)).toBe(true);
  });

  it('includes the articles that arrived that day and summarises them with citations', () => {
    const digest = buildDigest({ year: 2022, month: 1, day: 11 }, { articles: seeds, events, arrived: new Set([id003]) });
    expect(digest.articles.map((a) => a.id)).toEqual([id003]);
    expect(digest.summary.length).toBeGreaterThan(0);
    const article = seeds.find((s) => s.id === id003)!;
    for (const s of digest.summary) {
      expect(s.articleId).toBe(id003);
      expect(article.paragraphs[s.paragraph]!.slice(s.start, s.end)).toBe(s.text);
    }
    expect(isEmptyDigest(digest)).toBe(false);
  });

  it('includes articles dated to the day, once, in date then id order', () => {
    const a = makeArticle('b-day', '2022-01-10', 'Les pourparlers russo-américains se sont ouverts lundi à Genève.');
    const b = makeArticle('a-day', '2022-01-10', 'La délégation russe est arrivée à Genève pour les pourparlers.');
    const other = makeArticle('other', '2022-01-11', 'Les pourparlers de Genève se sont achevés sans accord.');
    const index = EventIndex.of([...seeds, a, b, other]);
    const digest = buildDigest(
      { year: 2022, month: 1, day: 10 },
      { articles: [...seeds, a, b, other, a], events: index, arrived: new Set(['a-day']) },
    );
    expect(digest.articles.map((x) => x.id)).toEqual(['a-day', 'b-day']);
    // "lundi" in an article of Monday 10 January is that day, and the talks 003 announced for it: one event, now
    // reported done, listed first since two articles report it
    const first = digest.events[0]!;
    expect(new Set(first.sources.map((s) => s.articleId))).toEqual(new Set([id003, 'b-day']));
    expect(first.status).toBe('done');
    const reports = digest.events.map((e) => new Set(e.sources.map((s) => s.articleId)).size);
    expect([...reports].sort((x, y) => y - x)).toEqual(reports);
    expect(digest.summary.every((s) => ['a-day', 'b-day'].includes(s.articleId))).toBe(true);
  });
});
