import { describe, expect, it } from 'vitest';
import { localTense } from '../../../src/core/timeline/localTense.js';

/** The status the verb nearest `mention` gives it, or `undefined` when no verb dates it. */
const statusOf = (sentence: string, mention: string): string | undefined => {
  const at = sentence.indexOf(mention);
  if (at < 0) throw new Error(`"${mention}" not in "${sentence}"`);
  return localTense(sentence, at, at + mention.length)?.status;
};

describe('localTense', () => {
  it('reads the verb next to the mention, not the sentence as a whole', () => {
    const s = "Les Etats-Unis et la Russie ont annoncé, mardi, s'être entendus sur des pourparlers qui débuteront lundi.";
    expect(statusOf(s, 'mardi')).toBe('done');
    expect(statusOf(s, 'lundi')).toBe('planned');
  });

  it('prefers the verb of the same clause over a nearer one across a conjunction', () => {
    const s = "Les données n'ont pas été actualisées par rapport à jeudi et ne seront mises à jour que lundi.";
    expect(statusOf(s, 'jeudi')).toBe('done');
    expect(statusOf(s, 'lundi')).toBe('planned');
  });

  it.each([
    ['Le sommet se tiendra jeudi à Bruxelles.', 'jeudi'],
    ["L'entretien prévu vendredi entre les deux présidents.", 'vendredi'],
    ['Le plan doit être présenté mardi par le Premier ministre.', 'mardi'],
    ['La réunion va se tenir lundi à Genève.', 'lundi'],
    ['La CGT appelle à un rassemblement jeudi devant le siège.', 'jeudi'],
    ['Les négociations seraient suivies le 12 janvier d’un rendez-vous.', 'le 12 janvier'],
  ])('planned: %s', (sentence, mention) => {
    expect(statusOf(sentence, mention)).toBe('planned');
  });

  it.each([
    ['Moscou a estimé jeudi que Washington ignorait ses exigences.', 'jeudi'],
    ['Pékin a pour sa part apporté jeudi son soutien à Moscou.', 'jeudi'],
    ['Le suspect, qui s’est rendu samedi au commissariat, a été placé en garde à vue.', 'samedi'],
    ['Mercredi, la Maison-Blanche a dit s’attendre à une attaque.', 'Mercredi'],
    ['Les forces russes auraient rassemblé lundi des milliers de soldats.', 'lundi'],
  ])('done: %s', (sentence, mention) => {
    expect(statusOf(sentence, mention)).toBe('done');
  });

  it('finds no verb where there is none, and ignores names and nouns that look like verbs', () => {
    expect(statusOf('Conférence de presse vendredi à Paris.', 'vendredi')).toBeUndefined();
    // "Mounira" ends like a future, "légitimité" like a participle: neither is a verb
    expect(statusOf("Mounira, aujourd'hui âgée de 60 ans, va mieux.", "aujourd'hui")).toBeUndefined();
    expect(statusOf("Il n'a aucune légitimité aujourd'hui pour parler.", "aujourd'hui")).toBeUndefined();
  });
});
