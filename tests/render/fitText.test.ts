import { describe, expect, it } from 'vitest';
import { fitMarked } from '../../src/render/fitMarked.js';
import { fitText } from '../../src/render/fitText.js';

describe('fitText', () => {
  it('returns text that fits unchanged', () => {
    expect(fitText('Court.', 10)).toBe('Court.');
  });

  it('cuts at a paragraph break first, then a sentence end, then a word, always with an ellipsis', () => {
    const paragraphs = `${'Un premier paragraphe assez long. '.repeat(3).trim()}\n\nUn second paragraphe.`;
    expect(fitText(paragraphs, 110)).toBe(`${'Un premier paragraphe assez long. '.repeat(3).trim()}\n\n…`);
    expect(fitText('La première phrase est ici. La seconde phrase est bien plus longue que la place.', 50)).toBe('La première phrase est ici. …');
    expect(fitText('unmotlong deuxmot troisièmemot quatrièmemot', 30)).toBe('unmotlong deuxmot…');
  });

  it('never exceeds the limit and never cuts a word silently', () => {
    const text = 'Les Etats-Unis et la Russie ont annoncé, mardi 28 décembre, s’être entendus sur la tenue le 10 janvier de pourparlers.';
    for (let max = 5; max < text.length; max += 7) {
      const fitted = fitText(text, max);
      expect(fitted.length).toBeLessThanOrEqual(max);
      expect(fitted.endsWith('…')).toBe(true);
      const kept = fitted.replace(/\s*…$/u, '');
      // Whatever is kept is whole words of the original.
      if (kept.length > 0 && max > 15) expect(text.startsWith(kept) && /[\s,.]/u.test(text.charAt(kept.length) || ' ')).toBe(true);
    }
  });

  it('cuts inside a single word only when that word alone is longer than the limit', () => {
    expect(fitText('anticonstitutionnellement', 10)).toBe('anticonst…');
  });
});

describe('fitMarked', () => {
  it('clips highlights to the text that remains', () => {
    const text = 'Genève accueille les pourparlers entre Washington et Moscou le 10 janvier.';
    const fitted = fitMarked({ text, marks: [{ start: 0, end: 6 }, { start: 39, end: 49 }, { start: 53, end: 59 }] }, 52);
    expect(fitted.text.length).toBeLessThanOrEqual(52);
    for (const mark of fitted.marks) expect(mark.end).toBeLessThanOrEqual(fitted.text.replace(/\s*…$/u, '').length);
    expect(fitted.marks[0]).toEqual({ start: 0, end: 6 });
  });
});
