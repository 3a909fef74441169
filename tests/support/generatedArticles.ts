/**
 * An articles folder larger than the five seeds, for tests that need the bot to do real work (load, indexing, event
 * extraction, searches that match hundreds of passages): articles made of the seeds' sentences drawn at random, by
 * the benchmark's own generator (`bench/corpus.ts`), so tests and benchmarks load the same kind of archive.
 * Files written within seconds before the bot starts are read a second time by its folder watcher (they may have
 * changed during the load): a burst of hand-overs that the load test wants exercised anyway.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random, seedSentences, toFileText } from '../../bench/corpus.js';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

export interface GeneratedArticlesOptions {
  /** Number of the first article (`gen_0000001` by default): a later batch for the same folder starts after it. */
  readonly first?: number;
  /** Also copy the five seeds. Default true. */
  readonly seeds?: boolean;
}

/**
 * Writes `count` generated articles (`gen_0000001.txt`…) into `dir` (created), plus the five seeds. Dates spread over
 * December 2021 – February 2022, a third of them to the day, so timelines and digests have many days to show. The same
 * files on every run (seeded generator).
 */
export function writeGeneratedArticles(dir: string, count: number, options: GeneratedArticlesOptions = {}): void {
  mkdirSync(dir, { recursive: true });
  const source = seedSentences(SEEDS);
  const pool = source.flatMap((a) => a.sentences);
  const first = options.first ?? 1;
  const rand = random(first);
  for (let n = first; n < first + count; n++) {
    const model = source[n % source.length];
    if (!model) throw new Error('no seed articles');
    const month = ['2021-12', '2022-01', '2022-02'][n % 3] as string;
    const date = n % 3 === 0 ? `${month}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` : month;
    const sentences = Array.from({ length: 6 + Math.floor(rand() * 18) }, () => pool[Math.floor(rand() * pool.length)] as string);
    writeFileSync(join(dir, `gen_${String(n).padStart(7, '0')}.txt`), toFileText(date, `${model.title} (${n})`, sentences));
  }
  if (options.seeds !== false) {
    for (const file of readdirSync(SEEDS)) if (file.endsWith('.txt')) copyFileSync(join(SEEDS, file), join(dir, file));
  }
}
