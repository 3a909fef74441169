import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/corpus/parseArticle.js';
import { splitSentences } from '../../../src/core/text/splitSentences.js';

const SEEDS = fileURLToPath(new URL('../../../seeds/', import.meta.url));

/** The sentences' texts, after checking the offsets contract that citations rely on. */
function texts(paragraph: string): string[] {
  const sentences = splitSentences(paragraph);
  for (const s of sentences) {
    expect(paragraph.slice(s.start, s.end)).toBe(s.text);
    expect(s.text).toBe(s.text.trim());
    expect(s.text).not.toBe('');
  }
  for (let i = 1; i < sentences.length; i++) expect(sentences[i]!.start).toBeGreaterThanOrEqual(sentences[i - 1]!.end);
  return sentences.map((s) => s.text);
}

describe('splitSentences', () => {
  it('returns nothing for an empty or blank paragraph', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \u00a0 ')).toEqual([]);
  });

  it('keeps offsets into the paragraph, leading and trailing spaces excluded', () => {
    const paragraph = '  Il pleut. Il vente !  ';
    expect(splitSentences(paragraph)).toEqual([
      { text: 'Il pleut.', start: 2, end: 11 },
      { text: 'Il vente !', start: 12, end: 22 },
    ]);
  });

  it('does not break after abbreviations of titles and words', () => {
    expect(texts('M. Peskov a parlé. Mme Dupont aussi. Le Dr. House est venu. La rue St. Louis est fermée.')).toEqual([
      'M. Peskov a parlé.',
      'Mme Dupont aussi.',
      'Le Dr. House est venu.',
      'La rue St. Louis est fermée.',
    ]);
    expect(texts('Il est mort en 300 av. J.-C. à Rome. Voir p. 12 et le n° 5. Né le 3 oct. 1990 à Lyon.')).toEqual([
      'Il est mort en 300 av. J.-C. à Rome.',
      'Voir p. 12 et le n° 5.',
      'Né le 3 oct. 1990 à Lyon.',
    ]);
  });

  it('does not break after an initial, but does after a single letter that ends a sentence', () => {
    expect(texts('J. Biden a répondu. La photo est signée Alexei D. et date de lundi. J.-M. Le Pen a parlé.')).toEqual([
      'J. Biden a répondu.',
      'La photo est signée Alexei D. et date de lundi.',
      'J.-M. Le Pen a parlé.',
    ]);
    // "RER A. La…": the next word opens a sentence, so the letter was the end of it.
    expect(texts('Le trafic est interrompu sur le RER A. La préfecture conseille le bus.')).toEqual([
      'Le trafic est interrompu sur le RER A.',
      'La préfecture conseille le bus.',
    ]);
  });

  it('merges a piece that starts in lower case', () => {
    expect(texts('Il a trouvé un Warner Bros. dans le tiroir. Puis il est parti.')).toEqual([
      'Il a trouvé un Warner Bros. dans le tiroir.',
      'Puis il est parti.',
    ]);
  });

  it('keeps a closing » with the French space in its sentence, and a short quotation in one piece', () => {
    expect(texts('« Nous sommes prêts. » Il a ensuite crié « Au secours ! » puis est parti. Vraiment ?')).toEqual([
      '« Nous sommes prêts. »',
      'Il a ensuite crié « Au secours ! » puis est parti.',
      'Vraiment ?',
    ]);
    expect(texts('« Je pars. Je reviendrai. », a-t-il dit. Puis il a quitté la salle.')).toEqual([
      '« Je pars. Je reviendrai. », a-t-il dit.',
      'Puis il a quitté la salle.',
    ]);
    expect(texts('"Nous sommes prêts." Il a dit. "Non !", a-t-il répondu.')).toEqual([
      '"Nous sommes prêts."',
      'Il a dit.',
      '"Non !", a-t-il répondu.',
    ]);
  });

  it('splits a long quotation into its sentences when it does not close soon', () => {
    // An interview answer over a whole paragraph would otherwise be one unreadable "sentence".
    const long = `« ${'Nous avons tout essayé pendant des mois sans le moindre résultat. '.repeat(12)}», a-t-il dit.`;
    expect(texts(long).length).toBeGreaterThan(5);
  });

  it('handles ellipses, (...), ?! and the French space before ? and !', () => {
    expect(texts('Consternant... mais vrai. Alors… Vous voyez ? Oui ! Quoi ?! Non. (...) Bref, rien.')).toEqual([
      'Consternant... mais vrai.',
      'Alors…',
      'Vous voyez ?',
      'Oui !',
      'Quoi ?!',
      'Non.',
      '(...) Bref, rien.',
    ]);
    const elided = '« Nous n’allons pas faire traîner la réaction, (...) mais rien ne presse », a-t-il ajouté.';
    expect(texts(elided)).toEqual([elided]);
  });

  it('splits sentences glued without a space after the full stop', () => {
    expect(texts("La police privilégie l'accident domestique.Consternant... mais vrai.")).toEqual([
      "La police privilégie l'accident domestique.",
      'Consternant... mais vrai.',
    ]);
    expect(texts("a-t-elle déclaré à l'AFP.Selon elle, rien n'a changé.")).toEqual([
      "a-t-elle déclaré à l'AFP.",
      "Selon elle, rien n'a changé.",
    ]);
    expect(texts('Il a conclu : "c\'est fini".Le maire est parti.')).toEqual([
      'Il a conclu : "c\'est fini".',
      'Le maire est parti.',
    ]);
    expect(texts('Le bilan date de mai 2020).Cette baisse est nette.')).toEqual([
      'Le bilan date de mai 2020).',
      'Cette baisse est nette.',
    ]);
  });

  it('never splits inside numbers, acronyms, abbreviations, URLs or e-mail addresses', () => {
    for (const sentence of [
      'Le nombre est passé à 3.076 contre 4.664 en mai, soit 8,5 % de moins.',
      'Les U.S.A. et la R.F.A. ont signé.',
      'Il a vu M.Zarif hier soir.',
      'Voir www.Example.com ou http://site.fr/Page.Html pour le détail.',
      'Écrivez à jean.Dupont@mail.fr pour le détail.',
    ]) {
      expect(texts(sentence)).toEqual([sentence]);
    }
  });

  it('splits before a number after a full stop, but not after an abbreviation', () => {
    expect(texts('Il est mort à seulement 23 ans. 10 ans plus tard, rien.')).toEqual([
      'Il est mort à seulement 23 ans.',
      '10 ans plus tard, rien.',
    ]);
    expect(texts("Voir l'art. 5 du code.")).toEqual(["Voir l'art. 5 du code."]);
  });

  it('ends a sentence at "etc." followed by a capital', () => {
    expect(texts('Il y avait des vélos, des bus, etc. Le maire a salué le succès.')).toEqual([
      'Il y avait des vélos, des bus, etc.',
      'Le maire a salué le succès.',
    ]);
  });

  it('splits the photo caption of seed 001 from its credit', () => {
    expect(texts('Le président russe Vladimir Poutine. (Photo par Alexei DruzhininTASS via Getty Images)')).toEqual([
      'Le président russe Vladimir Poutine.',
      '(Photo par Alexei DruzhininTASS via Getty Images)',
    ]);
  });

  it('splits every paragraph of the sample articles with valid offsets', () => {
    const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
    expect(files).toHaveLength(5);
    let total = 0;
    for (const f of files) {
      const outcome = parseArticle(f, readFileSync(SEEDS + f, 'utf8'));
      if (!outcome.ok) throw new Error(outcome.reason);
      for (const p of outcome.article.paragraphs) total += texts(p).length;
    }
    // 59 paragraphs, several with two or three sentences, and multi-sentence quotations kept whole.
    expect(total).toBeGreaterThan(59);
    expect(total).toBeLessThan(90);
  });

  it('splits a seed paragraph of three sentences and keeps a quotation that closes soon in one', () => {
    const p =
      'La Russie a nié à plusieurs reprises qu’elle prévoyait d’envahir l’Ukraine. Les tensions sont vives avec ' +
      'son voisin depuis 2014, date à laquelle il a envahi et annexé la Crimée. Il a également soutenu un ' +
      'soulèvement pro-russe dans l’est de l’Ukraine.';
    expect(texts(p)).toHaveLength(3);
    const quote =
      '« Je pense que ce sont les actions les plus probables. Pas un assaut massif dans toute l’Ukraine », ' +
      'a déclaré Hodges.';
    expect(texts(quote)).toEqual([quote]);
  });

  it('stays correct on a very long paragraph (a whole article without breaks)', () => {
    const paragraph = 'Le maire a parlé. '.repeat(20_000).trim();
    const sentences = splitSentences(paragraph);
    expect(sentences).toHaveLength(20_000);
    expect(sentences[12_345]).toEqual({ text: 'Le maire a parlé.', start: 12_345 * 18, end: 12_345 * 18 + 17 });
  });
});
