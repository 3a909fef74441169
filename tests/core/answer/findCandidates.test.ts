import { describe, expect, it } from 'vitest';
import type { QuestionKind } from '../../../src/core/answer/classifyQuestion.js';
import type { CandidateType } from '../../../src/core/answer/findCandidates.js';
import { candidateTypesFor, findCandidates } from '../../../src/core/answer/findCandidates.js';

/** The texts of the spans of one type found in a sentence. */
const spans = (sentence: string, type: CandidateType): string[] => findCandidates(sentence, [type]).map((c) => c.text);

describe('findCandidates: dates', () => {
  it('finds day and month, with the weekday and the preposition that belong to them', () => {
    expect(spans('Le festival se tiendra du 10 au 12 juillet à Arles, puis à Sète le 1er août.', 'date')).toEqual([
      'du 10 au 12 juillet',
      'le 1er août',
    ]);
    expect(spans('Les élections, prévues mardi 28 décembre, ont été repoussées jusqu’au 9 janvier.', 'date')).toEqual([
      'mardi 28 décembre',
      'jusqu’au 9 janvier',
    ]);
  });
  it('finds years, parts of months and relative dates', () => {
    expect(spans("Le chantier, lancé en 2014, doit s'achever d'ici mi-février ou au plus tard fin janvier 2025.", 'date')).toEqual([
      'en 2014',
      "d'ici mi-février",
      'fin janvier 2025',
    ]);
    expect(
      spans("La mairie a annoncé lundi dernier que le marché rouvrirait ce mois-ci, après l'incendie de la semaine dernière.", 'date'),
    ).toEqual(['lundi dernier', 'ce mois-ci', 'la semaine dernière']);
    expect(spans('Le 10/01/2022, un colis a été découvert dans la nuit de mardi à mercredi.', 'date')).toEqual([
      'Le 10/01/2022',
      'dans la nuit de mardi à mercredi',
    ]);
    expect(spans('Le référendum a eu lieu en janvier 2022, il y a deux ans.', 'date')).toEqual(['en janvier 2022', 'il y a deux ans']);
  });
  it('reads a bare year as a date, even after a noun ("frontières de 1997")', () => {
    expect(spans('Moscou exige un retour aux frontières de 1997.', 'date')).toEqual(['1997']);
    expect(spans('Le club existe depuis 1998.', 'date')).toEqual(['depuis 1998']);
  });
  it('does not read counts in the range of years as dates', () => {
    // A noun after the number, or "plus de" before it, makes it a count.
    expect(spans('Le club compte 2000 adhérents et plus de 1500 bénévoles.', 'date')).toEqual([]);
    expect(spans('Le billet coûte 1900 euros.', 'date')).toEqual([]);
  });
  it('does not read capitalised month names as months', () => {
    // "Mars" with a capital inside a sentence is the planet.
    expect(spans("On voit la planète Mars à l'œil nu.", 'date')).toEqual([]);
    expect(spans("On la verra en mars.", 'date')).toEqual(['en mars']);
  });
});

describe('findCandidates: quantities', () => {
  it('takes the number with its modifier and the noun it counts', () => {
    expect(spans("L'armée a rassemblé environ 100 000 soldats et des dizaines de milliers de militaires.", 'quantity')).toEqual([
      'environ 100 000 soldats',
      'des dizaines de milliers de militaires',
    ]);
    expect(spans("Le budget atteint 8,5 millions d'euros, soit une hausse de 15,6%.", 'quantity')).toEqual([
      "8,5 millions d'euros",
      '15,6%',
    ]);
    expect(spans("L'embauche de plus de 500 bergers est prévue.", 'quantity')).toEqual(['plus de 500 bergers']);
    expect(spans('Trois personnes ont été blessées et des milliers de riverains évacués.', 'quantity')).toEqual([
      'Trois personnes',
      'des milliers de riverains',
    ]);
  });
  it('accepts no-break spaces, narrow no-break spaces and dots between thousands', () => {
    expect(spans('Il y a 100\u00a0000 réfugiés.', 'quantity')).toEqual(['100\u00a0000 réfugiés']);
    expect(spans('Il y a 100\u202f000 réfugiés.', 'quantity')).toEqual(['100\u202f000 réfugiés']);
    expect(spans('La commune compte 3.076 habitants.', 'quantity')).toEqual(['3.076 habitants']);
  });
  it('reads spelled-out numbers when they count something', () => {
    expect(spans('Vingt-deux députés et un million de visiteurs.', 'quantity')).toEqual(['Vingt-deux députés', 'un million de visiteurs']);
    // "neuf" after a noun is the adjective "new"; "un" alone is an article.
    expect(spans('Un homme a acheté un bâtiment neuf.', 'quantity')).toEqual([]);
  });
  it('skips adjectives to reach the noun', () => {
    expect(spans('On compte 367 nouveaux décès.', 'quantity')).toEqual(['367 nouveaux décès']);
  });
  it('leaves out years, dates, durations and numbers that are labels', () => {
    expect(spans('En 2019, le 10 janvier, pendant 10 jours.', 'quantity')).toEqual([]);
    expect(spans("Le Covid-19 a fait reculer France 2, selon l'article 5 du rapport.", 'quantity')).toEqual([]);
  });
});

