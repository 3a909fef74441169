import { stemmer } from '@orama/stemmers/french';

/** Bounded so that a long-running bot fed with new articles cannot grow the cache without limit. */
const MAX_CACHED = 500_000;
const cache = new Map<string, string>();

/**
 * French Snowball stem of a folded word (`negociations` → `negoci`). Numbers are returned as they are. Cached:
 * an archive's vocabulary is small next to its text, so most calls are a map hit.
 */
export function stem(folded: string): string {
  const cached = cache.get(folded);
  if (cached !== undefined) return cached;
  const result = /^\p{N}/u.test(folded) ? folded : stemmer(folded);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(folded, result);
  return result;
}
