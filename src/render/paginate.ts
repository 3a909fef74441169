import { fitText } from './fitText.js';
import { splitSentences } from '../core/text/splitSentences.js';

/** A piece of an article shown on a page: a whole paragraph, or a part of a very long one. */
export interface PagePiece {
  /** Index into the article's paragraphs. */
  readonly paragraph: number;
  readonly text: string;
}

/**
 * Splits paragraphs into pages of at most `budget` characters, never splitting a paragraph that fits on a page.
 * A paragraph longer than a page is split at sentence ends (a sentence longer than a page at words). Deterministic,
 * so a button that says "page 3" finds the same page after a restart.
 */
export function paginate(paragraphs: readonly string[], budget: number): PagePiece[][] {
  const pages: PagePiece[][] = [];
  let page: PagePiece[] = [];
  let used = 0;
  const push = (piece: PagePiece): void => {
    const cost = piece.text.length + 2;
    if (page.length > 0 && used + cost > budget) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(piece);
    used += cost;
  };
  paragraphs.forEach((text, paragraph) => {
    for (const part of splitLong(text, budget)) push({ paragraph, text: part });
  });
  if (page.length > 0) pages.push(page);
  return pages;
}

function splitLong(text: string, budget: number): string[] {
  if (text.length <= budget) return [text];
  const parts: string[] = [];
  let current = '';
  for (const { text: sentence } of splitSentences(text)) {
    const pieces = sentence.length <= budget ? [sentence] : splitWords(sentence, budget);
    for (const piece of pieces) {
      if (current && current.length + 1 + piece.length > budget) {
        parts.push(current);
        current = '';
      }
      current = current ? `${current} ${piece}` : piece;
    }
  }
  if (current) parts.push(current);
  return parts;
}

function splitWords(sentence: string, budget: number): string[] {
  const parts: string[] = [];
  let rest = sentence;
  while (rest.length > budget) {
    const head = fitText(rest, budget).replace(/…$/u, '');
    parts.push(head);
    rest = rest.slice(head.length).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
