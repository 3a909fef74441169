import { describe, expect, it } from 'vitest';
import { isCaption } from '../../../src/core/corpus/isCaption.js';
import { compareDates } from '../../../src/core/corpus/partialDate.js';
import { summariseArticles } from '../../../src/core/summarise/summariseArticles.js';
import { article, loadSeeds, nearDuplicates } from './summaryFixtures.js';

describe('summariseArticles on the five sample articles', () => {
  const seeds = loadSeeds();
  const byId = new Map(seeds.map((a) => [a.id, a]));

  it('quotes at most 4 sentences, 2 per article, each cited and verbatim, none a caption', () => {
    const summary = summariseArticles(seeds);
    expect(summary.length).toBeGreaterThanOrEqual(2);
    expect(summary.length).toBeLessThanOrEqual(4);
    const perArticle = new Map<string, number>();
    for (const s of summary) {
      const a = byId.get(s.articleId);
      expect(a, `cites an article of the set: ${s.articleId}`).toBeDefined();
      expect(a!.paragraphs[s.paragraph]?.slice(s.start, s.end)).toBe(s.text);
      expect(isCaption(s.text)).toBe(false);
      perArticle.set(s.articleId, (perArticle.get(s.articleId) ?? 0) + 1);
    }
    expect(Math.max(...perArticle.values())).toBeLessThanOrEqual(2);
  });

  it('never says the same thing twice across articles', () => {
    for (const max of [4, 8]) {
      const summary = summariseArticles(seeds, { maxSentences: max, perArticle: 3 });
      for (let i = 0; i < summary.length; i++) {
        for (let j = i + 1; j < summary.length; j++) {
          expect(nearDuplicates(summary[i]!.text, summary[j]!.text), `${summary[i]!.text}\n${summary[j]!.text}`).toBe(false);
        }
      }
    }
  });

  it('orders sentences by article date, then document order', () => {
    const summary = summariseArticles(seeds, { maxSentences: 8, perArticle: 3 });
    for (let i = 1; i < summary.length; i++) {
      const [prev, next] = [summary[i - 1]!, summary[i]!];
      const byDate = compareDates(byId.get(prev.articleId)!.date, byId.get(next.articleId)!.date);
      expect(byDate).toBeLessThanOrEqual(0);
      if (prev.articleId === next.articleId) {
        expect(prev.paragraph < next.paragraph || (prev.paragraph === next.paragraph && prev.end <= next.start)).toBe(true);
      }
    }
  });

  it('is deterministic and ignores an article given twice', () => {
    expect(summariseArticles(seeds)).toEqual(summariseArticles(seeds));
    expect(summariseArticles([...seeds, ...seeds])).toEqual(summariseArticles(seeds));
  });
});

describe('summariseArticles rules on made-up articles', () => {
  const wire =
    'Le gouvernement a annoncé mercredi une hausse de 12 % du tarif réglementé du gaz à partir du 1er février pour les particuliers.';
  const gas = article(
    'gas',
    [
      'Le prix du gaz va encore augmenter',
      wire,
      'Cette hausse suit celle de janvier, déjà de 8 %, et pèsera sur le budget des ménages qui se chauffent au gaz.',
      'Les associations de consommateurs demandent un bouclier tarifaire plus large pour les foyers modestes.',
      'Le ministre de l’Économie promet un chèque énergie exceptionnel pour six millions de foyers cet hiver.',
    ],
    '2022-01-12',
  );
  const gasAgain = article(
    'gas-again',
    [
      'Gaz : nouvelle hausse des tarifs en février',
      wire,
      'Les fournisseurs alternatifs répercuteront eux aussi la flambée des cours du marché européen du gaz.',
      'Selon la Commission de régulation de l’énergie, les prix de gros ont triplé en un an sur le marché européen.',
    ],
    '2022-01-13',
  );
  const election = article(
    'election',
    [
      'Présidentielle : les candidats déposent leurs parrainages',
      'Les candidats à l’élection présidentielle ont jusqu’au 4 mars pour déposer les 500 parrainages d’élus exigés.',
      'Plusieurs candidats affirment avoir du mal à convaincre les maires de leur accorder leur signature.',
      'Le Conseil constitutionnel publiera la liste officielle des candidats le 7 mars prochain.',
    ],
    '2022-01-10',
  );

  it('quotes news reported by two articles once, even when there is room for every sentence', () => {
    const summary = summariseArticles([gas, gasAgain], { maxSentences: 10, perArticle: 10 });
    expect(summary.length).toBeGreaterThan(4);
    expect(summary.filter((s) => s.text === wire)).toHaveLength(1);
  });

  it('favours the sentences that answer the query', () => {
    const set = [gas, election];
    const onGas = summariseArticles(set, { maxSentences: 1, query: 'prix du gaz' });
    const onElection = summariseArticles(set, { maxSentences: 1, query: 'parrainages des candidats' });
    expect(onGas.map((s) => s.articleId)).toEqual(['gas']);
    expect(onElection.map((s) => s.articleId)).toEqual(['election']);
  });

  it('keeps to perArticle and orders by date whatever the input order', () => {
    const summary = summariseArticles([gasAgain, gas, election], { maxSentences: 6, perArticle: 1 });
    const ids = summary.map((s) => s.articleId);
    expect(new Set(ids).size).toBe(ids.length);
    // election (10 January) < gas (12 January) < gas-again (13 January), as far as each is present
    const order = ['election', 'gas', 'gas-again'].filter((id) => ids.includes(id));
    expect(ids).toEqual(order);
    expect(ids.length).toBeGreaterThanOrEqual(2);
  });

  it('returns nothing for no articles', () => {
    expect(summariseArticles([])).toEqual([]);
  });
});
