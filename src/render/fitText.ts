import { splitSentences } from '../core/text/splitSentences.js';

const ELLIPSIS = '…';

/**
 * Shortens text to at most `max` characters, cutting at the last paragraph break, else sentence end, else word
 * boundary that fits, and marking the cut with an ellipsis. Never cuts a word in two silently: only a single word
 * longer than `max` is cut inside, and then it too ends with the ellipsis.
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(max, 0));
  const room = max - ELLIPSIS.length;
  const head = text.slice(0, room + 1);
  const paragraphEnd = head.lastIndexOf('\n\n');
  if (paragraphEnd >= room * 0.5) return `${text.slice(0, paragraphEnd).trimEnd()}\n\n${ELLIPSIS}`.slice(0, max);
  const sentenceEnd = lastSentenceEnd(text, room);
  if (sentenceEnd >= room * 0.5) return `${text.slice(0, sentenceEnd).trimEnd()} ${ELLIPSIS}`.slice(0, max);
  const wordEnd = head.search(/\s\S*$/u);
  const cut = wordEnd > 0 ? text.slice(0, wordEnd).trimEnd() : text.slice(0, room);
  return `${cut}${ELLIPSIS}`;
}

function lastSentenceEnd(text: string, room: number): number {
  let end = -1;
  for (const sentence of splitSentences(text.slice(0, room + 1))) {
    if (sentence.end <= room && /[.!?…»"]$/u.test(sentence.text)) end = sentence.end;
  }
  return end;
}
