import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/corpus/article.js';
import { parseArticle } from '../../../src/core/corpus/parseArticle.js';
import type { ArticleIndex, PassageHit } from '../../../src/core/search/ArticleIndex.js';
import { ArticleIndex as Index } from '../../../src/core/search/ArticleIndex.js';
import { parseQuery } from '../../../src/core/search/parseQuery.js';
import { prefixRange } from '../../../src/core/search/sortedTerms.js';
import { runSteps, sortStringsSteps } from '../../../src/core/search/steps.js';
import { TermIndex, TermIndexBuilder } from '../../../src/core/search/TermIndex.js';
import { TopK } from '../../../src/core/search/TopK.js';
import devset from '../../fixtures/devset.json' with { type: 'json' };
import { loadSeeds } from '../../support/seeds.js';

const seeds = loadSeeds();
/** Queries of every kind the bot sees: words, typos, prefixes, questions, dates, nothing. */
const QUERIES = [
  ...devset.questions.map((q) => q.question),
  'Genève',
  'Crim',
  'Stoltenbreg',
  'negociations separees osce',
  'OTAN',
  'Russie',
  'maison blanche',
  'pourparler',
  'sanctions économiques Russie Ukraine',
  'Poutine Biden',
  'recette ratatouille',
  '10 janvier',
];

/** Everything a caller can observe of a passage hit. */
const passageView = (h: PassageHit) => ({
  id: h.article.id,
  paragraph: h.paragraph,
  score: h.score,
  coverage: h.coverage,
  matched: [...h.matchedTerms].sort(),
});
const articleView = (index: ArticleIndex, query: string, options = {}) =>
  index.search(parseQuery(query), options).map((h) => ({
    id: h.article.id,
    score: h.score,
    best: passageView(h.best),
    marks: h.marks,
    passages: h.passages.map(passageView),
  }));

function article(id: string, date: string, paragraphs: string[]): Article {
  const outcome = parseArticle(id, ` date ${date} ${paragraphs.join('\n\n')}`);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.article;
}

describe('top-k ranking', () => {
  const index = Index.of(seeds);

  it('returns exactly the first k of the full ranking, for passages and for articles', () => {
    // A heap must not change the order: a page or the 12 passages /ask reads are the head of the full list.
    for (const text of QUERIES) {
      for (const question of [false, true]) {
        const query = parseQuery(text, { question });
        const passages = index.searchPassages(query).map(passageView);
        const articles = index.search(query).map((h) => [h.article.id, h.score]);
        for (const k of [0, 1, 3, 12]) {
          expect(index.searchPassages(query, { limit: k }).map(passageView), `${text} top ${k}`).toEqual(passages.slice(0, k));
          expect(
            index.search(query, { limit: k }).map((h) => [h.article.id, h.score]),
            `${text} top ${k}`,
          ).toEqual(articles.slice(0, k));
        }
      }
    }
  });

  it('pages through the same ranking, with the total count of matches', () => {
    // /search shows five hits and "N articles": the page must be the slice of the full ranking, N its length.
    for (const text of QUERIES) {
      const query = parseQuery(text);
      const articles = index.search(query).map((h) => [h.article.id, h.score]);
      const passages = index.searchPassages(query).map(passageView);
      for (const offset of [0, 2, 5, 50]) {
        const page = index.searchPage(query, { offset, limit: 2 });
        expect(page.total, text).toBe(articles.length);
        expect(page.hits.map((h) => [h.article.id, h.score]), `${text} from ${offset}`).toEqual(articles.slice(offset, offset + 2));
        const passagePage = index.searchPassagesPage(query, { offset, limit: 3 });
        expect(passagePage.total, text).toBe(passages.length);
        expect(passagePage.hits.map(passageView), `${text} from ${offset}`).toEqual(passages.slice(offset, offset + 3));
      }
    }
  });

  it('ranks passages by score, then by position, and articles by score', () => {
    for (const text of QUERIES) {
      const passages = index.searchPassages(parseQuery(text));
      for (let i = 1; i < passages.length; i++) expect((passages[i - 1] as PassageHit).score).toBeGreaterThanOrEqual((passages[i] as PassageHit).score);
      const articles = index.search(parseQuery(text));
      for (let i = 1; i < articles.length; i++) expect(articles[i - 1]?.score).toBeGreaterThanOrEqual(articles[i]?.score ?? 0);
      // An article's best passage is the first of its passages.
      for (const hit of articles) expect(passageView(hit.passages[0] as PassageHit)).toEqual(passageView(hit.best));
    }
  });

  it('keeps the best k of a stream under any total order', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i * 7919) % 101);
    const order = (a: number, b: number): number => (values[b] as number) - (values[a] as number) || a - b;
    const all = values.map((_, i) => i).sort(order);
    for (const k of [1, 5, 50, 200, 300]) {
      const top = new TopK(k, order);
      values.forEach((_, i) => top.push(i));
      expect(top.sorted()).toEqual(all.slice(0, k));
    }
  });
});

