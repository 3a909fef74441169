import type { MarkedText } from '../core/search/Mark.js';
import { splitSentences } from '../core/text/splitSentences.js';
import { fitMarked } from './fitMarked.js';

/**
 * The part of a passage worth showing in `budget` characters: it starts at the sentence with the most highlighted
 * words (so the reader sees why the passage matched), shows as much as fits from there, and says with "…" where
 * text was left out.
 */
export function excerpt(passage: MarkedText, budget: number): MarkedText {
  if (passage.text.length <= budget) return passage;
  let bestStart = 0;
  let bestCount = -1;
  for (const sentence of splitSentences(passage.text)) {
    const count = passage.marks.filter((m) => m.start >= sentence.start && m.end <= sentence.end).length;
    if (count > bestCount) {
      bestCount = count;
      bestStart = sentence.start;
    }
  }
  if (bestStart === 0) return fitMarked(passage, budget);
  const prefix = '… ';
  const shifted: MarkedText = {
    text: prefix + passage.text.slice(bestStart),
    marks: passage.marks
      .filter((m) => m.start >= bestStart)
      .map((m) => ({ start: m.start - bestStart + prefix.length, end: m.end - bestStart + prefix.length })),
  };
  return fitMarked(shifted, budget);
}
