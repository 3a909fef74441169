import { normaliseWord } from '../text/analyze.js';
import { tokenize } from '../text/tokenize.js';

/** Bounded so that a long-running bot fed with new articles cannot grow the cache without limit. */
const MAX_CACHED = 1_000_000;
/** Word as written → its index term, or null for a stopword. */
const cache = new Map<string, string | null>();

/**
 * The index terms of `text` with their counts: the same terms as `analyzeTerms(text)` (the shared French analysis),
 * with the per-word work cached. Indexing 100,000 articles analyses 50 million words drawn from a vocabulary of a
 * few hundred thousand forms; folding and stemming each occurrence again was most of the build time.
 */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokenize(text)) {
    let term = cache.get(token.text);
    if (term === undefined) {
      term = normaliseWord(token.text) ?? null;
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(token.text, term);
    }
    if (term !== null) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}