describe('findCandidates: durations', () => {
  it('finds a number of time units, with "pendant" or "depuis"', () => {
    expect(
      spans('La grève a duré trois semaines et les négociations pendant des mois ; le maire est en poste depuis huit ans.', 'duration'),
    ).toEqual(['trois semaines', 'pendant des mois', 'depuis huit ans']);
    expect(spans('Les vacances dureront 10 jours.', 'duration')).toEqual(['10 jours']);
    expect(spans('Il a été condamné à une peine de dix ans.', 'duration')).toEqual(['dix ans']);
    expect(spans('Il a été condamné à deux ans de prison ferme.', 'duration')).toEqual(['deux ans']);
  });
  it('does not take ages for durations', () => {
    expect(spans('Un homme de 45 ans, âgé de 30 ans selon d’autres sources, a été arrêté.', 'duration')).toEqual([]);
    expect(spans('Jean Dupont, 52 ans, a été élu à 80 ans.', 'duration')).toEqual([]);
  });
  it('does not take points in time for durations', () => {
    expect(spans('Il y a deux semaines, la réunion a commencé à 14 heures.', 'duration')).toEqual([]);
    expect(spans('Il y a deux semaines, la réunion a commencé à 14 heures.', 'date')).toEqual(['Il y a deux semaines', 'à 14 heures']);
  });
});

describe('findCandidates: persons', () => {
  it('finds full names, without the role that introduces them', () => {
    expect(spans('Le porte-parole du Kremlin, Dmitri Peskov, a démenti.', 'person')).toEqual(['Dmitri Peskov']);
    expect(spans('Mardi, Emmanuel Macron a rendu hommage à Charles de Gaulle avec Jean-Yves Le Drian.', 'person')).toEqual([
      'Emmanuel Macron',
      'Charles de Gaulle',
      'Jean-Yves Le Drian',
    ]);
  });
  it('takes a lone surname before a verb of saying, after a title or after a role', () => {
    expect(spans('Poutine a déclaré que Lavrov a dit la vérité, selon M. Guyot.', 'person')).toEqual(['Poutine', 'Lavrov', 'Guyot']);
    expect(spans('Le président Zelensky a reçu le chancelier Scholz.', 'person')).toEqual(['Zelensky', 'Scholz']);
    expect(spans('« Nous refusons », a déclaré Fomin.', 'person')).toEqual(['Fomin']);
  });
  it('leaves out capitalised common words, months, places and countries acting as subjects', () => {
    expect(spans('Les manifestants ont défilé en Arabie saoudite et à New York.', 'person')).toEqual([]);
    expect(spans('La Russie a déclaré que Moscou rejetait les propositions.', 'person')).toEqual([]);
    expect(spans('Mais Janvier a été froid. Nous avons dit non.', 'person')).toEqual([]);
    // A determiner before a capitalised word: a people or a title, not a first name.
    expect(spans('Le prix a été remis à la Polonaise Olga Tokarczuk.', 'person')).toEqual(['Olga Tokarczuk']);
  });
  it('reads "à X" after a verb of saying as a person, not a place', () => {
    expect(spans('Poutine a dit à Macron que rien ne changerait.', 'person')).toEqual(['Poutine', 'Macron']);
    expect(spans('Poutine a dit à Macron que rien ne changerait.', 'place')).toEqual([]);
  });
});

describe('findCandidates: organisations', () => {
  it('finds acronyms and institutions with their article', () => {
    expect(spans("Le ministère des Affaires étrangères et le Conseil de sécurité de l'ONU ont réagi, a rapporté l'AFP.", 'organisation')).toEqual([
      'Le ministère des Affaires étrangères',
      "le Conseil de sécurité de l'ONU",
      'AFP',
    ]);
    expect(spans("Le Pentagone, la Maison-Blanche et l'Élysée se sont concertés avec l'OTAN.", 'organisation')).toEqual([
      'Le Pentagone',
      'la Maison-Blanche',
      "l'Élysée",
      'OTAN',
    ]);
  });
  it('takes capitals and countries that speak or act as governments', () => {
    expect(spans('Moscou a rejeté les propositions, Washington estime que Pékin se tait.', 'organisation')).toEqual([
      'Moscou',
      'Washington',
      'Pékin',
    ]);
    expect(spans('Kiev et ses alliés accusent la Russie.', 'organisation')).toEqual(['Kiev']);
    expect(spans('La France a salué la décision.', 'organisation')).toEqual(['La France']);
  });
  it('leaves out places that do not act, roman numerals and headlines in capitals', () => {
    expect(spans('Il est arrivé à Moscou, dans l’est de l’Ukraine.', 'organisation')).toEqual([]);
    expect(spans('Louis XIV a régné au XVIIe siècle.', 'organisation')).toEqual([]);
    expect(spans('UNE CIBLE PRIVILÉGIÉE DU PIRATE', 'organisation')).toEqual([]);
  });
});

