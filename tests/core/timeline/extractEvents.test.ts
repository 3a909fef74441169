import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/corpus/article.js';
import { formatIsoDate } from '../../../src/core/corpus/partialDate.js';
import type { DatedEvent } from '../../../src/core/timeline/DatedEvent.js';
import { extractEvents } from '../../../src/core/timeline/extractEvents.js';
import { loadSeeds } from '../../support/seeds.js';
import { makeArticle } from './makeArticle.js';

const seeds = loadSeeds();
const seed = (prefix: string): Article => {
  const a = seeds.find((s) => s.id.startsWith(prefix));
  if (a === undefined) throw new Error(`no seed ${prefix}`);
  return a;
};

/** `date status mention` of each event, the shape most assertions read best in. */
const summary = (events: readonly DatedEvent[]): string[] =>
  events.map((e) => `${formatIsoDate(e.date)} ${e.status} ${e.mention}`);

/** The one event of a one-sentence article. */
const only = (date: string, ...paragraphs: string[]): string[] => summary(extractEvents(makeArticle('x', date, ...paragraphs)));

describe('extractEvents on the seed articles', () => {
  it('places the explicit dates of 003 on their days, across the year boundary, with their sentences', () => {
    const a = seed('003');
    const events = extractEvents(a);
    const byMention = (m: string): DatedEvent[] => events.filter((e) => e.mention === m);

    const announced = byMention('mardi 28 décembre');
    expect(announced).toHaveLength(1);
    expect(formatIsoDate(announced[0]!.date)).toBe('2021-12-28');
    expect(announced[0]!.status).toBe('done'); // "ont annoncé, mardi 28 décembre"
    expect(announced[0]!.text).toMatch(/^Les Etats-Unis et la Russie ont annoncé, mardi 28 décembre, s'être entendus/u);

    // A December article's "10 janvier" is the next January, and a date after the article is planned.
    const talks = events.filter((e) => formatIsoDate(e.date) === '2022-01-10');
    expect(talks.length).toBeGreaterThanOrEqual(2);
    expect(talks.every((e) => e.status === 'planned' && e.date.precision === 'day')).toBe(true);
    expect(talks.map((e) => e.text)).toContain(
      "Ces discussions, qui débuteront le 10 janvier, visent à permettre une désescalade des tensions autour de l'Ukraine.",
    );

    const council = byMention('le 12 janvier');
    expect(summary(council)).toEqual(['2022-01-12 planned le 12 janvier']);
    expect(council[0]!.text).toContain("suivies le 12 janvier d'un rendez-vous Otan-Russie");
  });

  it('cites each sentence verbatim with offsets into its paragraph', () => {
    for (const a of seeds) {
      for (const e of extractEvents(a)) {
        expect(e.sources).toHaveLength(1);
        const s = e.sources[0]!;
        expect(s.articleId).toBe(a.id);
        expect(a.paragraphs[s.paragraph]!.slice(s.start, s.end)).toBe(e.text);
        expect(e.text).toContain(e.mention);
      }
    }
  });

  it('anchors a bare weekday on the explicit date that names it in the same article (003: "mardi" is the 28th)', () => {
    const events = extractEvents(seed('003'));
    const tuesday = events.filter((e) => e.mention === 'mardi');
    expect(summary(tuesday)).toEqual(['2021-12-28 done mardi']);
    expect(tuesday[0]!.text).toContain('a déclaré mardi le vice-ministre');
  });

  it('keeps the title\'s "en janvier" at month precision and skips "la semaine dernière" in a month-dated article', () => {
    const events = extractEvents(seed('003'));
    expect(summary(events.filter((e) => e.sources[0]!.paragraph === 0))).toEqual(['2022-01 planned en janvier']);
    expect(events.some((e) => /semaine/u.test(e.mention))).toBe(false);
  });

  it('004: "jusqu’au 9 janvier" is the 9th; unanchored weekdays stay in the article\'s month', () => {
    const events = extractEvents(seed('004'));
    expect(summary(events.filter((e) => e.date.precision === 'day'))).toEqual([
      '2022-01-09 planned jusqu’au 9 janvier',
      '2022-01-12 planned le 12 janvier',
    ]);
    // "a annoncé lundi", "a déclaré samedi": 004 names no weekday with a date, so no day can be known.
    const weekdays = events.filter((e) => /^(?:lundi|samedi)$/u.test(e.mention));
    expect(weekdays.length).toBeGreaterThanOrEqual(5);
    for (const e of weekdays) expect(formatIsoDate(e.date)).toBe('2021-12');
    expect(summary(events.filter((e) => e.mention === 'ce mois-ci'))).toEqual(['2021-12 done ce mois-ci']);
  });

  it('000: "jeudi" and "mercredi" in a month-dated article stay at month precision; "mi-février" is a month', () => {
    const events = extractEvents(seed('000'));
    expect(events.filter((e) => e.date.precision === 'day')).toEqual([]);
    const weekdays = events.filter((e) => /^(?:jeudi|mercredi)$/iu.test(e.mention));
    expect(weekdays.length).toBeGreaterThanOrEqual(5);
    for (const e of weekdays) {
      expect(formatIsoDate(e.date)).toBe('2022-01');
      expect(e.status).toBe('done');
    }
    const february = events.filter((e) => e.mention.includes('mi-février'));
    expect(summary(february)).toEqual(['2022-02 planned d\'ici "mi-février"']);
    // "avant l'entretien prévu vendredi": planned although the date cannot be compared with the article's
    expect(summary(events.filter((e) => e.mention === 'vendredi'))).toEqual(['2022-01 planned vendredi']);
    // "les frontières de 1997" names a border, not a time
    expect(events.some((e) => e.mention.includes('1997'))).toBe(false);
  });

  it('"depuis 2014" is a year', () => {
    for (const prefix of ['001', '002']) {
      expect(summary(extractEvents(seed(prefix)).filter((e) => e.date.precision === 'year'))).toEqual(['2014 done depuis 2014']);
    }
  });
});

describe('extractEvents: years and explicit dates', () => {
  it('takes the year closest to the article for a day and month without a year', () => {
    expect(only('2021-12-20', 'Le scrutin aura lieu le 5 janvier dans tout le pays.')).toEqual(['2022-01-05 planned le 5 janvier']);
    expect(only('2022-01-03', 'Le ministre avait annoncé sa démission le 28 décembre à la presse.')).toEqual([
      '2021-12-28 done le 28 décembre',
    ]);
    expect(only('2022-06', 'Le texte avait été adopté le 10 janvier par les députés.')).toEqual(['2022-01-10 done le 10 janvier']);
    expect(only('2021', 'Le texte a été adopté le 10 janvier par les députés.')).toEqual(['2021-01-10 done le 10 janvier']);
  });

  it('lets "dernier" and "prochain" choose the side of the article date', () => {
    expect(only('2021-12-20', 'Le texte avait été adopté le 10 janvier dernier par les députés.')).toEqual([
      '2021-01-10 done le 10 janvier dernier',
    ]);
    expect(only('2022-03-20', "L'accord entrera en vigueur en janvier prochain selon le ministère.")).toEqual([
      '2023-01 planned en janvier prochain',
    ]);
  });

  it('uses the weekday to choose the year, but only near the article', () => {
    // 28 December is a Tuesday in 2021 and a Wednesday in 2022: the weekday decides for a June 2022 article
    expect(only('2022-06', 'Le traité a été signé mardi 28 décembre à Genève par les deux pays.')).toEqual([
      '2021-12-28 done mardi 28 décembre',
    ]);
    // a year and a half away, the weekday is more likely a slip than a sign of the year: closest year
    expect(only('2023-06', 'Le traité a été signé mardi 28 décembre à Genève par les deux pays.')).toEqual([
      '2022-12-28 done mardi 28 décembre',
    ]);
  });

  it('keeps explicit years, numeric dates, ranges and "1er"', () => {
    expect(only('2022-05-02', 'Le contrat a été signé le 1er mars 2020 à Paris par les deux parties.')).toEqual([
      '2020-03-01 done le 1er mars 2020',
    ]);
    expect(only('2022-05-02', 'Le colis a été découvert le 10/01/2022 dans un entrepôt de la ville.')).toEqual([
      '2022-01-10 done le 10/01/2022',
    ]);
    expect(only('2022-07-01', 'Le festival se tiendra du 10 au 12 juillet à Arles avec trente concerts.')).toEqual([
      '2022-07-10 planned du 10 au 12 juillet',
    ]);
  });

  it('reads months and years as months and years, never as days', () => {
    expect(only('2022-01-15', 'Une attaque est possible d\'ici mi-février selon la Maison-Blanche.')).toEqual([
      '2022-02 planned d\'ici mi-février',
    ]);
    expect(only('2022-01-15', 'Le chantier avait été lancé en 2014 par la municipalité de la ville.')).toEqual([
      '2014 done en 2014',
    ]);
    expect(only('2022-01-15', 'Les ventes ont chuté en décembre dans tous les magasins du pays.')).toEqual([
      '2021-12 done en décembre',
    ]);
    expect(only('2022-01-15', 'Les ventes ont chuté le mois dernier dans tous les magasins du pays.')).toEqual([
      '2021-12 done le mois dernier',
    ]);
    expect(only('2022-01-15', "Les ventes ont chuté l'an dernier dans tous les magasins du pays.")).toEqual([
      "2021 done l'an dernier",
    ]);
  });

  it('drops "depuis <year>" when the sentence has a more precise date of its own', () => {
    expect(only('2022-01-20', "L'accord signé le 19 janvier est le premier texte commun depuis 2019, selon l'Elysée.")).toEqual([
      '2022-01-19 done le 19 janvier',
    ]);
  });
});

describe('extractEvents: weekdays and relative days', () => {
  // 13 January 2022 is a Thursday
  const thursday = '2022-01-13';

  it('resolves weekdays from a day-precision article date, by tense', () => {
    expect(only(thursday, 'Le ministre a déclaré mardi que la réforme serait retirée du programme.')).toEqual([
      '2022-01-11 done mardi',
    ]);
    expect(only(thursday, 'Les ministres se réuniront vendredi à Bruxelles pour en débattre.')).toEqual([
      '2022-01-14 planned vendredi',
    ]);
    expect(only(thursday, 'Le plan doit être présenté mardi après-midi par le Premier ministre.')).toEqual([
      '2022-01-18 planned mardi après-midi',
    ]);
    expect(only(thursday, 'Le maire a démissionné jeudi après une longue polémique.')).toEqual(['2022-01-13 done jeudi']);
    expect(only(thursday, 'Le maire avait démissionné jeudi dernier après une longue polémique.')).toEqual([
      '2022-01-06 done jeudi dernier',
    ]);
    expect(only(thursday, 'Le maire démissionnera lundi prochain selon son entourage proche.')).toEqual([
      '2022-01-17 planned lundi prochain',
    ]);
  });

  it('resolves "hier", "demain" and weeks from a day-precision date, never weeks to a day', () => {
    expect(only(thursday, 'Le tribunal a rendu hier sa décision dans cette affaire.')).toEqual(['2022-01-12 done hier']);
    expect(only(thursday, 'Le tribunal rendra demain sa décision dans cette affaire.')).toEqual(['2022-01-14 planned demain']);
    expect(only(thursday, 'Le tribunal a rendu la semaine dernière sa décision dans cette affaire.')).toEqual([
      '2022-01 done la semaine dernière',
    ]);
    // 3 February 2022: "cette semaine" runs from 31 January to 6 February, over two months: no date at all
    expect(only('2022-02-03', 'Le tribunal a rendu cette semaine sa décision dans cette affaire.')).toEqual([]);
  });

  it('counts "aujourd\'hui" only when a verb dates it', () => {
    expect(only(thursday, 'Le gouvernement a annoncé aujourd\'hui un nouveau plan de relance.')).toEqual([
      "2022-01-13 done aujourd'hui",
    ]);
    expect(only(thursday, "La ville est aujourd'hui la plus peuplée de la région, loin devant ses voisines.")).toEqual([]);
    expect(only(thursday, "Il rêve de la télévision d'aujourd'hui et de ses nouveaux formats courts.")).toEqual([]);
  });

  it('places weekdays in the anchor\'s week only when the tense agrees', () => {
    // 28 December 2021 is a Tuesday
    const events = extractEvents(
      makeArticle(
        'anchored',
        '2021-12',
        'Le gouvernement a présenté mardi 28 décembre son plan contre la pandémie.',
        'Les syndicats avaient été reçus lundi par la Première ministre.',
        'Le texte sera examiné jeudi par le Conseil des ministres.',
        'Le président avait rencontré samedi les responsables des hôpitaux.',
        'Le ministre a confirmé mardi que le plan serait financé par l\'emprunt.',
      ),
    );
    expect(summary(events)).toEqual([
      '2021-12-28 done mardi 28 décembre',
      '2021-12-27 done lundi', // earlier in the anchor's week, done: placed
      '2021-12-30 planned jeudi', // later in the week, planned: placed
      '2021-12 done samedi', // done but after the anchor's weekday: last Saturday or next? not placed
      '2021-12-28 done mardi', // same weekday as the anchor
    ]);
  });

  it('does not anchor on a date whose weekday is wrong, nor on two dates for one weekday', () => {
    // 29 December 2021 is a Wednesday, not a Tuesday
    const wrong = extractEvents(
      makeArticle('w', '2021-12', 'Le plan a été présenté mardi 29 décembre par le gouvernement.', 'Le ministre a confirmé mardi son financement.'),
    );
    expect(summary(wrong.filter((e) => e.mention === 'mardi'))).toEqual(['2021-12 done mardi']);
    const two = extractEvents(
      makeArticle(
        't',
        '2021-12',
        'Le plan a été présenté mardi 14 décembre puis amendé mardi 21 décembre par le gouvernement.',
        'Le ministre a confirmé mardi son financement.',
      ),
    );
    expect(summary(two.filter((e) => e.mention === 'mardi'))).toEqual(['2021-12 done mardi']);
  });

  it('skips weekdays in an article known only to the year', () => {
    expect(only('2021', 'Le ministre a déclaré mardi que la réforme serait retirée.')).toEqual([]);
  });
});

describe('extractEvents: what is not a date', () => {
  it.each([
    ['a count in the range of years', 'La Russie a massé 2 000 soldats et 1 500 blindés à la frontière ukrainienne.'],
    ['a year after a noun', 'Moscou exige un retour aux frontières de 1997 pour toutes les forces.'],
    ['a time of day alone', 'Le conseil se réunira à 14 heures dans la grande salle de la mairie.'],
    ['a vague period', 'Les négociations reprendront dans les jours à venir selon plusieurs diplomates.'],
    ['a decade', 'Les années 1990 ont vu la fin de la guerre froide et de nombreux bouleversements.'],
    ['a newspaper', 'Le ministre a accordé un entretien au Journal du dimanche sur la réforme des retraites.'],
    ['a time of the story', 'Ce matin-là, le garçon avait pris la voiture de ses parents pour rouler seul.'],
    ['the planet', 'La sonde a atteint la planète Mars après un voyage de sept mois dans l\'espace.'],
    ['a time of life', 'Les alliés d\'hier sont devenus les rivaux les plus acharnés du parti au pouvoir.'],
  ])('skips %s', (_label, sentence) => {
    expect(only('2022-01-13', sentence)).toEqual([]);
  });

  it('skips captions and date-only lines', () => {
    const events = extractEvents(
      makeArticle('c', '2022-01-13', 'Titre de la dépêche', '(Photo prise le 10 janvier par Jean Dupont / AFP)', '7 août'),
    );
    expect(events).toEqual([]);
  });
});

describe('extractEvents: ambiguous years and counts', () => {
  it('lets the tense choose the side when the month is half a year away either way', () => {
    expect(only('2020-06-15', "La Chine a fait état de l'apparition du virus fin décembre dans la ville de Wuhan.")).toEqual([
      '2019-12 done fin décembre',
    ]);
    expect(only('2020-06-15', "Les nouvelles règles entreront en vigueur fin décembre dans toute l'Union.")).toEqual([
      '2020-12 planned fin décembre',
    ]);
  });

  it('reads a number followed by what it counts as a count, not a year', () => {
    expect(only('2022-01-13', 'De la neige est attendue dès 1000 mètres dans les Alpes et les Pyrénées.')).toEqual([]);
    expect(only('2022-01-13', 'Le livre a été tiré en 2000 exemplaires seulement par son éditeur.')).toEqual([]);
    expect(only('2022-01-13', 'La croissance en 2022 pourrait atteindre 4 % selon la Banque de France.')).toEqual([
      '2022 planned en 2022',
    ]);
  });
});
