/**
 * One sentence of a summary, quoted verbatim and located in its article, so that a reply can cite it (article id,
 * paragraph) and highlight it without re-searching the text.
 */
export interface SummarySentence {
  readonly articleId: string;
  /** Index into `article.paragraphs` (0-based). */
  readonly paragraph: number;
  /** Offsets of the sentence in that paragraph: `article.paragraphs[paragraph].slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  /** Verbatim from the article. */
  readonly text: string;
}

/** Orders sentences of one article as they are read (paragraph, then position in the paragraph). */
export function compareDocumentOrder(a: SummarySentence, b: SummarySentence): number {
  return a.paragraph - b.paragraph || a.start - b.start;
}
