import { describe, expect, it } from 'vitest';
import { formatIsoDate, compareDates } from '../../../src/core/corpus/partialDate.js';
import type { DatedEvent } from '../../../src/core/timeline/DatedEvent.js';
import { extractEvents } from '../../../src/core/timeline/extractEvents.js';
import { mergeEvents } from '../../../src/core/timeline/mergeEvents.js';
import { loadSeeds } from '../../support/seeds.js';
import { makeArticle } from './makeArticle.js';

const seedEvents = (): DatedEvent[] => loadSeeds().flatMap((a) => extractEvents(a));
const articlesOf = (e: DatedEvent): string[] => [...new Set(e.sources.map((s) => s.articleId.slice(0, 3)))].sort();

describe('mergeEvents', () => {
  it('reports the 12 January NATO–Russia Council once, citing 003 and 004, with the earliest report as text', () => {
    const merged = mergeEvents(seedEvents());
    const council = merged.filter((e) => formatIsoDate(e.date) === '2022-01-12');
    expect(council).toHaveLength(1);
    expect(articlesOf(council[0]!)).toEqual(['003', '004']);
    // 003 comes first in input order (both seeds are dated 2021-12; the seeds are given in id order)
    expect(council[0]!.sources[0]!.articleId.startsWith('003')).toBe(true);
    expect(council[0]!.text).toContain("suivies le 12 janvier d'un rendez-vous Otan-Russie");
    expect(council[0]!.status).toBe('planned');
  });

  it('merges the same quotation reported by two articles (000 and 002, Peskov on Thursday)', () => {
    const merged = mergeEvents(seedEvents());
    const peskov = merged.filter((e) => e.text.includes('points de vue'));
    expect(peskov).toHaveLength(1);
    expect(articlesOf(peskov[0]!)).toEqual(['000', '002']);
  });

  it('keeps apart unrelated events of the same day, and events of different dates or precisions', () => {
    const a = makeArticle('a', '2022-01-11', 'Le Parlement a voté le budget de la défense le 10 janvier après un long débat.');
    const b = makeArticle('b', '2022-01-11', 'Un séisme de magnitude 6 a frappé le nord du Japon le 10 janvier sans faire de victimes.');
    const c = makeArticle('c', '2022-01-11', 'Le Parlement a voté le budget de la défense en janvier après un long débat.');
    const merged = mergeEvents([a, b, c].flatMap((x) => extractEvents(x)));
    expect(merged.map((e) => `${formatIsoDate(e.date)} ${e.sources.map((s) => s.articleId).join(',')}`)).toEqual([
      '2022-01 c',
      '2022-01-10 a',
      '2022-01-10 b',
    ]);
  });

  it('merges rewrites of one dispatch, and a later report that the planned event took place makes it done', () => {
    const before = makeArticle('before', '2022-03-01', 'Les ministres de l’Intérieur européens se réuniront le 10 mars à Bruxelles pour discuter des réfugiés ukrainiens.');
    const after = makeArticle('after', '2022-03-11', 'Les ministres européens de l’Intérieur se sont réunis le 10 mars à Bruxelles pour discuter de l’accueil des réfugiés ukrainiens.');
    const merged = mergeEvents([...extractEvents(before), ...extractEvents(after)]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.sources.map((s) => s.articleId)).toEqual(['before', 'after']);
    expect(merged[0]!.text).toContain('se réuniront');
    expect(merged[0]!.status).toBe('done');
  });

  it('cites a source once even when given the same event twice, and sorts by date then text', () => {
    const events = seedEvents();
    const merged = mergeEvents([...events, ...events]);
    for (const e of merged) {
      const keys = e.sources.map((s) => `${s.articleId}:${s.paragraph}:${s.start}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    for (let i = 1; i < merged.length; i++) {
      const order = compareDates(merged[i - 1]!.date, merged[i]!.date);
      expect(order < 0 || (order === 0 && merged[i - 1]!.text <= merged[i]!.text)).toBe(true);
    }
    expect(mergeEvents([])).toEqual([]);
  });
});
