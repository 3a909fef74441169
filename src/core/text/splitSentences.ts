/**
 * French sentence splitting: `Intl.Segmenter` plus the repairs it needs on news text (see the shared notes,
 * "Sentences"). Intl alone breaks after abbreviations (M., Dr.), initials (J. Biden), inside « … » quotations and
 * before a closing `»` written with the French space; it also misses sentences glued without a space after the full
 * stop ("domestique.Consternant"), which are common in scraped archives.
 */

export interface Sentence {
  readonly text: string;
  /** Offset of the first character in the paragraph. */
  readonly start: number;
  /** Offset just after the last character: `paragraph.slice(start, end) === text`. */
  readonly end: number;
}

/** Created once: building a segmenter loads ICU data, and this runs on every paragraph of the archive. */
const SEGMENTER = new Intl.Segmenter('fr', { granularity: 'sentence' });
/** Intl is run on windows of this many characters (see `addIntlCuts`)… */
const SEGMENT_WINDOW = 4000;
/** …keeping only the boundaries at least this far from a window's end. */
const SEGMENT_MARGIN = 200;
const TOKEN_REACH = 200;

/** Abbreviations written with a capital; matched case-sensitively so that the noun `me` or `st` never counts. */
const TITLE_ABBREVIATIONS = new Set([
  'M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Mgr', 'Me', 'Dr', 'Drs', 'Pr', 'Prof', 'St', 'Ste', 'Sts', 'Stes',
  'Cie', 'Gén', 'Gal', 'Col', 'Cdt', 'Cne', 'Lt', 'Sgt', 'Jr', 'Sr', 'Mr', 'Mrs', 'Ms', 'No', 'N°', 'Vve',
  // initials of first names written with two letters (Ph. Martin, Ch. de Gaulle)
  'Ph', 'Ch', 'Th',
]);

/**
 * Lower-case abbreviations, matched case-insensitively. `etc.` is deliberately absent: followed by a capital it
 * ends the sentence in almost every case measured on 33,688 French news articles (followed by a lower-case word it
 * is merged anyway). `min.`/`max.` are absent too, since "en 5 min." often ends a sentence.
 */
const LOWER_ABBREVIATIONS = new Set([
  'av', 'apr', 'cf', 'ex', 'env', 'p', 'pp', 'vol', 'chap', 'art', 'al', 'bd', 'boul', 'fig', 'éd', 'coll',
  'tél', 'réf', 'n°', 'no', 'vs', 'approx', 'hab', 'dép', 'resp', 'cit', 'op',
  // months, as in "le 3 oct. 1990"
  'janv', 'févr', 'fév', 'avr', 'juil', 'sept', 'oct', 'nov', 'déc',
]);

/**
 * Words that open a French sentence. After a single capital followed by a full stop ("le RER A. La préfecture…",
 * "38°C. Le mercure…") such a word means the letter ended the sentence; any other capitalised word is taken to be
 * a name after an initial ("J. Biden").
 */
const SENTENCE_OPENERS = new Set([
  'le', 'la', 'les', "l'", 'un', 'une', 'des', 'du', 'de', "d'", 'il', 'ils', 'elle', 'elles', 'on', 'nous',
  'vous', 'je', "j'", 'ce', 'cet', 'cette', 'ces', "c'", 'ça', 'cela', 'ceci', 'mais', 'et', 'ou', 'donc', 'or',
  'car', 'ni', 'en', 'au', 'aux', 'à', 'dans', 'pour', 'par', 'sur', 'sous', 'selon', 'depuis', 'pendant',
  'avant', 'après', 'alors', 'lors', 'lorsque', "lorsqu'", 'quand', 'si', "s'", 'comme', 'quant', 'plus',
  'moins', 'toutefois', 'cependant', 'pourtant', 'ainsi', 'enfin', 'puis', 'ensuite', 'aussi', 'mon', 'ma',
  'mes', 'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos', 'votre', 'vos', 'qui', 'que', "qu'", 'quel',
  'quelle', 'quels', 'quelles', 'tout', 'tous', 'toute', 'toutes', 'certains', 'certaines', 'plusieurs',
  'chaque', 'aucun', 'aucune', 'parmi', 'entre', 'outre', 'malgré', 'face', 'grâce', 'sans', 'avec', 'contre',
  'y', 'voici', 'voilà', 'là', 'ici', 'aujourd', 'hier', 'demain', 'désormais', 'déjà', 'encore', 'même',
]);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LOWER_START = /^\p{Ll}/u;
/** A piece that continues the sentence before it: `, a-t-il dit`, `; puis`, `) et`. */
const CONTINUATION_START = /^[,;:)\]]/u;
const SPACE = /\s/u;

