const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Letters that NFD does not decompose but that French writers (and typists) treat as two letters. */
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };
const LIGATURE_RE = /[œŒæÆß]/g;

/**
 * Lower-cases and removes diacritics: `Sécurité` → `securite`, `cœur` → `coeur`. Users often type French without
 * accents, so both documents and queries go through this before stemming (folding first lets the stemmer see one
 * spelling; see docs in CONTRIBUTING).
 */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c)
    .toLowerCase();
}