describe('index life cycle', () => {
  it('gives the same results when built at once, asynchronously, article by article, or restored', async () => {
    // Four ways to the same index: bulk (compacted), async bulk, incremental (recent postings), and a snapshot's data.
    const bulk = Index.of(seeds);
    let pauses = 0;
    const built = await Index.build(seeds, { yieldToEventLoop: async () => void pauses++, yieldEvery: 1 });
    const incremental = Index.of([]);
    for (const a of seeds) incremental.add(a);
    const restored = Index.fromData(bulk.toData());
    expect(pauses).toBeGreaterThan(seeds.length);
    for (const text of QUERIES) {
      const expected = articleView(bulk, text);
      expect(articleView(built, text), text).toEqual(expected);
      expect(articleView(incremental, text), text).toEqual(expected);
      expect(articleView(restored, text), text).toEqual(expected);
      expect(restored.idf(parseQuery(text).terms[0]?.term ?? 'x')).toBe(bulk.idf(parseQuery(text).terms[0]?.term ?? 'x'));
    }
    expect(restored.suggest('pourparler', 5).map((a) => a.id)).toEqual(bulk.suggest('pourparler', 5).map((a) => a.id));
    expect(restored.suggest('', 3).map((a) => a.id)).toEqual(bulk.suggest('', 3).map((a) => a.id));
  });

  it('forgets removed and replaced articles everywhere: hits, idf, titles, snapshot data and compaction', async () => {
    const extra = article('zz_velo', '2022-02-01', ['Une usine de vélos ouvre à Lyon.', 'Les vélos électriques se vendent bien.']);
    const index = Index.of([...seeds, extra]);
    const velo = parseQuery('vélos').terms[0]?.term ?? '';
    const before = index.idf(velo);
    expect(index.search(parseQuery('vélos Lyon')).map((h) => h.article.id)).toEqual(['zz_velo']);
    index.add(article('zz_velo', '2022-02-01', ['Une usine de trottinettes ouvre à Lille.']));
    expect(index.search(parseQuery('vélos Lyon'))).toEqual([]);
    // The word left the archive: it becomes the rarest thing a query can ask for.
    expect(index.idf(velo)).toBeGreaterThan(before);
    expect(index.suggest('trottinettes', 5).map((a) => a.id)).toEqual(['zz_velo']);
    expect(index.remove('zz_velo')).toBe(true);
    expect(index.remove('zz_velo')).toBe(false);
    expect(index.size).toBe(seeds.length);
    expect(index.search(parseQuery('trottinettes'))).toEqual([]);
    expect(index.suggest('trottinettes', 5)).toEqual([]);
    // The snapshot's data and a compacted index hold only what is left, with the seeds' results unchanged.
    const expected = articleView(Index.of(seeds), 'Genève pourparlers');
    expect(articleView(Index.fromData(index.toData()), 'Genève pourparlers')).toEqual(expected);
    await index.compact(async () => {});
    expect(articleView(index, 'Genève pourparlers')).toEqual(expected);
    expect([...index.all()].map((a) => a.id).sort()).toEqual(seeds.map((a) => a.id).sort());
  });

  it('keeps the last of several articles with the same id, as adding them in turn would', () => {
    const first = article('dup', '2022-01-01', ['Les éoliennes de la mer du Nord.']);
    const second = article('dup', '2022-01-02', ['Les panneaux solaires du désert.']);
    const index = Index.of([first, second]);
    expect(index.size).toBe(1);
    expect(index.get('dup')).toBe(second);
    expect(index.search(parseQuery('éoliennes'))).toEqual([]);
    expect(index.search(parseQuery('panneaux solaires')).map((h) => h.article.id)).toEqual(['dup']);
  });
});

