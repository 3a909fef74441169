import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuestionKind } from '../../../src/core/answer/classifyQuestion.js';
import { classifyQuestion } from '../../../src/core/answer/classifyQuestion.js';

const kindOf = (q: string): QuestionKind => classifyQuestion(q).kind;

/** Runs a table of [question, expected kind]; each row says which rule it exercises. */
function table(rows: readonly (readonly [string, QuestionKind])[]): void {
  for (const [question, kind] of rows) {
    it(`${question} → ${kind}`, () => {
      expect(kindOf(question)).toBe(kind);
    });
  }
}

describe('classifyQuestion: French interrogatives', () => {
  describe('since: "depuis quand", "depuis combien de temps"', () => {
    table([
      ['Depuis quand la grève dure-t-elle ?', 'since'],
      ['Depuis combien de temps Paris prépare-t-il les Jeux ?', 'since'],
      ['depuis quand le pont est fermé', 'since'],
      // "Il y a combien de temps que…" asks since when, not how long something lasted.
      ["Il y a combien de temps que le pont s'est effondré ?", 'since'],
      // Negative: plain "quand" is a point in time, not a start.
      ['Quand la grève a-t-elle commencé ?', 'when'],
    ]);
  });

  describe('duration: "combien de temps", "pendant combien", "quelle durée"', () => {
    table([
      ['Combien de temps a duré le confinement ?', 'duration'],
      ['Pendant combien de jours le musée sera-t-il fermé ?', 'duration'],
      ['Combien de jours a duré la grève ?', 'duration'],
      ['Quelle est la durée du mandat ?', 'duration'],
      // Negative: "combien de personnes" counts things, it is not a length of time.
      ['Combien de personnes ont manifesté ?', 'quantity'],
    ]);
  });

  describe('when: "quand", "quel jour", "en quelle année", "à quelle date", "à quel moment"', () => {
    table([
      ['Quand a eu lieu le séisme ?', 'when'],
      ['Quel jour la réforme entre-t-elle en vigueur ?', 'when'],
      ['En quelle année le mur de Berlin est-il tombé ?', 'when'],
      ['À quelle date aura lieu le scrutin ?', 'when'],
      ['A quel moment le suspect a-t-il été arrêté ?', 'when'],
      ["Jusqu'à quand le couvre-feu est-il prolongé ?", 'when'],
      ['Quelle est la date du prochain sommet ?', 'when'],
      // Without a question mark a question word still decides.
      ['quand commence le festival', 'when'],
      // The interrogative word may come last in spoken French.
      ['Le concert a lieu quand ?', 'when'],
      // Inversion with a subject before the verb.
      ["Quand la mairie s'attend-elle à rouvrir la piscine ?", 'when'],
    ]);
  });

  describe('quantity: "combien", "quel montant", "quel nombre"', () => {
    table([
      ['Combien de soldats ont été déployés ?', 'quantity'],
      ['Combien coûte le billet ?', 'quantity'],
      ["Quel est le montant de l'amende ?", 'quantity'],
      ['Quel est le nombre de victimes ?', 'quantity'],
      ['Quel pourcentage des électeurs a voté ?', 'quantity'],
    ]);
  });

  describe('withWhom: "avec qui", "avec quels pays"', () => {
    table([
      ['Avec qui le président a-t-il dîné ?', 'withWhom'],
      ["Avec quels pays la France a-t-elle signé l'accord ?", 'withWhom'],
      ['Il a parlé avec qui ?', 'withWhom'],
      // Negative: "avec quoi" asks for a thing.
      ['Avec quoi le suspect a-t-il frappé la victime ?', 'what'],
    ]);
  });

  describe('who: "qui", "par qui", "quel ministre", "comment s\'appelle"', () => {
    table([
      ["Qui a remporté l'élection ?", 'who'],
      ['Par qui le texte a-t-il été rédigé ?', 'who'],
      ['Quel ministre a annoncé la mesure ?', 'who'],
      ['Quelle entreprise a racheté le club ?', 'who'],
      // The answer to "comment s'appelle" is a name, not a manner.
      ["Comment s'appelle le nouveau Premier ministre ?", 'who'],
      // "Qui est" + adjective or participle is not a noun phrase: no definition to give.
      ["Qui est responsable de l'incendie ?", 'who'],
      ['Qui est arrivé en tête ?', 'who'],
      ["Qui est derrière l'attaque ?", 'who'],
    ]);
  });

  describe('"Qui est X ?": a role asks for a name (who), a name or a noun phrase asks for a definition', () => {
    it('a determiner + role noun is who, with the role as subject for the apposition search', () => {
      expect(classifyQuestion('Qui est le porte-parole du Kremlin ?')).toEqual({
        kind: 'who',
        language: 'fr',
        subject: 'le porte-parole du Kremlin',
      });
      expect(classifyQuestion('Qui est le nouveau maire de Lyon ?')).toMatchObject({ kind: 'who', subject: 'le nouveau maire de Lyon' });
    });
    it('a proper name is a definition, subject as written', () => {
      expect(classifyQuestion('Qui est Dmitri Peskov ?')).toEqual({ kind: 'definition', language: 'fr', subject: 'Dmitri Peskov' });
      expect(classifyQuestion('Qui est Joe Biden ?')).toMatchObject({ kind: 'definition', language: 'fr' });
    });
    it('a noun phrase without a role is a definition', () => {
      expect(classifyQuestion('Qui sont les Houthis ?')).toMatchObject({ kind: 'definition', subject: 'les Houthis' });
    });
    it('stops the subject at an apposition, which already is the answer', () => {
      expect(classifyQuestion('Qui est Laurent Dupont, le nouveau préfet du Gard ?')).toMatchObject({
        kind: 'definition',
        subject: 'Laurent Dupont',
      });
      expect(classifyQuestion('Qui sont les conjoint(e)s des candidats ?').subject).toBe('les conjoint(e)s des candidats');
    });
    it('a relative clause asks to identify someone, not to define them', () => {
      expect(classifyQuestion("Qui est l'homme qui a tiré ?").kind).toBe('who');
    });
  });

  describe('definition: "Qu\'est-ce que X", "C\'est quoi X", "Que veut dire X"', () => {
    it('accepts noun phrases and keeps them as written', () => {
      expect(classifyQuestion("Qu'est-ce que l'OSCE ?")).toMatchObject({ kind: 'definition', subject: "l'OSCE" });
      expect(classifyQuestion("Qu’est-ce que l’OSCE ?")).toMatchObject({ kind: 'definition', subject: 'l’OSCE' });
      expect(classifyQuestion("C'est quoi le RSA ?")).toMatchObject({ kind: 'definition', subject: 'le RSA' });
      expect(classifyQuestion("Le format Normandie, c'est quoi ?")).toMatchObject({ kind: 'definition', subject: 'Le format Normandie' });
      expect(classifyQuestion('Que veut dire laïcité ?')).toMatchObject({ kind: 'definition', subject: 'laïcité' });
    });
    it('a clause after "Qu\'est-ce que" is an ordinary question', () => {
      expect(kindOf("Qu'est-ce que la police a trouvé chez lui ?")).toBe('what');
      expect(kindOf("Qu'est-ce que Moscou envisage ?")).toBe('what');
      expect(kindOf("Qu'est-ce que le gouvernement prévoit ?")).toBe('what');
      expect(classifyQuestion("Qu'est-ce que la police a trouvé ?").subject).toBeUndefined();
    });
  });

  describe('where: "où" (also typed "ou"), "dans quelle ville", "quel pays"', () => {
    table([
      ['Où se tiendra le sommet ?', 'where'],
      // "où" typed without its accent at the start of a question is still "where".
      ['ou se tiennent les JO', 'where'],
      ['Ou auront lieu les épreuves ?', 'where'],
      ["D'où vient le virus ?", 'where'],
      ['Dans quelle ville le festival a-t-il lieu ?', 'where'],
      ['Quel pays accueillera la COP ?', 'where'],
      ['De quelle région vient ce fromage ?', 'where'],
      ['Le sommet a lieu où ?', 'where'],
      ["Peux-tu me dire où se trouve le siège de l'ONU ?", 'where'],
      // "Où en est…" asks how things stand.
      ["Où en est l'enquête sur l'incendie ?", 'what'],
      // Negative: "ou" inside a question is "or".
      ['Les pourparlers auront lieu à Genève ou à Vienne ?', 'what'],
    ]);
  });

  describe('why: "pourquoi", "pour quelle raison", "dans quel but"', () => {
    table([
      ['Pourquoi les agriculteurs manifestent-ils ?', 'why'],
      ['Pour quelle raison le vol a-t-il été annulé ?', 'why'],
      ['Quelles sont les raisons de la grève ?', 'why'],
      ['Comment expliquer la hausse des prix ?', 'why'],
      ['Dans quel but la loi a-t-elle été votée ?', 'why'],
      ["Qu'est-ce qui explique la pénurie ?", 'why'],
      ['Et pourquoi Moscou refuse-t-il ?', 'why'],
    ]);
  });

  describe('how: "comment", "de quelle manière"', () => {
    table([
      ['Comment le virus se transmet-il ?', 'how'],
      ['De quelle manière les votes sont-ils comptés ?', 'how'],
      ['Par quel moyen les fraudeurs ont-ils agi ?', 'how'],
    ]);
  });

  describe('what: "que", "quoi", "quel(le)(s)", yes/no questions', () => {
    table([
      ['Que contient le projet de loi ?', 'what'],
      ["Qu'a dit le ministre ?", 'what'],
      ["Quelle est la position de l'Allemagne ?", 'what'],
      ['Quels sont les effets secondaires ?', 'what'],
      ["Sur quoi porte l'enquête ?", 'what'],
      ['Est-ce que le musée est ouvert ?', 'what'],
      ['La réforme des retraites ?', 'what'],
    ]);
  });

  describe('keywords: no question word and no question mark', () => {
    table([
      ['réforme retraites sénat', 'keywords'],
      ['greve sncf decembre', 'keywords'],
      // Negative: the question mark makes it a question.
      ['grève SNCF ?', 'what'],
    ]);
  });
});

