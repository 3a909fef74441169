import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/core/corpus/article.js';
import { parseArticle } from '../../src/core/corpus/parseArticle.js';
import { ArticleIndex } from '../../src/core/search/ArticleIndex.js';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** The five sample articles, parsed by the real parser: tests see exactly what the bot sees. */
export function loadSeeds(): Article[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const outcome = parseArticle(f.replace(/\.txt$/u, ''), readFileSync(SEEDS + f, 'utf8'));
      if (!outcome.ok) throw new Error(`${f}: ${outcome.reason}`);
      return outcome.article;
    });
}

/** An index of the five sample articles. */
export function seedIndex(): ArticleIndex {
  return ArticleIndex.of(loadSeeds());
}
