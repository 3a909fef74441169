import type { MarkedText } from '../core/search/Mark.js';
import { fitText } from './fitText.js';

/**
 * `fitText` for highlighted text: the text is shortened the same way and the marks are clipped to what remains,
 * so a highlight never points past the cut.
 */
export function fitMarked(marked: MarkedText, max: number): MarkedText {
  const text = fitText(marked.text, max);
  if (text === marked.text) return marked;
  const kept = text.replace(/\s*…$/u, '').length;
  const marks = marked.marks
    .filter((m) => m.start < kept)
    .map((m) => ({ start: m.start, end: Math.min(m.end, kept) }));
  return { text, marks };
}
