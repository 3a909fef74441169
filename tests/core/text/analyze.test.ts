import { describe, expect, it } from 'vitest';
import { analyze, analyzeTerms, normaliseWord } from '../../../src/core/text/analyze.js';
import { foldAccents } from '../../../src/core/text/foldAccents.js';
import { tokenize } from '../../../src/core/text/tokenize.js';

describe('tokenize', () => {
  it('strips elided particles whatever the apostrophe, keeping offsets on the word itself', () => {
    for (const apostrophe of ["'", '’', 'ʼ', '‘', '´']) {
      const text = `l${apostrophe}OTAN`;
      expect(tokenize(text)).toEqual([{ text: 'OTAN', start: 2, end: 6 }]);
    }
    expect(tokenize('jusqu’au 9 janvier').map((t) => t.text)).toEqual(['au', '9', 'janvier']);
    expect(tokenize("qu'il d'armes lorsqu'elle").map((t) => t.text)).toEqual(['il', 'armes', 'elle']);
  });

  it('keeps a word with an inner apostrophe that is not an elision as one word', () => {
    expect(tokenize("aujourd'hui").map((t) => t.text)).toEqual(['aujourdhui']);
  });

  it('splits hyphenated names and inverted verbs into words', () => {
    expect(tokenize('la Maison-Blanche a-t-elle').map((t) => t.text)).toEqual(['la', 'Maison', 'Blanche', 'a', 't', 'elle']);
  });

  it('joins numbers written with spaces, no-break spaces, narrow no-break spaces or dots as thousands separators', () => {
    for (const sep of [' ', '\u00A0', '\u202F', '.']) {
      const [token] = tokenize(`100${sep}000 soldats`);
      expect(token).toEqual({ text: '100000', start: 0, end: 7 });
    }
    expect(tokenize('8,5 millions').map((t) => t.text)).toEqual(['8,5', 'millions']);
  });

  it('does not glue a year to the number that follows it', () => {
    expect(tokenize('en 2014 100 000 soldats').map((t) => t.text)).toEqual(['en', '2014', '100000', 'soldats']);
  });
});

describe('analyze', () => {
  it('folds accents before stemming, so text typed without accents finds accented words', () => {
    expect(analyzeTerms('sécurité')).toEqual(analyzeTerms('securite'));
    expect(analyzeTerms('Négociations séparées')).toEqual(analyzeTerms('negociations separees'));
    expect(foldAccents('Cœur ÉTÉ')).toBe('coeur ete');
  });

  it('gives inflected forms one term', () => {
    expect(analyzeTerms('négociations')).toEqual(analyzeTerms('négocier'));
    expect(analyzeTerms('russes')).toEqual(analyzeTerms('Russie'));
    expect(analyzeTerms('OTAN')).toEqual(analyzeTerms('Otan'));
  });

  it('drops French stopwords but keeps content words that small lists keep and big lists drop', () => {
    expect(analyzeTerms('le la les de des du et est')).toEqual([]);
    expect(analyzeTerms('premier deux contre depuis avant après près')).toHaveLength(7);
  });

  it('drops question glue words only for questions', () => {
    const question = 'Où auront lieu les discussions ?';
    expect(analyzeTerms(question)).toContain(normaliseWord('lieu'));
    expect(analyzeTerms(question, { question: true })).not.toContain(normaliseWord('lieu'));
    expect(analyzeTerms(question, { question: true })).toEqual(analyzeTerms('discussions'));
  });

  it('reports where each term is in the original text, for highlighting', () => {
    const text = 'Les pourparlers de l’OTAN à Genève';
    for (const { start, end } of analyze(text)) expect(text.slice(start, end)).toMatch(/^[\p{L}]+$/u);
    expect(analyze(text).map((t) => text.slice(t.start, t.end))).toEqual(['pourparlers', 'OTAN', 'Genève']);
  });

  it('normalises decomposed accents (NFD input) like composed ones', () => {
    expect(analyzeTerms('Gene\u0300ve')).toEqual(analyzeTerms('Genève'));
  });
});
