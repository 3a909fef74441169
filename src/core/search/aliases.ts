import { analyzeTerms } from '../text/analyze.js';

/**
 * Other names of the same thing that French news uses interchangeably: acronyms across languages and capitals
 * standing for their governments ("Pékin a apporté son soutien" = la Chine). Kept small on purpose: broad synonym
 * lists add more noise than recall (see the notes on retrieval). Written as plain words and analysed like any
 * query, so the table never drifts from the index's terms.
 */
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['NATO', 'OTAN'],
  ['USA', 'États-Unis'],
  ['ONU', 'Nations unies'],
  ['UE', 'Union européenne'],
  ['Chine', 'Pékin'],
  ['Japon', 'Tokyo'],
  ['Royaume-Uni', 'Londres'],
  ['Allemagne', 'Berlin'],
  ['Iran', 'Téhéran'],
  ['Corée du Nord', 'Pyongyang'],
  ['Turquie', 'Ankara'],
  ['Syrie', 'Damas'],
];

/**
 * Nouns that news reports use interchangeably for the same event or actor ("les discussions" in one article are
 * "les consultations" or "les pourparlers" in another). General French news vocabulary, in small classes: each word
 * of a class is an alias of the others.
 */
const NEAR_SYNONYMS: ReadonlyArray<readonly string[]> = [
  ['discussions', 'pourparlers', 'négociations', 'consultations', 'tractations'],
  ['réunion', 'rencontre', 'sommet'],
  ['soldats', 'militaires', 'troupes'],
  ['attaque', 'offensive', 'assaut'],
  ['accord', 'traité'],
  ['guerre', 'conflit'],
  ['élection', 'scrutin'],
  ['hausse', 'augmentation'],
  ['baisse', 'diminution'],
];

/** Analysed term → the analysed terms of its aliases (each alias is a list of terms, all required to count). */
const TABLE: ReadonlyMap<string, readonly string[]> = (() => {
  const table = new Map<string, string[]>();
  const add = (from: string, to: string): void => {
    const [key, ...rest] = analyzeTerms(from);
    if (key === undefined || rest.length > 0) return; // only single-term keys: "corée du nord" is matched via its alias
    table.set(key, [...(table.get(key) ?? []), ...analyzeTerms(to)]);
  };
  for (const [a, b] of ALIASES) {
    add(a, b);
    add(b, a);
  }
  for (const words of NEAR_SYNONYMS) {
    for (const a of words) for (const b of words) if (a !== b) add(a, b);
  }
  return table;
})();

/** The alias terms of an analysed query term, or none. */
export function aliasesOf(term: string): readonly string[] {
  return TABLE.get(term) ?? [];
}