/**
 * A full stop, `!`, `?` or ellipsis glued to the next sentence ("domestique.Consternant", "l'AFP.Le",
 * `a-t-il dit."Nous`). The next sentence must start with a capitalised word, so numbers (3.076), decimals and
 * lower-case domains never match; what precedes is checked in code.
 */
const GLUED_STOP = /[.!?…]+(?=["“«]?\p{Lu}(?:[\p{Ll}'’\s]|$))/gu;
/**
 * A full stop followed by a number: Intl never breaks there, yet "à seulement 23 ans. 10 ans plus tard…" starts a
 * sentence. What precedes is checked like a glued stop (not after "p.", "art.", "oct.", an initial…).
 */
const STOP_BEFORE_NUMBER = /(?<!\.)[.!?](?=\s+\d)/gu;
/** An ellipsis followed by a capitalised word: Intl misses "… Vous avez" with the `…` character. */
const ELLIPSIS_STOP = /(?:…|\.{3})(?=\s+["“«]?\p{Lu}\p{Ll})/gu;

/**
 * Splits a paragraph into sentences with their offsets, so that callers (answers, summaries) can quote a sentence
 * verbatim and point at where it is. Never returns an empty sentence; whitespace between sentences belongs to none.
 */
export function splitSentences(paragraph: string): Sentence[] {
  const cuts = candidateCuts(paragraph);
  const scan = new OpennessScan(paragraph);
  const sentences: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < cuts.length; i++) {
    const raw = cuts[i] as number;
    if (raw <= start) continue;
    const cut = glueClosers(paragraph, scan, raw);
    let j = i + 1;
    while (j < cuts.length && (cuts[j] as number) <= cut) j++;
    const rest = paragraph.slice(cut, cuts[j] ?? paragraph.length).trim();
    // the closers took the whole next piece: the sentence simply goes on
    if (rest === '') continue;
    if (shouldMerge(paragraph, scan, start, cut, rest)) continue;
    pushTrimmed(sentences, paragraph, start, cut);
    start = cut;
    scan.reset(cut);
  }
  pushTrimmed(sentences, paragraph, start, paragraph.length);
  return mergeSymbolOnly(sentences, paragraph);
}

/** Intl's boundaries plus glued full stops, stops before a number and ellipses before a capital; sorted, unique. */
function candidateCuts(paragraph: string): number[] {
  const cuts = new Set<number>();
  addIntlCuts(paragraph, cuts);
  for (const m of paragraph.matchAll(GLUED_STOP)) {
    const end = m.index + m[0].length;
    if (isGluedBoundary(paragraph, m.index, end)) cuts.add(end);
  }
  for (const m of paragraph.matchAll(STOP_BEFORE_NUMBER)) {
    const end = m.index + m[0].length;
    if (isGluedBoundary(paragraph, m.index, end)) cuts.add(end);
  }
  for (const m of paragraph.matchAll(ELLIPSIS_STOP)) cuts.add(m.index + m[0].length);
  return [...cuts].sort((a, b) => a - b);
}

/**
 * Intl's sentence boundaries, found window by window: iterating the segments of one long string costs time in
 * proportion to its length at every step (16,000 sentences take over a second, a 5 MiB paragraph minutes). A
 * boundary close to a window's end may depend on what follows, so only those before SEGMENT_MARGIN are kept and the
 * next window starts at the last of them.
 */
function addIntlCuts(paragraph: string, cuts: Set<number>): void {
  let pos = 0;
  while (pos < paragraph.length) {
    const end = Math.min(paragraph.length, pos + SEGMENT_WINDOW);
    const last = end === paragraph.length;
    const limit = last ? Infinity : end - pos - SEGMENT_MARGIN;
    let next = pos;
    for (const seg of SEGMENTER.segment(paragraph.slice(pos, end))) {
      if (seg.index === 0) continue;
      if (seg.index > limit) break;
      cuts.add(pos + seg.index);
      next = pos + seg.index;
    }
    if (last) return;
    // one sentence longer than the window: go on from its middle (Intl never cuts at a window's start)
    pos = next > pos ? next : end - SEGMENT_MARGIN;
  }
}

/**
 * Whether `stop` (the punctuation at [from, to)) glued to a capital ends a sentence: not inside a URL or e-mail,
 * not after an abbreviation (M.Zarif), an initial or a dotted acronym (U.S.A.).
 */
function isGluedBoundary(paragraph: string, from: number, to: number): boolean {
  if (from === 0) return false;
  const before = paragraph[from - 1] as string;
  if (!/[\p{L}\p{N})»"”’%°]/u.test(before)) return false;
  const token = tokenAround(paragraph, from, to);
  if (/@|:\/\/|www\./iu.test(token)) return false;
  if (/\p{L}/u.test(before)) {
    const word = /[\p{L}°]+$/u.exec(paragraph.slice(Math.max(0, from - 40), from))?.[0] ?? '';
    if ([...word].length < 2) return false; // initial or acronym letter: J.Biden, U.S.A.
    if (isAbbreviation(word)) return false;
  }
  return true;
}

/**
 * The whitespace-delimited run of characters that contains [from, to), at most TOKEN_REACH characters either side
 * (enough for URLs and e-mail addresses, and a text without spaces stays linear).
 */
function tokenAround(text: string, from: number, to: number): string {
  let a = from;
  while (a > 0 && from - a < TOKEN_REACH && !SPACE.test(text[a - 1] as string)) a--;
  let b = to;
  while (b < text.length && b - to < TOKEN_REACH && !SPACE.test(text[b] as string)) b++;
  return text.slice(a, b);
}

function isAbbreviation(word: string): boolean {
  return TITLE_ABBREVIATIONS.has(word) || LOWER_ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Which quotations and parentheses are open in the current sentence, kept up to date as the sentence grows, so
 * that a paragraph is scanned once (a scraped "paragraph" may be a whole article without breaks).
 */
class OpennessScan {
  guillemets = 0;
  curly = 0;
  /** A straight `"` is open. Straight quotes cannot nest, so one flag is enough. */
  straightOpen = false;
  parens = 0;
  /** The sentence so far has a letter or a digit ("(...)" alone has none). */
  hasContent = false;
  private pos = 0;
  constructor(private readonly text: string) {}

  /** Starts a new sentence at `pos`. */
  reset(pos: number): void {
    this.guillemets = this.curly = this.parens = 0;
    this.straightOpen = false;
    this.hasContent = false;
    this.pos = pos;
  }

  /** Accounts for the characters up to `pos` (exclusive). */
  advance(pos: number): void {
    for (; this.pos < pos; this.pos++) {
      const ch = this.text[this.pos];
      if (ch === '«') this.guillemets++;
      else if (ch === '»') this.guillemets = Math.max(0, this.guillemets - 1);
      else if (ch === '“') this.curly++;
      else if (ch === '”') this.curly = Math.max(0, this.curly - 1);
      else if (ch === '"') this.straightOpen = straightQuoteOpens(this.text, this.pos, this.straightOpen);
      else if (ch === '(' || ch === '[') this.parens++;
      else if (ch === ')' || ch === ']') this.parens = Math.max(0, this.parens - 1);
      else if (!this.hasContent && ch !== undefined && LETTER_OR_DIGIT.test(ch)) this.hasContent = true;
    }
  }
}

/**
 * Whether the straight `"` at `i` leaves a quotation open. Counting parity goes wrong as soon as one quote is
 * missing (scraped texts often start inside a quotation), so the neighbours decide: before punctuation it closes,
 * after a space or an opening bracket it opens, before a space it closes; only `fini."Nous` (no space on either
 * side) or a lone `"` between spaces falls back to the current state.
 */
function straightQuoteOpens(text: string, i: number, open: boolean): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (next !== undefined && /[,;:.!?)\]}»…]/u.test(next)) return false;
  const prevBlank = prev === undefined || SPACE.test(prev) || /[([{«“'‘’—–-]/u.test(prev);
  const nextBlank = next === undefined || SPACE.test(next);
  if (prevBlank && !nextBlank) return true;
  if (nextBlank && !prevBlank) return false;
  return !open;
}

/**
 * Moves the cut past closing quotes/brackets (and the punctuation right after them) that belong to the sentence
 * before: Intl cuts `« Nous sommes prêts. » Il…` before the `»`. A straight `"` closes only when one is open.
 */
function glueClosers(paragraph: string, scan: OpennessScan, cut: number): number {
  scan.advance(cut);
  let pos = cut;
  for (;;) {
    let k = pos;
    while (k < paragraph.length && SPACE.test(paragraph[k] as string)) k++;
    const ch = paragraph[k];
    if (ch === undefined) return pos;
    const closes =
      (ch === '»' && scan.guillemets > 0) ||
      (ch === '”' && scan.curly > 0) ||
      (ch === '"' && scan.straightOpen) ||
      ((ch === ')' || ch === ']') && scan.parens > 0);
    // "! »." : a stop right after a glued closer still belongs to the sentence
    const trailingStop = pos > cut && k === pos && /[.!?…]/u.test(ch);
    if (!closes && !trailingStop) return pos;
    pos = k + 1;
    scan.advance(pos);
  }
}

/**
 * A quotation is kept in one sentence only when it closes within this many characters of the cut: short quotes
 * then keep their attribution (« Je pars. Je reviendrai. », a-t-il dit), while an interview answer running over
 * a whole paragraph, or a quote whose closing mark is missing, is still split into its own sentences.
 */
const QUOTE_WINDOW = 400;

/**
 * Whether the piece `rest` that follows the cut continues the sentence [start, cut): it starts in lower case or
 * with a comma, the sentence ends with an abbreviation or an initial, or a quotation/parenthesis is still open and
 * closes soon after (within QUOTE_WINDOW characters).
 */
function shouldMerge(paragraph: string, scan: OpennessScan, start: number, cut: number, rest: string): boolean {
  if (LOWER_START.test(rest) || CONTINUATION_START.test(rest)) return true;
  if (!scan.hasContent) return true;
  const last = lastTokenBefore(paragraph, start, cut);
  if (last.endsWith('.')) {
    const word = last.slice(0, -1).replace(/^[(«"“[]+/u, '');
    if (isAbbreviation(word)) return true;
    if (/^(?:\p{Lu}\.-?)*\p{Lu}$/u.test(word) && !opensSentence(rest)) return true;
  }
  const window = paragraph.slice(cut, cut + QUOTE_WINDOW);
  if (scan.guillemets > 0 && window.includes('»')) return true;
  if (scan.curly > 0 && window.includes('”')) return true;
  if (scan.straightOpen && window.includes('"')) return true;
  if (scan.parens > 0 && /[)\]]/u.test(window)) return true;
  return false;
}

/** The last whitespace-delimited token of [start, cut), found backwards so that long sentences cost nothing. */
function lastTokenBefore(paragraph: string, start: number, cut: number): string {
  let b = cut;
  while (b > start && SPACE.test(paragraph[b - 1] as string)) b--;
  let a = b;
  while (a > start && !SPACE.test(paragraph[a - 1] as string)) a--;
  return paragraph.slice(a, b);
}

/** "La préfecture…" opens a sentence; "Le Pen…" (a capitalised word next) is a name after an initial. */
function opensSentence(rest: string): boolean {
  const m = /^["“«]?\s*([\p{L}]+['’]?)(\s*)(\S?)/u.exec(rest);
  if (!m) return false;
  const word = (m[1] as string).toLowerCase().replace('’', "'");
  if (!SENTENCE_OPENERS.has(word)) return false;
  const nextInitial = m[3] ?? '';
  const elided = word.endsWith("'");
  if (!elided && m[2] !== '' && /\p{Lu}/u.test(nextInitial)) return false;
  return true;
}

function pushTrimmed(out: Sentence[], paragraph: string, from: number, to: number): void {
  let a = from;
  let b = to;
  while (a < b && SPACE.test(paragraph[a] as string)) a++;
  while (b > a && SPACE.test(paragraph[b - 1] as string)) b--;
  if (a < b) out.push({ text: paragraph.slice(a, b), start: a, end: b });
}

/**
 * A piece without letters or digits ("(...)", "–", a lone "»") is not a sentence: it joins the sentence before it,
 * or the one after it when it comes first.
 */
function mergeSymbolOnly(sentences: readonly Sentence[], paragraph: string): Sentence[] {
  const out: Sentence[] = [];
  let pendingStart: number | undefined;
  for (const s of sentences) {
    if (!LETTER_OR_DIGIT.test(s.text)) {
      const prev = out.pop();
      if (prev) out.push({ text: paragraph.slice(prev.start, s.end), start: prev.start, end: s.end });
      else pendingStart ??= s.start;
      continue;
    }
    if (pendingStart !== undefined) {
      out.push({ text: paragraph.slice(pendingStart, s.end), start: pendingStart, end: s.end });
      pendingStart = undefined;
    } else out.push(s);
  }
  if (pendingStart !== undefined) {
    const last = sentences[sentences.length - 1] as Sentence;
    out.push({ text: paragraph.slice(pendingStart, last.end), start: pendingStart, end: last.end });
  }
  return out;
}
