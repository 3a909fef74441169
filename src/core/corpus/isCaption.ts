/**
 * Photo captions and credits that scraped articles keep among their paragraphs: "(Photo par … via Getty Images)",
 * "(UKRAINIAN BOARD GUARD PRESS OFF / AP)", "Crédit photo : …", "Le président russe. © AFP". They are not prose:
 * a summary, an answer or a title built from them reads as nonsense.
 */

/** Press and photo agencies that appear in credits. Only a *credit-shaped* mention counts (see below). */
const AGENCIES = [
  'AFP', 'AP', 'Reuters', 'EPA', 'ANP', 'DPA', 'ANSA', 'EFE', 'Belga', 'Sipa', 'SIPA', 'Maxppp', 'MAXPPP', 'Abaca',
  'ABACA', 'Getty Images', 'Getty', 'Xinhua', 'TASS', 'Tass', 'Anadolu', 'POOL', 'Pool', 'Shutterstock', 'iStock',
  'Hans Lucas', 'Leemage', 'Bridgeman', 'Wikimedia Commons', 'Wikimedia', 'Unsplash', 'Pixabay', 'Starface',
  'Bestimage', 'KCNA', 'Kyodo', 'Yonhap', 'IMAGO', 'Imago', 'Alamy', 'Panoramic', 'Icon Sport', 'Photo12',
];
const AGENCY = `(?:${AGENCIES.map((a) => a.replace(/ /g, '\\s+')).join('|')})`;

/** Words that open a credit: "Photo : …", "Crédit photo : …", "(Photo par …)", "Illustration : …". */
const CREDIT_OPENER = new RegExp(
  [
    "^[([]?\\s*(?:©|\\(c\\)\\s|copyright\\b",
    "|cr[ée]dits?\\s*(?:photos?|images?|vid[ée]os?)?\\s*[:/-]",
    "|(?:photos?|images?|illustrations?|infographie|capture\\s+d['’][ée]cran)(?:\\s+d['’]illustration)?",
    "\\s*(?:[:/©]|par\\b|by\\b|(?=\\s*[)\\]]?$))",
    "|source\\s+(?:photo|image)\\s*:|photo\\s+(?:afp|ap|reuters|d['’]archives?)\\b)",
  ].join(''),
  'iu',
);

/** `NAME / AFP`, `AFP / NAME`, `AFP PHOTO / …`, `… via Getty Images`, `© …` anywhere in a credit. */
const CREDIT_MARK = new RegExp(
  `©|\\bvia\\s+Getty\\b|Getty\\s+Images|/\\s*${AGENCY}(?![\\p{L}-])` +
    `|(?<![\\p{L}])${AGENCY}\\s*(?:PHOTO\\s*)?/|(?<![\\p{L}])AFP\\s+PHOTO\\b`,
  'u',
);
/**
 * "PHOTOS : les plus belles images du salon", "VIDÉO. Le maire…": a rubric opening a headline, not a credit (a
 * credit names someone: "PHOTO : AFP").
 */
