import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/corpus/article.js';
import { parseArticle } from '../../../src/core/corpus/parseArticle.js';
import { parseIsoDate } from '../../../src/core/corpus/partialDate.js';
import { ArticleIndex } from '../../../src/core/search/ArticleIndex.js';
import { parseQuery } from '../../../src/core/search/parseQuery.js';
import { seedIndex } from '../../support/seeds.js';

const index = seedIndex();
const top = (query: string, options = {}) => index.search(parseQuery(query), options).map((h) => h.article.id);
const marked = (query: string) => {
  const hit = index.search(parseQuery(query))[0];
  if (!hit) throw new Error(`no hit for ${query}`);
  const text = hit.article.paragraphs[hit.best.paragraph] ?? '';
  return hit.marks.map((m) => text.slice(m.start, m.end));
};

function article(id: string, date: string, paragraphs: string[]): Article {
  const outcome = parseArticle(id, ` date ${date} ${paragraphs.join('\n\n')}`);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.article;
}

describe('ArticleIndex ranking on the seeds', () => {
  it('puts first the only article that names Geneva, with the word highlighted', () => {
    // Only 003 mentions Genève (the place of the 10 January talks): any other top hit would be noise.
    expect(top('Genève')[0]).toBe('003_6a0b143d3fa07a1a');
    expect(marked('Genève')).toEqual(['Genève']);
  });

  it('finds the NATO–Russia Council meeting in the article that announces it, for its date', () => {
    // 004 is the article where Stoltenberg convenes the Council on 12 January; 003 only mentions a "rendez-vous".
    expect(top('réunion Conseil OTAN-Russie 12 janvier')[0]).toBe('004_46021c46bda9bc41');
  });

  it('finds words typed without accents, in another inflection, or with a typo', () => {
    // Same article as with the accented, exact words: folding, stemming and fuzzy matching must agree.
    expect(top('negociations separees osce')[0]).toBe('004_46021c46bda9bc41');
    expect(top('négocier séparément')[0]).toBe('004_46021c46bda9bc41');
    expect(top('Stoltenbreg')[0]).toBe('004_46021c46bda9bc41');
    expect(top('Pouchilin')).toEqual(['000_a1bf7dc85f2e8757']);
  });

  it('matches a word still being typed as a prefix', () => {
    expect(top('Crim')).toEqual(['002_b0f18a854f7ce6e7']);
  });

  it('completes the last word from what was typed, not from its shorter stem', () => {
    // "décès" stems to "dec", which "décembre" and "décidé" also start with: a finished word must not match those.
    const small = ArticleIndex.of([
      article('deaths', '2022-01-05', ['Trois décès ont été signalés dans la région.']),
      article('december', '2021-12-03', ['Le 3 décembre, le conseil a décidé de reporter le vote.']),
    ]);
    expect(small.search(parseQuery('décès')).map((h) => h.article.id)).toEqual(['deaths']);
    // Unfinished, it still finds the longer word.
    expect(small.search(parseQuery('décem')).map((h) => h.article.id)).toEqual(['december']);
  });

  it('ranks first, for a search, the article whose title says what the query asks', () => {
    // "aside" repeats both words in one short paragraph, which outscores the long opening paragraph of "about"; but
    // the title of "about" names both words: it is the article about them, and a search looks for articles.
    const small = ArticleIndex.of([
      article('aside', '2022-03-01', ['Le budget régional adopté', 'Barrage, Dordogne : le barrage de la Dordogne.']),
      article('about', '2022-03-01', [
        'Un barrage sur la Dordogne sera rénové cette année pour la sécurité des riverains, des pêcheurs et des promeneurs',
        'Les travaux commenceront en mai.',
      ]),
    ]);
    expect(small.search(parseQuery('barrage Dordogne')).map((h) => h.article.id)).toEqual(['about', 'aside']);
    // A question looks for the paragraph that answers it: there, the strongest paragraph decides.
    expect(small.search(parseQuery('barrage Dordogne', { question: true }))[0]?.article.id).toBe('aside');
  });

  it('ranks first, for a search, the article that covers more of the query across its paragraphs', () => {
    // "whole" holds all three words (two paragraphs); "part" repeats two of them in one paragraph. A pasted summary
    // describes a whole article: holding all of it must beat repeating part of it.
    const small = ArticleIndex.of([
      article('part', '2022-03-01', ['Nouvelles', 'Le contrat de gaz, un contrat de gaz signé, encore un contrat de gaz.']),
      article('whole', '2022-03-01', ['Nouvelles', 'Le contrat de gaz est signé.', 'Kiev approuve.']),
    ]);
    expect(small.search(parseQuery('contrat gaz Kiev')).map((h) => h.article.id)).toEqual(['whole', 'part']);
  });

  it('keeps the best article when the commoner words of a question only add to what the rarer ones found', () => {
    // With a budget of one passage, every word after the rarest only scores passages the rarest matched: the right
    // article for each dev question holds its rarest words, so the first hit must not change.
    for (const question of ['Où auront lieu les discussions du 10 janvier ?', 'Qui est Denis Pouchiline ?', 'réunion Conseil OTAN-Russie 12 janvier']) {
      const query = parseQuery(question, { question: true });
      const full = index.search(query, { limit: 1 }).map((h) => h.article.id);
      expect(index.search(query, { limit: 1, candidateBudget: 1 }).map((h) => h.article.id), question).toEqual(full);
      expect(index.searchPage(query, { candidateBudget: 1 }).total).toBeLessThanOrEqual(index.searchPage(query).total);
      // The paragraph that answers may lack the rarest word: passages for an answer are always scored in full.
      const passages = (budget?: number) =>
        index.searchPassages(query, budget ? { candidateBudget: budget } : {}).map((h) => `${h.article.id} ${h.paragraph} ${h.score}`);
      expect(passages(1)).toEqual(passages());
    }
  });

  it('finds elided and hyphenated forms from their parts', () => {
    // "l’OTAN" in the text, "OTAN" in the query; "Maison-Blanche" from "maison blanche".
    expect(top('OTAN').length).toBeGreaterThanOrEqual(4);
    expect(marked('maison blanche').map((w) => w.toLowerCase())).toEqual(expect.arrayContaining(['maison', 'blanche']));
  });

  it('returns nothing for a query that matches nothing meaningful', () => {
    expect(top('recette de la ratatouille')).toEqual([]);
    expect(top('le la les de des')).toEqual([]);
    expect(top('?!…')).toEqual([]);
    // One common word of a long unrelated question is not a match.
    expect(top('recette ratatouille provençale aubergines courgettes Russie')).toEqual([]);
  });

  it('keeps month-dated articles whose month overlaps a date range, and only them', () => {
    const december = parseIsoDate('2021-12-20');
    const january = parseIsoDate('2022-01-05');
    if (!december || !january) throw new Error('bad date');
    const all = top('Russie');
    expect(all).toHaveLength(5);
    expect(top('Russie', { to: december })).toEqual(expect.arrayContaining(['003_6a0b143d3fa07a1a', '004_46021c46bda9bc41']));
    expect(top('Russie', { to: december })).toHaveLength(2);
    expect(top('Russie', { from: january })).toHaveLength(3);
  });
});

describe('ArticleIndex updates', () => {
  it('adds, replaces and removes articles, and searches see it at once', () => {
    const local = ArticleIndex.of([article('a', '2022-02-01', ['Une usine de vélos ouvre à Lyon.'])]);
    const q = parseQuery('vélos Lyon');
    expect(local.search(q).map((h) => h.article.id)).toEqual(['a']);
    local.add(article('a', '2022-02-01', ['Une usine de trottinettes ouvre à Lille.']));
    expect(local.search(q)).toEqual([]);
    expect(local.search(parseQuery('trottinettes')).map((h) => h.article.id)).toEqual(['a']);
    expect(local.remove('a')).toBe(true);
    expect(local.size).toBe(0);
    expect(local.search(parseQuery('trottinettes'))).toEqual([]);
  });

  it('suggests articles by title as the user types, and by id', () => {
    const suggestions = index.suggest('pourparler', 25).map((a) => a.id);
    expect(suggestions[0]).toBe('003_6a0b143d3fa07a1a');
    expect(index.suggest('003_6a0b', 25)[0]?.id).toBe('003_6a0b143d3fa07a1a');
    expect(index.suggest('', 3)).toHaveLength(3);
  });
});
