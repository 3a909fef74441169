/**
 * One article file's text → an Article. Pure (the file system is in src/storage), so that every oddity of real
 * files (BOM, CRLF, hard-wrapped paragraphs, stray spaces) is tested without touching the disk.
 */
import type { Article } from './article.js';
import { deriveTitle } from './deriveTitle.js';
import { parseIsoDate } from './partialDate.js';

export type ParseOutcome =
  | { readonly ok: true; readonly article: Article }
  | { readonly ok: false; readonly reason: string };

/** ` date 2022-01 <first paragraph>`: leading whitespace and the case of `date` do not matter. */
const DATE_LINE = /^[ \t]*date[ \t]+(\S+)(?:[ \t]+(.*))?$/iu;
/** Something that was meant to be a date (digits and dashes) but is not a valid one. */
const DATE_LIKE = /^\d[\d-]*$/u;
/** One or more blank lines between paragraphs. */
const BLANK_LINES = /\n(?:[ \t\f\v\u00a0\u202f]*\n)+/u;
/**
 * Line breaks inside a paragraph and runs of ordinary spaces and tabs; no-break spaces (U+00A0, U+202F) are kept,
 * since "100 000" numbers use them.
 */
const LINE_BREAKS_AND_SPACES = /[ \t\f\v]*\n[ \t\f\v]*|[ \t\f\v]{2,}|[\t\f\v]/gu;

/**
 * Parses an article file: the first line is ` date YYYY-MM[-DD] <first paragraph>`, then paragraphs separated by
 * blank lines. Lines of one paragraph are joined with a space (hard-wrapped files); text is NFC-normalised with runs
 * of spaces and tabs collapsed, otherwise verbatim. Returns a reason fit for a log line instead of throwing, so that
 * the loader can skip a bad file and keep going.
 */
export function parseArticle(id: string, text: string): ParseOutcome {
  const normalised = text
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .normalize('NFC');
  if (normalised.trim() === '') return { ok: false, reason: 'empty file' };

  const lines = normalised.split('\n');
  const firstIndex = lines.findIndex((line) => line.trim() !== '');
  const firstLine = lines[firstIndex] ?? '';
  const m = DATE_LINE.exec(firstLine);
  if (!m) return { ok: false, reason: "missing date line (expected ' date YYYY-MM[-DD] …' on the first line)" };
  const rawDate = m[1] as string;
  const date = parseIsoDate(rawDate);
  if (date === undefined) {
    return {
      ok: false,
      reason: DATE_LIKE.test(rawDate)
        ? `malformed date '${rawDate}'`
        : `malformed date '${rawDate}' (expected YYYY-MM or YYYY-MM-DD)`,
    };
  }

  const body = [m[2] ?? '', ...lines.slice(firstIndex + 1)].join('\n');
  const paragraphs = splitParagraphs(body);
  if (paragraphs.length === 0) return { ok: false, reason: 'no text after the date' };

  const title = deriveTitle(paragraphs) || id;
  return { ok: true, article: { id, date, title, paragraphs } };
}

/**
 * Splits at blank lines (a line of only spaces, tabs or no-break spaces counts as blank) and joins the lines of one
 * paragraph with a space.
 */
function splitParagraphs(body: string): string[] {
  const paragraphs: string[] = [];
  for (const block of body.split(BLANK_LINES)) {
    const paragraph = block.replace(LINE_BREAKS_AND_SPACES, ' ').trim();
    if (paragraph !== '') paragraphs.push(paragraph);
  }
  return paragraphs;
}
