import { foldAccents } from './foldAccents.js';
import { stem } from './stem.js';
import { isQuestionStopword, isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';

/** An index term and where it comes from in the analysed text. */
export interface Term {
  /** Folded and stemmed: `Négociations` → `negoci`. */
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

export interface AnalyzeOptions {
  /** Also drop words that only shape a question ("quand", "lieu", "date"…). For user questions, never documents. */
  readonly question?: boolean;
}

/**
 * The one analysis shared by documents and queries, so that both sides always agree on what a term is:
 * tokenise (elisions, hyphens, numbers) → fold accents and case → drop stopwords → stem.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Term[] {
  const terms: Term[] = [];
  for (const token of tokenize(text)) {
    const term = normaliseWord(token.text, options);
    if (term !== undefined) terms.push({ term, start: token.start, end: token.end });
  }
  return terms;
}

/** Just the terms of `text`, in order, repeats kept (term frequency matters for ranking). */
export function analyzeTerms(text: string, options: AnalyzeOptions = {}): string[] {
  return analyze(text, options).map((t) => t.term);
}

/** One word → its index term, or `undefined` for a stopword. */
export function normaliseWord(word: string, options: AnalyzeOptions = {}): string | undefined {
  const folded = foldAccents(word);
  if (isStopword(folded) || (options.question === true && isQuestionStopword(folded))) return undefined;
  // A lone letter that is not a digit carries nothing ("a", "y" are stopwords; "X" in "l'an X" is noise).
  if (folded.length < 2 && !/\p{N}/u.test(folded)) return undefined;
  return stem(folded);
}
