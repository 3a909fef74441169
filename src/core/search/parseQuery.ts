import { analyze } from '../text/analyze.js';
import { foldAccents } from '../text/foldAccents.js';
import { aliasesOf } from './aliases.js';

/**
 * At most this many distinct terms are searched. A pasted paragraph or a 6,000-character query must neither stall
 * the bot nor match everything; the first words of a query are the ones its author typed with intent.
 */
export const MAX_QUERY_TERMS = 24;

export interface QueryTerm {
  /** The analysed term looked up in the index. */
  readonly term: string;
  /** Terms of one group stand for the same word (a word and its aliases); coverage counts a group once. */
  readonly group: number;
  /** Aliases weigh less than the word the user typed. */
  readonly alias: boolean;
  /**
   * The word as typed, accents and case folded (`décès` → `deces`), for a word the user typed. The last word may be
   * unfinished: it is completed from what was typed, not from its stem (`dec`, which `décembre` also starts with).
   */
  readonly typed?: string;
}

export interface ParsedQuery {
  /** The text as the user typed it. */
  readonly text: string;
  readonly terms: readonly QueryTerm[];
  /** A question (`/ask`) looks for the paragraph that answers it; other queries look for articles. */
  readonly question?: boolean;
}

/**
 * Turns user text into the terms to search: the shared French analysis, duplicates dropped, capped, plus the
 * aliases of each word. With `question`, words that only shape the question ("quand", "lieu") are dropped too.
 */
export function parseQuery(text: string, options: { readonly question?: boolean } = {}): ParsedQuery {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  let group = 0;
  for (const { term, start, end } of analyze(text, options)) {
    if (seen.has(term)) continue;
    if (group >= MAX_QUERY_TERMS) break;
    seen.add(term);
    terms.push({ term, group, alias: false, typed: foldAccents(text.slice(start, end)) });
    for (const alias of aliasesOf(term)) {
      if (seen.has(alias)) continue;
      seen.add(alias);
      terms.push({ term: alias, group, alias: true });
    }
    group += 1;
  }
  return options.question === true ? { text, terms, question: true } : { text, terms };
}
