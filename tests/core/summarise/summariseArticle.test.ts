import { describe, expect, it } from 'vitest';
import { isCaption } from '../../../src/core/corpus/isCaption.js';
import { summariseArticle } from '../../../src/core/summarise/summariseArticle.js';
import { article, loadSeeds, nearDuplicates } from './summaryFixtures.js';

describe('summariseArticle on the sample articles', () => {
  const seeds = loadSeeds();

  it.each(seeds.map((a) => [a.id, a] as const))('%s: 2–4 verbatim sentences in document order', (_, a) => {
    const summary = summariseArticle(a);
    expect(summary.length).toBeGreaterThanOrEqual(2);
    expect(summary.length).toBeLessThanOrEqual(4);
    for (const s of summary) {
      expect(s.articleId).toBe(a.id);
      // Citations rely on the offsets: the quoted text must be exactly the paragraph's text there.
      expect(a.paragraphs[s.paragraph]?.slice(s.start, s.end)).toBe(s.text);
      expect(s.text.trim()).toBe(s.text);
      expect(isCaption(s.text)).toBe(false);
      expect(isCaption(a.paragraphs[s.paragraph] ?? '')).toBe(false);
    }
    for (let i = 1; i < summary.length; i++) {
      const [prev, next] = [summary[i - 1]!, summary[i]!];
      expect(prev.paragraph < next.paragraph || (prev.paragraph === next.paragraph && prev.end <= next.start)).toBe(true);
    }
    for (let i = 0; i < summary.length; i++) {
      for (let j = i + 1; j < summary.length; j++) expect(nearDuplicates(summary[i]!.text, summary[j]!.text)).toBe(false);
    }
  });

  it('never picks the photo caption that opens article 001', () => {
    const a = seeds.find((s) => s.id.startsWith('001'))!;
    expect(isCaption(a.paragraphs[0] ?? '')).toBe(true);
    expect(summariseArticle(a, { maxSentences: 4 }).every((s) => s.paragraph !== 0)).toBe(true);
  });

  it('quotes the lede of article 004 once although the body repeats it word for word', () => {
    const a = seeds.find((s) => s.id.startsWith('004'))!;
    const lede = a.paragraphs[0]!;
    // The premise of the test: the file really repeats its first paragraph later.
    expect(a.paragraphs.indexOf(lede, 1)).toBeGreaterThan(0);
    for (const max of [2, 3, 4, 6]) {
      const summary = summariseArticle(a, { maxSentences: max });
      expect(summary.filter((s) => s.text === lede).length).toBeLessThanOrEqual(1);
    }
  });

  it('respects maxSentences and is deterministic', () => {
    for (const a of seeds) {
      expect(summariseArticle(a, { maxSentences: 1 })).toHaveLength(1);
      expect(summariseArticle(a, { maxSentences: 3 }).length).toBeLessThanOrEqual(3);
      expect(summariseArticle(a)).toEqual(summariseArticle(a));
    }
  });
});

describe('summariseArticle rules on made-up articles', () => {
  const body = [
    "La France et l'Allemagne proposent une nouvelle réunion au format Normandie avec la Russie et l'Ukraine à Berlin.",
    "Les deux pays espèrent obtenir un cessez-le-feu durable dans l'est de l'Ukraine avant la fin du mois de février.",
    'Moscou n’a pas encore répondu à cette proposition, mais le Kremlin a dit étudier le calendrier avec attention.',
    'Kiev se dit prêt à participer à la réunion si les séparatistes respectent la trêve négociée en juillet dernier.',
  ];

  it('skips a caption even when it names the story and comes first', () => {
    const description =
      "Le ministre français des Affaires étrangères et son homologue allemande à Berlin, lors d'une réunion sur l'Ukraine.";
    const withCaption = article('caption', [
      'Paris et Berlin relancent les négociations sur l’Ukraine',
      `${description} (Photo par John MacDougall / AFP)`,
      ...body,
    ]);
    expect(isCaption(withCaption.paragraphs[1]!)).toBe(true);
    expect(summariseArticle(withCaption, { maxSentences: 4 }).some((s) => s.paragraph === 1)).toBe(false);
    // Control: the same words as prose are a fine lede, so only the caption rule kept them out above.
    const asProse = article('prose', ['Paris et Berlin relancent les négociations sur l’Ukraine', description, ...body]);
    expect(summariseArticle(asProse, { maxSentences: 2 }).some((s) => s.paragraph === 1)).toBe(true);
  });

  it('demotes a sentence that opens with a quotation', () => {
    const spoken = "Paris et Berlin veulent relancer les négociations sur l'Ukraine dès la semaine prochaine";
    const quoted = article('quoted', [
      'Paris et Berlin veulent relancer les négociations sur l’Ukraine',
      `« ${spoken} », a déclaré mardi un diplomate français à la presse.`,
      ...body,
    ]);
    const summary = summariseArticle(quoted, { maxSentences: 1 });
    expect(summary).toHaveLength(1);
    expect(summary[0]!.text.startsWith('«')).toBe(false);
    // Control: reported speech with the same words, first and closest to the title, is the one-sentence summary.
    const reported = article('reported', [
      'Paris et Berlin veulent relancer les négociations sur l’Ukraine',
      `${spoken}, a déclaré mardi un diplomate français à la presse.`,
      ...body,
    ]);
    expect(summariseArticle(reported, { maxSentences: 1 })[0]!.paragraph).toBe(1);
  });

  it('gives one sentence for an article of one sentence', () => {
    const one = article('one', [
      'Le Parlement européen a adopté mardi une résolution condamnant la répression des manifestations en Biélorussie.',
    ]);
    const summary = summariseArticle(one);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.text).toBe(one.paragraphs[0]);
  });

  it('does not count a headline or a crosshead as a sentence', () => {
    const a = article('headline', [
      'Le Parlement européen condamne la répression en Biélorussie',
      'Le Parlement européen a adopté mardi une résolution condamnant la répression des manifestations en Biélorussie.',
      'Minsk dénonce une ingérence',
    ]);
    const summary = summariseArticle(a);
    expect(summary.map((s) => s.paragraph)).toEqual([1]);
  });

  it('skips fragments too short to stand alone', () => {
    const a = article('fragments', ['Le Kremlin hausse le ton.', 'Pas de réponse.', ...body]);
    const texts = summariseArticle(a, { maxSentences: 4 }).map((s) => s.text);
    expect(texts).not.toContain('Le Kremlin hausse le ton.');
    expect(texts).not.toContain('Pas de réponse.');
  });

  it('quotes a paragraph repeated later in the body only once', () => {
    const lede = 'La Russie a massé des dizaines de milliers de soldats à la frontière ukrainienne, selon Washington.';
    const a = article('repeat', [lede, ...body, lede]);
    const summary = summariseArticle(a, { maxSentences: 4 });
    expect(summary.filter((s) => s.text === lede)).toHaveLength(1);
  });

  it('returns nothing for an article with no sentence worth quoting', () => {
    expect(summariseArticle(article('empty', ['Crise en Ukraine', '(Photo par John MacDougall / AFP)']))).toEqual([]);
  });
});
