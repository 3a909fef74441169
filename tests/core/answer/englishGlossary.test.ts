import { describe, expect, it } from 'vitest';
import { ENGLISH_STOPWORDS, isEnglish, translateEnglishQuery } from '../../../src/core/answer/englishGlossary.js';

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);

describe('isEnglish', () => {
  it('recognises English questions by their function words', () => {
    expect(isEnglish('Who is the foreign minister of Russia?')).toBe(true);
    expect(isEnglish('When did the strike start?')).toBe(true);
    expect(isEnglish("Why didn't they vote?")).toBe(true);
  });
  it('keeps French questions French, even with English names in them', () => {
    expect(isEnglish('Qui est Joe Biden ?')).toBe(false);
    expect(isEnglish("Quand ont lieu les pourparlers entre la Russie et les États-Unis ?")).toBe(false);
    expect(isEnglish("Qu'a dit Boris Johnson à la BBC ?")).toBe(false);
  });
  it('uses English-only vocabulary when a keyword query has no function word', () => {
    expect(isEnglish('russia troops border')).toBe(true);
    // Words French writes the same way ("sanctions", "invasion") are no evidence either way.
    expect(isEnglish('negociations separees osce securite cooperation europe')).toBe(false);
    expect(isEnglish('sanctions invasion')).toBe(false);
    // A single English-looking word in a French keyword query does not make it English.
    expect(isEnglish('tank russe')).toBe(false);
  });
});

describe('translateEnglishQuery', () => {
  it('translates phrases before single words', () => {
    const out = translateEnglishQuery('Who is the foreign minister of Russia?');
    expect(out).toContain('ministre des Affaires étrangères');
    expect(out).toContain('Russie');
    expect(out).not.toMatch(/foreign|minister|who|the/i);
    expect(translateEnglishQuery('Did the White House reject the demands?')).toContain('Maison-Blanche');
  });
  it('drops English stopwords and renders the news vocabulary', () => {
    const out = words(translateEnglishQuery('When will the talks between Russia and the US take place?'));
    expect(out).toEqual(expect.arrayContaining(['pourparlers', 'négociations', 'Russie', 'États-Unis', 'lieu']));
    for (const stop of ['When', 'will', 'the', 'between', 'and']) expect(out).not.toContain(stop);
    expect(translateEnglishQuery('How many troops are massed at the border?')).toMatch(/troupes soldats.*frontière/);
    expect(translateEnglishQuery('Is there a ceasefire?')).toBe('cessez-le-feu trêve');
  });
  it('keeps names and numbers as they are written', () => {
    expect(translateEnglishQuery('What did Putin tell Macron?')).toBe('Poutine Macron');
    expect(translateEnglishQuery('What did Stoltenberg say on January 10?')).toBe('Stoltenberg dit déclaré janvier 10');
  });
  it('knows "US" and "UN" in capitals but drops the pronoun "us"', () => {
    expect(words(translateEnglishQuery('Will the US and the UN meet?'))).toEqual(['États-Unis', 'ONU', 'réunion', 'rencontre']);
    expect(translateEnglishQuery('Tell us about the summits')).toBe('sommet');
  });
  it('reads plurals, possessives and hyphenated words', () => {
    expect(translateEnglishQuery("What sanctions did the EU announce against Russia's banks?")).toBe('sanctions UE annoncé annonce Russie banque');
    expect(translateEnglishQuery('Where will the NATO-Russia Council meet?')).toBe('OTAN Russie Conseil réunion rencontre');
  });
  it('tells the month "May" from the modal "may"', () => {
    expect(translateEnglishQuery('What may happen in May?')).toBe('passé produit mai');
  });
  it('passes French text through unchanged', () => {
    const french = "Que réclame Moscou au sujet de l'élargissement de l'OTAN ?";
    expect(translateEnglishQuery(french)).toBe(french);
  });
  it('exports its stopword list', () => {
    expect(ENGLISH_STOPWORDS.has('the')).toBe(true);
    expect(ENGLISH_STOPWORDS.has('russia')).toBe(false);
  });
});