const HEADLINE_RUBRIC = /^(?:PHOTOS?|VID[ÉE]OS?|IMAGES?|INFOGRAPHIE|DIAPORAMA)\s*[:.\-–—]\s*["«“]?\s*\p{Ll}/u;

/**
 * A bare agency name, e.g. `(AFP)`: a credit only after a very short description that ends with a full stop
 * ("Le Kremlin, à Moscou. (AFP)"); after a headline ("Grèce : heurts à Lesbos (AFP)") it names the source.
 */
const BARE_AGENCY = new RegExp(`^${AGENCY}$`, 'u');

/** A trailing credit in parentheses or brackets: "… Poutine. (Photo par … via Getty Images)". */
const TRAILING_BRACKETED = /[([]([^()[\]]+)[)\]]\s*$/u;
/** A trailing credit after a full stop or a dash: "… le 5 décembre. AFP / Thomas Samson", "… - Crédit : Volvo". */
const TRAILING_LOOSE = /(?:[.!?…»"”]\s*|\s[-–—|]\s*)([^.!?…]+)$/u;

/** Longer than this, a text is prose (a caption is a line or two): checked first, it also keeps the regexes cheap. */
const MAX_CAPTION_LENGTH = 400;
/** A credit is a name or two and an agency. */
const MAX_CREDIT = 160;
/** Descriptions longer than this are prose followed by a credit, not a caption. */
const MAX_DESCRIPTION = 220;
/** A bare "(AFP)" ends a caption only after a description this short (else it is a source line of prose). */
const MAX_DESCRIPTION_BARE = 120;

/**
 * Whether a paragraph or sentence is a photo caption or credit rather than prose, so that titles, summaries and
 * answers skip it. A short description followed by a credit counts as a caption; a sentence that merely mentions an
 * agency ("…, a déclaré à l'AFP un porte-parole.") does not.
 */
export function isCaption(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > MAX_CAPTION_LENGTH || HEADLINE_RUBRIC.test(t)) return false;
  const close = /^[([]/u.test(t) ? firstBracketEnd(t) : -1;
  if (close > 0 && close < t.length - 1) {
    // "(Crédit photo : … / AFP) Il ne dit rien…": a credit glued before prose; the prose decides
    const rest = t.slice(close + 1).trim();
    if (/\p{L}{2}/u.test(rest) && !isCaption(rest)) return false;
  }
  if (CREDIT_OPENER.test(t)) return true;
  if (isWhollyBracketed(t)) {
    const inner = t.slice(1, -1).trim();
    return isCredit(inner) || CREDIT_OPENER.test(inner) || isShoutedCredit(inner);
  }
  return endsWithCredit(t);
}

/** A short description followed by a credit, in brackets or after a full stop or a dash. */
function endsWithCredit(t: string): boolean {
  for (const bracketed of [true, false]) {
    const m = (bracketed ? TRAILING_BRACKETED : TRAILING_LOOSE).exec(t);
    if (!m) continue;
    const credit = (m[1] as string).trim();
    // the description keeps its final punctuation: "Le Kremlin, à Moscou." before "(AFP)"
    const description = t.slice(0, m.index + (bracketed ? 0 : (/^[.!?…»"”]+/u.exec(m[0])?.[0].length ?? 0))).trim();
    if (!/\p{L}/u.test(description)) continue;
    const strong = isCredit(credit) || CREDIT_OPENER.test(credit) || (bracketed && isShoutedCredit(credit));
    if (strong && description.length <= MAX_DESCRIPTION) return true;
    const bare = bracketed && BARE_AGENCY.test(credit);
    if (bare && description.length <= MAX_DESCRIPTION_BARE && /[.!?…]$/u.test(description)) return true;
  }
  return false;
}

/** "(a) … (b)" is two brackets, not one: the text is wholly bracketed only if its first bracket closes at the end. */
function isWhollyBracketed(t: string): boolean {
  return /^[([]/u.test(t) && firstBracketEnd(t) === t.length - 1;
}

/** Index of the bracket that closes the one opening `t`, or -1 when it never closes. */
function firstBracketEnd(t: string): number {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** A credit mark (©, "/ AFP", "via Getty Images") in a short run of text. */
function isCredit(text: string): boolean {
  return text.length <= MAX_CREDIT && CREDIT_MARK.test(text);
}

/**
 * Capitals around a slash, as agencies write credits: "UKRAINIAN BOARD GUARD PRESS OFF / AP", "JOHN THYS / BELGA".
 * Without the slash, "(ONU, OCDE, FMI...)" is a list of acronyms in prose.
 */
function isShoutedCredit(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 4 || text.length > MAX_CREDIT) return false;
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
  return words >= 2 && upper / letters.length >= 0.8 && text.includes('/');
}
