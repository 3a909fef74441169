import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/corpus/article.js';
import { parseArticle } from '../../../src/core/corpus/parseArticle.js';
import type { ParseOutcome } from '../../../src/core/corpus/parseArticle.js';

const SEEDS = fileURLToPath(new URL('../../../seeds/', import.meta.url));
const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

function article(outcome: ParseOutcome): Article {
  if (!outcome.ok) throw new Error(`expected an article, got: ${outcome.reason}`);
  return outcome.article;
}

function reason(outcome: ParseOutcome): string {
  if (outcome.ok) throw new Error('expected a failure');
  return outcome.reason;
}

describe('parseArticle on the sample articles', () => {
  // Paragraph counts read off the files: blank-line separated blocks, the date line's text being the first.
  const expected: Record<string, { date: string; paragraphs: number }> = {
    '000_a1bf7dc85f2e8757': { date: '2022-01', paragraphs: 10 },
    '001_4b491670c21645f9': { date: '2022-01', paragraphs: 14 },
    '002_b0f18a854f7ce6e7': { date: '2022-01', paragraphs: 14 },
    '003_6a0b143d3fa07a1a': { date: '2021-12', paragraphs: 8 },
    '004_46021c46bda9bc41': { date: '2021-12', paragraphs: 13 },
  };

  it('finds the five seeds', () => {
    expect(seedFiles.map((f) => f.replace(/\.txt$/u, ''))).toEqual(Object.keys(expected));
  });

  it.each(seedFiles)('%s: id, month-precision date, paragraphs, title', (file) => {
    const id = file.replace(/\.txt$/u, '');
    const text = readFileSync(SEEDS + file, 'utf8');
    const a = article(parseArticle(id, text));
    const [year, month] = expected[id]!.date.split('-').map(Number);
    expect(a.id).toBe(id);
    expect(a.date).toEqual({ year, month, precision: 'month' });
    expect(a.paragraphs).toHaveLength(expected[id]!.paragraphs);
    expect(a.paragraphs.every((p) => p === p.trim() && p !== '' && !p.includes('\n'))).toBe(true);
    // the first paragraph is the date line's text, without the date
    expect(a.paragraphs[0]).not.toMatch(/^\s*date/iu);
    expect(text).toContain(a.paragraphs[0]!);
    expect(a.title.length).toBeGreaterThan(0);
    expect(a.title.length).toBeLessThanOrEqual(120);
  });

  it.each(seedFiles)('%s: BOM, CRLF and CR variants give the identical article', (file) => {
    const id = file.replace(/\.txt$/u, '');
    const text = readFileSync(SEEDS + file, 'utf8');
    const reference = article(parseArticle(id, text));
    const lf = text.replace(/\r\n?/gu, '\n');
    const crlf = lf.replace(/\n/gu, '\r\n');
    for (const variant of [`\uFEFF${text}`, crlf, lf.replace(/\n/gu, '\r'), `\uFEFF${crlf}`]) {
      expect(article(parseArticle(id, variant))).toEqual(reference);
    }
  });
});

describe('parseArticle format', () => {
  it('accepts leading whitespace, any case of "date", and a day-precision date', () => {
    const a = article(parseArticle('x', '\t  DATE 2022-01-28 Un titre de test\n\nUn paragraphe.'));
    expect(a.date).toEqual({ year: 2022, month: 1, day: 28, precision: 'day' });
    expect(a.paragraphs).toEqual(['Un titre de test', 'Un paragraphe.']);
  });

  it('accepts a date line with no text, the first paragraph on the next lines', () => {
    const a = article(parseArticle('x', ' date 2022-01\nPremier paragraphe.\n\nSecond.'));
    expect(a.paragraphs).toEqual(['Premier paragraphe.', 'Second.']);
  });

  it('joins a hard-wrapped paragraph and collapses spaces and tabs, keeping no-break spaces', () => {
    const text =
      ' date 2022-01 Un titre\n\n\n' +
      'Une phrase coupée   en\n  plusieurs\tlignes\t\tpar un éditeur.\n' +
      '\n \t \n' +
      'Environ 100\u00a0000 soldats\u202f; l’OTAN et l\'Otan.\n\n\n\n';
    const a = article(parseArticle('x', text));
    expect(a.paragraphs).toEqual([
      'Un titre',
      'Une phrase coupée en plusieurs lignes par un éditeur.',
      'Environ 100\u00a0000 soldats\u202f; l’OTAN et l\'Otan.',
    ]);
  });

  it('normalises to NFC, so that decomposed accents compare equal', () => {
    const decomposed = ' date 2022-01 Se\u0301curite\u0301 europe\u0301enne';
    const a = article(parseArticle('x', decomposed));
    expect(a.paragraphs[0]).toBe('Sécurité européenne');
    expect(a.paragraphs[0]).toBe('Sécurité européenne'.normalize('NFC'));
  });

  it('falls back to the id as title when the article has no prose', () => {
    const a = article(parseArticle('003_abc', ' date 2022-01 (Photo AFP)\n\n© Reuters'));
    expect(a.title).toBe('003_abc');
  });
});

describe('parseArticle failures', () => {
  it('says the file is empty', () => {
    expect(reason(parseArticle('x', ''))).toBe('empty file');
    expect(reason(parseArticle('x', '\uFEFF \r\n\t\n'))).toBe('empty file');
  });

  it('says the date line is missing', () => {
    const expected = "missing date line (expected ' date YYYY-MM[-DD] …' on the first line)";
    expect(reason(parseArticle('x', 'Moscou veut la fin de l’élargissement de l’Otan\n\nTexte.'))).toBe(expected);
    expect(reason(parseArticle('x', 'dated 2022-01 Texte'))).toBe(expected);
    expect(reason(parseArticle('x', 'date'))).toBe(expected);
  });

  it('names a malformed date', () => {
    expect(reason(parseArticle('x', ' date 2022-13 Texte'))).toBe("malformed date '2022-13'");
    expect(reason(parseArticle('x', ' date 2022-02-30 Texte'))).toBe("malformed date '2022-02-30'");
    expect(reason(parseArticle('x', ' date 2022/01 Texte'))).toBe(
      "malformed date '2022/01' (expected YYYY-MM or YYYY-MM-DD)",
    );
  });

  it('says there is no text after the date', () => {
    expect(reason(parseArticle('x', ' date 2022-01'))).toBe('no text after the date');
    expect(reason(parseArticle('x', ' date 2022-01   \r\n\r\n  \r\n'))).toBe('no text after the date');
  });
});
