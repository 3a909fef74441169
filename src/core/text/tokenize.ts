/** A word as written in the text, with its position, before any normalisation. */
export interface WordToken {
  /** The word itself, elided particle removed (`l’OTAN` → `OTAN`), numbers without thousands separators. */
  readonly text: string;
  /** Offsets into the analysed string: `source.slice(start, end)` is the word as written. */
  readonly start: number;
  readonly end: number;
}

/**
 * A number whose thousands are separated by a space, a no-break space (U+00A0), a narrow no-break space (U+202F) or
 * a dot (`100 000`, `100 000`, `3.076`), with an optional decimal part; or a plain number (`2014`, `8,5`).
 * Tried before words so that `100 000` stays one term instead of `100` and `000`.
 */
const NUMBER = String.raw`(?<![\p{L}\p{N}])\p{N}{1,3}(?:[ \u00A0\u202F.]\p{N}{3})+(?:,\p{N}+)?(?![\p{L}\p{N}])|\p{N}+(?:[.,]\p{N}+)?`;
/** Letters and digits, possibly joined by apostrophes (`l’OTAN`, `aujourd'hui`). Hyphens split words. */
const WORD = String.raw`[\p{L}\p{M}\p{N}]+(?:['’ʼ‘´][\p{L}\p{M}\p{N}]+)*`;
const TOKEN_RE = new RegExp(`${NUMBER}|${WORD}`, 'gu');
const APOSTROPHE_RE = /['’ʼ‘´]/u;
const THOUSANDS_SEPARATOR_RE = /[ \u00A0\u202F.](?=\p{N}{3}(?!\p{N}))/gu;

/**
 * French elided particles: `l’`, `d’`, `qu’`, `jusqu’`… They carry no meaning for search and, left attached,
 * would make `l’OTAN` a different word from `OTAN`.
 */
const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu']);

/**
 * Splits text into words with their offsets. Handles elisions, apostrophe variants (’ ' ʼ ‘ ´), hyphenated names
 * (`Maison-Blanche` → `Maison`, `Blanche`) and numbers written with thousands separators. Offsets point into the
 * original string so that matched words can be highlighted in the text shown to users.
 */
export function tokenize(source: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of source.matchAll(TOKEN_RE)) {
    let text = match[0];
    let start = match.index;
    const end = start + text.length;
    if (APOSTROPHE_RE.test(text)) {
      // Strip leading elided particles (`qu’l’…` is rare, but loop anyway), then join what remains:
      // `aujourd’hui` is one word.
      let parts = text.split(APOSTROPHE_RE);
      while (parts.length > 1 && ELISIONS.has((parts[0] ?? '').toLowerCase())) {
        start += (parts[0] ?? '').length + 1;
        parts = parts.slice(1);
      }
      text = parts.join('');
    } else if (/^\p{N}/u.test(text)) {
      text = text.replace(THOUSANDS_SEPARATOR_RE, '');
    }
    tokens.push({ text, start, end });
  }
  return tokens;
}