describe('findCandidates: places', () => {
  it('finds places after prepositions, with the preposition', () => {
    expect(spans("Les secours sont arrivés à Lyon, puis dans l'est de l'Ukraine, au Mali et aux États-Unis.", 'place')).toEqual([
      'à Lyon',
      "dans l'est de l'Ukraine",
      'au Mali',
      'aux États-Unis',
    ]);
    expect(spans('Les manifestants ont défilé en Arabie saoudite et à New York.', 'place')).toEqual(['en Arabie saoudite', 'à New York']);
  });
  it('finds border and region phrases without a proper name', () => {
    expect(spans('Des blindés ont été vus près de la frontière et à la frontière ukrainienne.', 'place')).toEqual([
      'près de la frontière',
      'à la frontière ukrainienne',
    ]);
    expect(spans('Les combats ont repris dans la région de Donetsk.', 'place')).toEqual(['dans la région de Donetsk']);
  });
  it('takes countries without a preposition when they are not the subject', () => {
    expect(spans('Le séisme a frappé le sud de la Turquie.', 'place')).toEqual(['la Turquie']);
    // As the subject of a verb the country is an actor (an organisation candidate), not a place.
    expect(spans('La Turquie a fermé la route.', 'place')).toEqual([]);
    expect(spans('La Turquie a fermé la route.', 'organisation')).toEqual(['La Turquie']);
  });
  it('leaves out media, inhabitants and the verb "en est"', () => {
    expect(spans("Il s'en est félicité, a-t-il confié au Parisien.", 'place')).toEqual([]);
    expect(spans('Le maire a écrit aux Parisiens.', 'place')).toEqual([]);
  });
});

describe('findCandidates: reasons', () => {
  it('runs from the causal marker to the end of the clause', () => {
    expect(spans('Le vol a été annulé parce que le pilote était malade, car la météo était mauvaise.', 'reason')).toEqual([
      'parce que le pilote était malade',
      'car la météo était mauvaise',
    ]);
    expect(spans('Les écoles restent fermées en raison de la tempête, pour éviter tout accident.', 'reason')).toEqual([
      'en raison de la tempête',
      'pour éviter tout accident',
    ]);
    expect(spans('Le déploiement a fait craindre une invasion.', 'reason')).toEqual(['a fait craindre une invasion']);
    // A comma inside a number does not end the clause.
    expect(spans("Les prix ont baissé grâce à une aide de 8,5 millions.", 'reason')).toEqual(['grâce à une aide de 8,5 millions']);
  });
  it('does not take "car" inside words or the noun "car", nor "pour" before a noun', () => {
    expect(spans('Carole a pris le car pour la paix.', 'reason')).toEqual([]);
  });
});

describe('findCandidates: offsets and types', () => {
  it('returns offsets into the sentence, sorted, for every requested type', () => {
    const sentence = "Mardi 28 décembre, le porte-parole du Kremlin, Dmitri Peskov, a annoncé à Genève l'envoi de 3 000 soldats pour rassurer Minsk.";
    const all = findCandidates(sentence, ['date', 'quantity', 'duration', 'person', 'organisation', 'place', 'reason']);
    for (const c of all) expect(sentence.slice(c.start, c.end)).toBe(c.text);
    expect(all.map((c) => c.start)).toEqual([...all.map((c) => c.start)].sort((a, b) => a - b));
    expect(new Set(all.map((c) => c.type))).toEqual(new Set(['date', 'organisation', 'person', 'place', 'quantity', 'reason']));
  });
  it('keeps offsets right when the sentence holds ligatures or decomposed apostrophes', () => {
    const sentence = 'Le cœur du dossier : Anne Hidalgo s’est rendue à Lyon le 3 mai.';
    for (const c of findCandidates(sentence, ['person', 'place', 'date'])) expect(sentence.slice(c.start, c.end)).toBe(c.text);
    expect(spans(sentence, 'place')).toEqual(['à Lyon']);
  });
  it('returns nothing for an empty list of types', () => {
    expect(findCandidates('Le 10 janvier à Genève.', [])).toEqual([]);
  });
});

describe('candidateTypesFor', () => {
  it('lists the types that answer each kind, most wanted first', () => {
    const expected: Record<QuestionKind, readonly CandidateType[]> = {
      since: ['date', 'duration'],
      duration: ['duration', 'date'],
      when: ['date'],
      quantity: ['quantity'],
      withWhom: ['person', 'organisation', 'place'],
      who: ['person', 'organisation'],
      definition: [],
      where: ['place'],
      why: ['reason'],
      how: [],
      what: [],
      keywords: [],
    };
    for (const [kind, types] of Object.entries(expected)) expect(candidateTypesFor(kind as QuestionKind)).toEqual(types);
  });
});
