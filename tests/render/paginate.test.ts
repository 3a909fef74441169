import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/render/paginate.js';

describe('paginate', () => {
  it('keeps paragraphs whole and in order, each page within the budget', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraphe ${i}. ${'Du texte. '.repeat(20)}`);
    const pages = paginate(paragraphs, 700);
    expect(pages.flat().map((p) => p.paragraph)).toEqual(paragraphs.map((_, i) => i));
    for (const page of pages) expect(page.reduce((n, p) => n + p.text.length + 2, 0)).toBeLessThanOrEqual(700);
    expect(pages.flat().map((p) => p.text)).toEqual(paragraphs);
  });

  it('splits a paragraph longer than a page at sentence ends, losing no text', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Phrase numéro ${i} du très long paragraphe.`).join(' ');
    const pages = paginate(['Court.', long], 500);
    expect(pages.length).toBeGreaterThan(3);
    const pieces = pages.flat().filter((p) => p.paragraph === 1);
    expect(pieces.map((p) => p.text).join(' ')).toBe(long);
    for (const piece of pieces) expect(piece.text).toMatch(/^Phrase numéro \d+.*\.$/u);
  });

  it('is deterministic, so a page number in a button finds the same page later', () => {
    const paragraphs = ['Un.', 'Deux.', 'Trois.'.repeat(300)];
    expect(paginate(paragraphs, 400)).toEqual(paginate(paragraphs, 400));
  });
});