describe('autocomplete', () => {
  it('keeps the most recent articles, the id prefixes and the titles up to date as articles come and go', () => {
    // The empty field is answered from a kept list: it must follow additions and removals.
    const index = Index.of(seeds);
    const before = index.suggest('', 3).map((a) => a.id);
    index.add(article('zz_new', '2030-01-01', ['Une éolienne géante inaugurée en mer du Nord.']));
    expect(index.suggest('', 3).map((a) => a.id)).toEqual(['zz_new', ...before.slice(0, 2)]);
    expect(index.suggest('zz_n', 5).map((a) => a.id)).toEqual(['zz_new']);
    expect(index.suggest('éolienne géan', 5).map((a) => a.id)).toEqual(['zz_new']);
    index.remove('zz_new');
    expect(index.suggest('', 3).map((a) => a.id)).toEqual(before);
    expect(index.suggest('zz_n', 5)).toEqual([]);
  });
});

describe('vocabulary', () => {
  const words = [...new Set(seeds.flatMap((a) => a.paragraphs.join(' ').toLowerCase().split(/[^\p{L}]+/u)).filter(Boolean))].sort();

  /** Plain Levenshtein distance: the reference the index's radix-tree walk must agree with. */
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next[j] = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      row = next;
    }
    return row[b.length] as number;
  };

  /** Half the words compacted (built in bulk), the other half added afterwards: both parts must be found. */
  const termIndex = (() => {
    const builder = new TermIndexBuilder();
    const half = Math.floor(words.length / 2);
    words.slice(0, half).forEach((w, doc) => builder.addDocument(doc, new Map([[w, 1]])));
    const index = TermIndex.from(runSteps(builder.finishSteps()));
    words.slice(half).forEach((w, i) => index.addDocument(half + i, new Map([[w, 1]])));
    return index;
  })();

  it('finds exactly the terms within the edit distance, compacted or recent, like a brute-force scan', () => {
    for (const query of ['stoltenbreg', 'negociation', 'otan', 'genve', 'xyz', 'ukrainiens']) {
      for (const max of [1, 2]) {
        const found = new Map(termIndex.fuzzy(query, max).map((f) => [f.ref.term, f.distance] as const));
        const expected = new Map(words.map((w) => [w, distance(query, w)] as const).filter(([, d]) => d >= 1 && d <= max));
        expect(found, `${query} ≤ ${max}`).toEqual(expected);
      }
    }
  });

  it('finds the completions of a prefix, and forgets the terms of removed documents', () => {
    const completions = (prefix: string): string[] => termIndex.completions(prefix).map((r) => r.term).sort();
    expect(completions('russ')).toEqual(words.filter((w) => w.startsWith('russ') && w !== 'russ'));
    expect(completions('russ').length).toBeGreaterThan(1);
    const last = words.length - 1;
    const word = words[last] as string;
    expect(termIndex.ref(word)).toBeDefined();
    termIndex.removeDocument(last, [word]);
    expect(termIndex.ref(word)).toBeUndefined();
    expect(termIndex.documentFrequency(word)).toBe(0);
    termIndex.addDocument(last + 1, new Map([[word, 2]]));
    expect(termIndex.documentFrequency(word)).toBe(1);
  });

  it('keeps every live term and posting through a compaction', () => {
    const before = words.map((w) => termIndex.documentFrequency(w));
    runSteps(termIndex.compactSteps());
    expect(termIndex.recentPostings).toBe(0);
    expect(words.map((w) => termIndex.documentFrequency(w))).toEqual(before);
    expect(termIndex.fuzzy('genve', 1).map((f) => f.ref.term)).toContain('genève');
  });

  it('finds the strings that start with a prefix as one range of a sorted array', () => {
    const [start, end] = prefixRange(words, 'russ');
    expect(words.slice(start, end)).toEqual(words.filter((w) => w.startsWith('russ')));
    expect(words.slice(start, end).length).toBeGreaterThan(1);
  });

  it('sorts with pauses exactly as the native sort does', () => {
    const shuffled = [...words].reverse();
    expect(runSteps(sortStringsSteps(shuffled, 7))).toEqual([...words].sort());
  });
});
