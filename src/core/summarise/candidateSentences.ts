import type { Article } from '../corpus/article.js';
import { isCaption } from '../corpus/isCaption.js';
import { analyzeTerms } from '../text/analyze.js';
import { splitSentences } from '../text/splitSentences.js';
import { tokenize } from '../text/tokenize.js';
import type { SummarySentence } from './summarySentence.js';

/** A sentence that may go into a summary, with what the scorer needs to know about it. */
export interface CandidateSentence extends SummarySentence {
  /** Position among the article's candidates, in document order (0 = the first sentence worth summarising). */
  readonly rank: number;
  /** Analysed terms (folded, stemmed, no stopwords), the same analysis as the search index. */
  readonly terms: readonly string[];
  /** Opens with a quotation mark or a dialogue dash: someone's words, rarely the news itself. */
  readonly opensWithQuote: boolean;
  /**
   * Only a quotation and who said it ("« … », a déclaré X"), or a fragment continuing the previous sentence
   * ("a-t-il ajouté…"): it does not say what happened on its own.
   */
  readonly attributionOnly: boolean;
}

/** Below this, a "sentence" is a crosshead, a dateline or a fragment ("Moscou dément toute velléité belliqueuse"). */
export const MIN_WORDS = 6;
/** Above this, a sentence is a run-on (a list, a transcript, paragraphs glued by a missing split): unreadable alone. */
export const MAX_WORDS = 80;

const OPENING_QUOTE = /^[«"“„‹—–]/u;
/** Quoted spans: French guillemets, English curly quotes, straight double quotes. */
const QUOTED_SPAN = /«[^»]*»?|“[^”]*”?|"[^"]*"?/gu;
/** Words outside quotation marks up to which a sentence is "a quotation plus who said it". */
const MAX_ATTRIBUTION_WORDS = 8;
/** Final punctuation, possibly followed by closing quotes or brackets. */
const TERMINAL_PUNCTUATION = /[.!?…][\s"»”’')\]]*$/u;

/**
 * The sentences of an article that a summary may quote, in document order: not captions or photo credits, not
 * headings (a paragraph that is one sentence without final punctuation: the headline or a crosshead, which the
 * title already shows), not fragments shorter than `MIN_WORDS` words nor run-ons longer than `MAX_WORDS`.
 */
export function candidateSentences(article: Article): CandidateSentence[] {
  const candidates: CandidateSentence[] = [];
  article.paragraphs.forEach((paragraph, index) => {
    if (isCaption(paragraph)) return;
    const sentences = splitSentences(paragraph);
    for (const sentence of sentences) {
      // Offsets are the contract; trim so that the quoted text never starts or ends with a space.
      const raw = paragraph.slice(sentence.start, sentence.end);
      const start = sentence.start + (raw.length - raw.trimStart().length);
      const end = sentence.end - (raw.length - raw.trimEnd().length);
      const text = paragraph.slice(start, end);
      const words = tokenize(text).length;
      if (words < MIN_WORDS || words > MAX_WORDS) continue;
      if (sentences.length === 1 && !TERMINAL_PUNCTUATION.test(text)) continue;
      if (isCaption(text)) continue;
      const terms = analyzeTerms(text);
      if (terms.length === 0) continue;
      candidates.push({
        articleId: article.id,
        paragraph: index,
        start,
        end,
        text,
        rank: candidates.length,
        terms,
        opensWithQuote: OPENING_QUOTE.test(text),
        attributionOnly: isAttributionOnly(text),
      });
    }
  });
  return candidates;
}

/**
 * A quotation whose only words of its own are the attribution ("« … », a déclaré Fomin."), or a fragment that
 * starts in lower case because its subject is in the previous sentence. Either reads badly out of context.
 */
function isAttributionOnly(text: string): boolean {
  if (/^\p{Ll}/u.test(text)) return true;
  const outside = text.replace(QUOTED_SPAN, ' ');
  if (outside.length === text.length) return false;
  return tokenize(outside).length <= MAX_ATTRIBUTION_WORDS;
}

/** Drops the scorer's working fields, so that callers get exactly the public shape and nothing to depend on. */
export function toSummarySentence(c: CandidateSentence): SummarySentence {
  return { articleId: c.articleId, paragraph: c.paragraph, start: c.start, end: c.end, text: c.text };
}
