import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/corpus/article.js';
import { deriveTitle, MAX_TITLE_LENGTH } from '../../../src/core/corpus/deriveTitle.js';
import { isCaption } from '../../../src/core/corpus/isCaption.js';
import { parseArticle } from '../../../src/core/corpus/parseArticle.js';
import { splitSentences } from '../../../src/core/text/splitSentences.js';

const SEEDS = fileURLToPath(new URL('../../../seeds/', import.meta.url));

function seeds(): Article[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const outcome = parseArticle(f.replace(/\.txt$/u, ''), readFileSync(SEEDS + f, 'utf8'));
      if (!outcome.ok) throw new Error(outcome.reason);
      return outcome.article;
    });
}

/**
 * A title is never cut inside a word: without its "…" and closing quote marks, it is a run of the article's own
 * words (or a headline), and the character after it in the text is not a letter or digit.
 */
function expectCutAtWordBoundary(title: string, paragraphs: readonly string[]): void {
  const core = title.replace(/…(?:\s?[»"])?$/u, '').trimEnd();
  const text = paragraphs.join('\n');
  const at = text.indexOf(core);
  expect(at, `"${core}" is not a run of the article's words`).toBeGreaterThanOrEqual(0);
  const next = text[at + core.length];
  if (next !== undefined) expect(next).not.toMatch(/[\p{L}\p{N}]/u);
}

function expectReadable(title: string, paragraphs: readonly string[]): void {
  expect(title.length).toBeGreaterThan(0);
  expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  expect(isCaption(title)).toBe(false);
  expect(title).not.toMatch(/\.$/u);
  expect(title).toBe(title.trim());
  expectCutAtWordBoundary(title, paragraphs);
}

describe('deriveTitle on the sample articles', () => {
  const articles = seeds();

  it.each(articles.map((a) => [a.id, a] as const))('%s: short, not a caption, not cut mid-word', (_, a) => {
    const title = deriveTitle(a.paragraphs);
    expectReadable(title, a.paragraphs);
    // The title is a headline, not the body's first sentence repeated word for word (with or without its stop).
    const body = a.paragraphs.filter((p) => !isCaption(p) && /[.!?»"]$/u.test(p));
    const firstBodySentence = splitSentences(body[0] ?? '')[0]?.text ?? '';
    expect(firstBodySentence).not.toBe('');
    expect(title).not.toBe(firstBodySentence);
    expect(title).not.toBe(firstBodySentence.replace(/\.$/u, ''));
  });

  it('uses a headline-like first paragraph as is (000, 003)', () => {
    const byId = new Map(articles.map((a) => [a.id.slice(0, 3), a]));
    for (const id of ['000', '003']) {
      const a = byId.get(id)!;
      expect(deriveTitle(a.paragraphs)).toBe(a.paragraphs[0]);
    }
  });

  it('skips the photo caption that opens 001', () => {
    const a = articles.find((x) => x.id.startsWith('001'))!;
    const title = deriveTitle(a.paragraphs);
    expect(title).not.toContain('Getty');
    expect(title).toMatch(/^Le président Vladimir Poutine a déclaré/u);
  });

  it('skips the quotation of 002 whose speaker is only "il"', () => {
    const a = articles.find((x) => x.id.startsWith('002'))!;
    const title = deriveTitle(a.paragraphs);
    expect(title).not.toContain('Nous sommes ouverts');
    expect(title).toMatch(/^La réaction du Kremlin/u);
  });

  it('compresses the lede of 004 to its main clause, not the sentence repeated', () => {
    const a = articles.find((x) => x.id.startsWith('004'))!;
    expect(deriveTitle(a.paragraphs)).toBe('La Russie a nié avoir l’intention d’attaquer son voisin');
  });
});

describe('deriveTitle rules', () => {
  it('keeps a short headline without a final full stop', () => {
    expect(deriveTitle(['Le gouvernement recule sur la réforme des retraites', 'Le Premier ministre a annoncé…'])).toBe(
      'Le gouvernement recule sur la réforme des retraites',
    );
  });

  it('does not take a dateline or a rubric for a headline', () => {
    const lede = 'Ferrari a présenté officiellement son modèle Roma à Singapour et à Shanghai.';
    for (const dateline of ['25 juin', 'Lundi 25 juin 2020', 'SONDAGE']) {
      expect(deriveTitle([dateline, lede])).toBe(lede.replace(/\.$/u, ''));
    }
  });

  it('never uses a caption, even when it comes first', () => {
    const title = deriveTitle([
      '(UKRAINIAN BOARD GUARD PRESS OFF / AP)',
      'Le président ukrainien a reçu jeudi les ministres européens à Kiev.',
    ]);
    expect(title).toBe('Le président ukrainien a reçu jeudi les ministres européens à Kiev');
  });

  it('drops a trailing attribution and a leading "Selon X,"', () => {
    expect(
      deriveTitle(['Le Premier ministre démissionnera la semaine prochaine, a annoncé jeudi son porte-parole.']),
    ).toBe('Le Premier ministre démissionnera la semaine prochaine');
    expect(deriveTitle(['Selon Le Parisien, la ministre des Sports va quitter le gouvernement en janvier.'])).toBe(
      'La ministre des Sports va quitter le gouvernement en janvier',
    );
  });

  it('cuts a long lede at a clause boundary that keeps a verb', () => {
    const lede =
      'Pékin a pour sa part apporté jeudi son soutien à Moscou, alors que l’heure de vérité approche pour les ' +
      'Occidentaux réunis à Bruxelles.';
    expect(deriveTitle([lede])).toBe('Pékin a pour sa part apporté jeudi son soutien à Moscou');
  });

  it('drops a relative clause between commas rather than cut the subject from its verb', () => {
    const lede =
      'Le bloc W16 de huit litres suralimenté par quatre turbos, qui anime tous les modèles de la marque depuis ' +
      'quinze ans, va être abandonné au profit d’un moteur hybride, a confirmé le constructeur mardi.';
    // Cutting at ", qui" would leave a subject without its verb.
    expect(deriveTitle([lede])).toBe(
      'Le bloc W16 de huit litres suralimenté par quatre turbos va être abandonné au profit d’un moteur hybride',
    );
  });

  it('turns a quotation with a named speaker into "Speaker : « … »"', () => {
    expect(deriveTitle(['« L’alliance a toujours ignoré les intérêts russes », a déclaré Fomin.'])).toBe(
      'Fomin : « L’alliance a toujours ignoré les intérêts russes »',
    );
    expect(
      deriveTitle(['« Nous ne lâcherons rien », a déclaré jeudi le secrétaire général de la CGT Philippe Martinez.']),
    ).toBe('Philippe Martinez : « Nous ne lâcherons rien »');
  });

  it('falls back to the quotation when nothing else is prose', () => {
    const quote = '« Nous sommes prêts à discuter de tout, sans exception et sans délai », a-t-il déclaré.';
    const title = deriveTitle([quote]);
    expect(title).toBe('« Nous sommes prêts à discuter de tout, sans exception et sans délai »');
  });

  it('cuts at a word boundary with "…" only when no boundary fits', () => {
    const lede =
      'Les températures relevées dans la nuit de mardi à mercredi dans plusieurs villes du sud-ouest du pays ' +
      'constituent des records absolus depuis le début des relevés météorologiques au dix-neuvième siècle.';
    const title = deriveTitle([lede]);
    expect(title.endsWith('…')).toBe(true);
    expectReadable(title, [lede]);
    // no dangling article or preposition before the ellipsis
    expect(title).not.toMatch(/\s(?:de|du|des|le|la|les|au|aux|à|et)…$/u);
  });

  it('keeps no-break spaces inside numbers', () => {
    expect(deriveTitle(['Environ 100\u00a0000 soldats sont massés à la frontière'])).toBe(
      'Environ 100\u00a0000 soldats sont massés à la frontière',
    );
  });

  it('returns an empty string only when there is no prose at all', () => {
    expect(deriveTitle([])).toBe('');
    expect(deriveTitle(['', '   '])).toBe('');
    expect(deriveTitle(['(Photo AFP)', '© Reuters'])).toBe('');
    expect(deriveTitle(['Bref.'])).toBe('Bref');
  });

  it('stays within the limit on any input', () => {
    const word = 'anticonstitutionnellement';
    const inputs = [
      [`${word} `.repeat(30)],
      [`${'x'.repeat(300)}`],
      ['« ' + 'Je refuse. '.repeat(40) + '», a dit Jean Dupont.'],
      ['"' + 'mot '.repeat(60) + '", a-t-il dit'],
    ];
    for (const paragraphs of inputs) {
      const title = deriveTitle(paragraphs);
      expect(title.length).toBeGreaterThan(0);
      expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    }
  });
});