describe('classifyQuestion: headline-style questions, the question after a colon', () => {
  table([
    ['Remaniement : qui sont les nouveaux ministres ?', 'who'],
    ['Réforme des retraites : qui fera grève le 5 décembre ?', 'who'],
    ['Prélèvement à la source : comment choisir son taux ?', 'how'],
    ['Grève à la SNCF : pourquoi pas de service minimum ?', 'why'],
    // Negative: a colon without an interrogative after it.
    ['Incendie de l’usine : les origines du feu identifiées ?', 'what'],
  ]);
});

describe('classifyQuestion: English questions', () => {
  const en = (q: string): { kind: QuestionKind; language: string; subject?: string } => classifyQuestion(q);
  table([
    ['When did the Berlin Wall fall?', 'when'],
    ['What year did Russia annex Crimea?', 'when'],
    ['On which day was the treaty signed?', 'when'],
    ['Since when has the strike been going on?', 'since'],
    ['How long did the lockdown last?', 'duration'],
    ['How many people died in the earthquake?', 'quantity'],
    ['How much does the ticket cost?', 'quantity'],
    ['Who won the election?', 'who'],
    ['Who will Russia negotiate with?', 'withWhom'],
    ['With whom did the president meet?', 'withWhom'],
    ['Where will the summit take place?', 'where'],
    ['Which country hosts the COP?', 'where'],
    ['Why are farmers protesting?', 'why'],
    ['How does the virus spread?', 'how'],
    ['What did the minister say?', 'what'],
    ['What is the position of China?', 'what'],
    ['Did Russia invade Ukraine?', 'what'],
    ['russia troops border', 'keywords'],
  ]);
  it('marks English questions as English and French ones as French', () => {
    expect(en('Who won the election?').language).toBe('en');
    expect(en('russia troops border').language).toBe('en');
    expect(en('Qui a gagné les élections ?').language).toBe('fr');
    expect(en('negociations separees osce securite').language).toBe('fr');
  });
  it('"Who is <name>?" and "What is <name>?" are definitions; "Who is the <role>?" asks for a name', () => {
    expect(en('Who is Jens Stoltenberg?')).toEqual({ kind: 'definition', language: 'en', subject: 'Jens Stoltenberg' });
    expect(en('What is NATO?')).toMatchObject({ kind: 'definition', subject: 'NATO' });
    expect(en('Who is the Kremlin spokesman?')).toMatchObject({ kind: 'who', subject: 'the Kremlin spokesman' });
    // A possessive names a role or a property, not something to define.
    expect(en("Who is NATO's secretary general?")).toMatchObject({ kind: 'who', subject: "NATO's secretary general" });
    expect(en("What is China's position?").kind).toBe('what');
  });
});

describe('classifyQuestion on the development set', () => {
  interface DevQuestion {
    readonly id: string;
    readonly question: string;
    readonly type: string;
  }
  const devset = JSON.parse(readFileSync(new URL('../../fixtures/devset.json', import.meta.url), 'utf8')) as {
    questions: DevQuestion[];
  };
  /** The dev set's coarse French types and the kinds that refine them. */
  const allowed: Readonly<Record<string, readonly QuestionKind[]>> = {
    quand: ['when', 'since'],
    combien: ['quantity', 'duration'],
    qui: ['who', 'definition', 'withWhom'],
    où: ['where'],
    pourquoi: ['why'],
    que: ['what'],
    keywords: ['keywords'],
  };
  it('has questions of every type', () => {
    expect(devset.questions.length).toBeGreaterThan(20);
    expect(new Set(devset.questions.map((q) => q.type))).toEqual(new Set(Object.keys(allowed)));
  });
  for (const q of devset.questions) {
    it(`${q.id} (${q.type}): ${q.question}`, () => {
      const info = classifyQuestion(q.question);
      expect(allowed[q.type]).toContain(info.kind);
      expect(info.language).toBe('fr');
    });
  }
});
