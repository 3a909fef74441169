/**
 * `npm run bench [-- --sizes 1000,10000] [--corpus PATH] [--peers minisearch,lunr|none] [--lunr-max N]
 * [--minisearch-max N] [--work DIR]`: the engine against MiniSearch (defaults, whole articles) and Lunr (French) on
 * the same corpus and queries, in one run. Each engine and size runs in a child process of its own, one after the
 * other (timings are not shared with another job). Prints a table, writes bench/results.json and bench/PERFORMANCE.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { prepareCorpus, readJsonLines, seedSentences } from './corpus.js';
import type { SourceArticle } from './corpus.js';
import type { DevQuestion } from './queries.js';
import { makeQueries } from './queries.js';
import type { EngineName, Job, Result } from './worker.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPUS = resolve(ROOT, '../shared/corpora/orangesum_fr.jsonl.gz');
const DEFAULT_SIZES = [1_000, 10_000, 33_688, 100_000];

interface Options {
  sizes: number[];
  corpus: string | undefined;
  peers: EngineName[];
  lunrMax: number;
  miniSearchMax: number;
  work: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    sizes: DEFAULT_SIZES,
    corpus: existsSync(DEFAULT_CORPUS) ? DEFAULT_CORPUS : undefined,
    peers: ['minisearch', 'lunr'],
    // Lunr needs ~15–40 s at 10,000 articles and ~10 min and 7 GB at 100,000; MiniSearch ~2 min to build at 100,000
    // and over a second per long query: past these sizes they would not fit the default run's 10 minutes.
    // `--minisearch-max 100000` adds MiniSearch at 100,000 (about 10 more minutes).
    lunrMax: 10_000,
    miniSearchMax: 33_688,
    work: join(tmpdir(), 'veille-bench'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--sizes') options.sizes = value().split(',').map((s) => Number(s.replace(/_/gu, '')));
    else if (arg === '--corpus') options.corpus = resolve(value());
    else if (arg === '--peers') {
      const v = value();
      options.peers = v === 'none' ? [] : v.split(',').filter((s): s is EngineName => s === 'minisearch' || s === 'lunr');
    }
    else if (arg === '--lunr-max') options.lunrMax = Number(value());
    else if (arg === '--minisearch-max') options.miniSearchMax = Number(value());
    else if (arg === '--work') options.work = resolve(value());
    else throw new Error(`unknown option ${arg}`);
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes: whole numbers, comma-separated');
  return options;
}

interface DevSet {
  readonly questions: readonly { readonly question: string; readonly acceptable_files: readonly string[] }[];
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const source: SourceArticle[] = options.corpus ? await readJsonLines(options.corpus) : seedSentences(join(ROOT, 'seeds'));
  const sourceName = options.corpus ? options.corpus.replace(`${resolve(ROOT, '..')}/`, '../') : 'articles generated from seeds/';
  process.stderr.write(`corpus: ${sourceName} (${source.length} articles); preparing folders in ${options.work}\n`);
  const corpus = await prepareCorpus({ source, sourceName, sizes: options.sizes, workDir: options.work, seedsDir: join(ROOT, 'seeds') });
  const devset = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/devset.json'), 'utf8')) as DevSet;
  const dev: DevQuestion[] = devset.questions.map((q) => ({ question: q.question, acceptable: q.acceptable_files.map((f) => f.replace(/\.txt$/u, '')) }));

  const results: Result[] = [];
  for (const size of [...options.sizes].sort((a, b) => a - b)) {
    const queries = makeQueries(corpus.articles.get(size) ?? [], dev, size);
    const queriesFile = join(options.work, `queries-${size}.json`);
    await writeFile(queriesFile, JSON.stringify(queries));
    const engines: EngineName[] = ['veille'];
    if (options.peers.includes('minisearch') && size <= options.miniSearchMax) engines.push('minisearch');
    if (options.peers.includes('lunr') && size <= options.lunrMax) engines.push('lunr');
    for (const engine of engines) {
      const job: Job = {
        engine,
        size,
        articlesDir: corpus.folders.get(size) as string,
        articlesCache: join(options.work, `parsed-${size}.jsonl`),
        dataDir: join(options.work, `data-${size}`),
        queriesFile,
        resultFile: join(options.work, `result-${engine}-${size}.json`),
      };
      const jobFile = join(options.work, `job-${engine}-${size}.json`);
      await writeFile(jobFile, JSON.stringify(job));
      const t = performance.now();
      process.stderr.write(`${engine} at ${size.toLocaleString('en')} articles… `);
      const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', join(ROOT, 'bench/worker.ts'), jobFile], {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      if (child.status !== 0) {
        process.stderr.write(`failed (exit ${child.status ?? child.signal})\n`);
        continue;
      }
      results.push(JSON.parse(await readFile(job.resultFile, 'utf8')) as Result);
      process.stderr.write(`${((performance.now() - t) / 1000).toFixed(0)} s\n`);
    }
  }
  const totalS = (performance.now() - started) / 1000;
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const table = `${renderTable(results)}\n\nLatency by kind of query (ms; topic, known-item and typo through /search, English questions and /ask through /ask):\n\n${renderTable(results, BREAKDOWN)}`;
  const targets = renderTargets(results);
  process.stdout.write(`\n${table}\n\n${targets}\n\nTotal run: ${totalS.toFixed(0)} s on ${machine}.\n`);
  await mkdir(join(ROOT, 'bench'), { recursive: true });
  await writeFile(
    join(ROOT, 'bench/results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine, corpus: corpus.description, options: { ...options, work: undefined }, totalSeconds: totalS, results }, null, 2)}\n`,
  );
  await writeFile(join(ROOT, 'bench/PERFORMANCE.md'), renderReadme(table, targets, corpus.description, machine, totalS, options));
}

const NAMES: Record<EngineName, string> = { veille: 'Veille', minisearch: 'MiniSearch 7 (defaults)', lunr: 'Lunr 2 + fr' };

type Column = readonly [header: string, value: (r: Result) => number | undefined, digits: number];

const COLUMNS: readonly Column[] = [
  ['build s', (r) => r.buildMs / 1000, 1],
  ['max stall ms', (r) => r.buildStallMs, 0],
  ['heap MB', (r) => r.heapMB, 0],
  ['typed arrays MB', (r) => r.externalMB, 0],
  ['peak RSS MB', (r) => r.peakRssMB, 0],
  ['snapshot MB', (r) => r.snapshotMB, 0],
  ['save s', (r) => (r.snapshotSaveMs === undefined ? undefined : r.snapshotSaveMs / 1000), 2],
  ['load s', (r) => (r.snapshotLoadMs === undefined ? undefined : r.snapshotLoadMs / 1000), 2],
  ['warm start s', (r) => (r.warmStartMs === undefined ? undefined : r.warmStartMs / 1000), 2],
  ['/search p50', (r) => r.latency.search.p50, 2],
  ['/search p99', (r) => r.latency.search.p99, 2],
  ['/ask p50', (r) => r.latency.ask.p50, 2],
  ['/ask p99', (r) => r.latency.ask.p99, 2],
  ['autocomplete p50', (r) => r.latency.autocomplete.p50, 2],
  ['autocomplete p99', (r) => r.latency.autocomplete.p99, 2],
  ['known-item hit@1', (r) => r.knownHit1, 2],
  ['known-item MRR', (r) => r.knownMrr, 2],
  ['dev R@1', (r) => r.devRecall1, 2],
];

function format(value: number | undefined, digits: number): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Latency by kind of query (p50 / p99 ms): where each engine's tail comes from. */
const BREAKDOWN: readonly Column[] = (['topic', 'knownItem', 'typo', 'english', 'ask'] as const).flatMap((kind): Column[] => [
  [`${kind === 'knownItem' ? 'known-item' : kind === 'ask' ? '/ask' : kind} p50`, (r) => r.latency[kind].p50, 2],
  [`${kind === 'knownItem' ? 'known-item' : kind === 'ask' ? '/ask' : kind} p99`, (r) => r.latency[kind].p99, 2],
]);

/** One row per engine and size, then a row of ratios Veille / peer for every figure. */
function renderTable(results: readonly Result[], columns: readonly Column[] = COLUMNS): string {
  const COLUMNS = columns;
  const header = ['articles', 'engine', ...COLUMNS.map((c) => c[0])];
  const rows: string[][] = [];
  const sizes = [...new Set(results.map((r) => r.size))].sort((a, b) => a - b);
  for (const size of sizes) {
    const ours = results.find((r) => r.size === size && r.engine === 'veille');
    for (const r of results.filter((x) => x.size === size)) {
      rows.push([r.size.toLocaleString('en'), NAMES[r.engine] + (r.error ? ` (${r.error})` : ''), ...COLUMNS.map(([, v, d]) => format(v(r), d))]);
    }
    if (!ours) continue;
    for (const peer of results.filter((x) => x.size === size && x.engine !== 'veille')) {
      rows.push([
        '',
        `ratio Veille / ${peer.engine === 'minisearch' ? 'MiniSearch' : 'Lunr'}`,
        ...COLUMNS.map(([, v]) => {
          const a = v(ours);
          const b = v(peer);
          return a === undefined || b === undefined || b === 0 ? '—' : `${format(a / b, a / b < 0.1 ? 3 : 2)}×`;
        }),
      ]);
    }
  }
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

/** The targets at the largest size measured, each met or missed, with the figure. */
function renderTargets(results: readonly Result[]): string {
  const size = Math.max(...results.map((r) => r.size));
  const ours = results.find((r) => r.size === size && r.engine === 'veille');
  const mini = results.find((r) => r.size === size && r.engine === 'minisearch');
  if (!ours) return 'No result for Veille.';
  const lines: string[] = [`Targets at ${size.toLocaleString('en')} articles:`];
  const check = (label: string, ok: boolean | undefined, detail: string): void => {
    lines.push(`- ${ok === undefined ? '?' : ok ? 'met' : 'MISSED'}: ${label} — ${detail}`);
  };
  const ms = (n: number | undefined): string => (n === undefined ? '—' : `${n.toFixed(2)} ms`);
  check('/ask p99 ≤ 25 ms', ours.latency.ask.p99 <= 25, ms(ours.latency.ask.p99));
  check('/search p99 ≤ 25 ms', ours.latency.search.p99 <= 25, ms(ours.latency.search.p99));
  check(
    'both ≤ 0.5× MiniSearch-default p99',
    mini ? ours.latency.ask.p99 <= 0.5 * mini.latency.ask.p99 && ours.latency.search.p99 <= 0.5 * mini.latency.search.p99 : undefined,
    mini ? `/ask ${ms(ours.latency.ask.p99)} vs ${ms(mini.latency.ask.p99)}, /search ${ms(ours.latency.search.p99)} vs ${ms(mini.latency.search.p99)}` : 'MiniSearch not run at this size',
  );
  check(
    'known-item hit@1 and dev R@1 ≥ MiniSearch-default',
    mini ? ours.knownHit1 >= mini.knownHit1 && ours.devRecall1 >= mini.devRecall1 : undefined,
    mini ? `hit@1 ${ours.knownHit1.toFixed(2)} vs ${mini.knownHit1.toFixed(2)}, dev R@1 ${ours.devRecall1.toFixed(2)} vs ${mini.devRecall1.toFixed(2)}` : 'MiniSearch not run at this size',
  );
  check('autocomplete p99 ≤ 5 ms', ours.latency.autocomplete.p99 <= 5, ms(ours.latency.autocomplete.p99));
  check('build ≤ 60 s', ours.buildMs <= 60_000, `${(ours.buildMs / 1000).toFixed(1)} s (plus ${((ours.loadMs ?? 0) / 1000).toFixed(1)} s reading and parsing the files)`);
  check('no event-loop stall > 100 ms while building', ours.buildStallMs <= 100, `longest stall ${ours.buildStallMs.toFixed(0)} ms over load + build + snapshot`);
  check('warm start ≤ 3 s', (ours.warmStartMs ?? Infinity) <= 3000, `${((ours.warmStartMs ?? NaN) / 1000).toFixed(2)} s (longest stall ${ours.warmStartStallMs?.toFixed(0) ?? '—'} ms)`);
  check('heap ≤ 1 GB', ours.heapMB <= 1024, `${ours.heapMB.toFixed(0)} MB heap + ${ours.externalMB.toFixed(0)} MB typed arrays`);
  check('peak RSS ≤ 2 GB', ours.peakRssMB <= 2048, `${ours.peakRssMB.toFixed(0)} MB`);
  return lines.join('\n');
}

function renderReadme(table: string, targets: string, corpus: string, machine: string, totalS: number, options: Options): string {
  return `## Performance

Measured with \`npm run bench\` (${new Date().toISOString().slice(0, 10)}, ${machine}; whole run ${Math.round(totalS)} s).
Corpus: ${corpus}. Sizes: ${options.sizes.map((n) => n.toLocaleString('en')).join(', ')} articles (+ the 5 seeds).
Peers index whole articles (title + text) with their defaults; Lunr runs up to ${options.lunrMax.toLocaleString('en')} articles
(it needs ~10 minutes and ~7 GB at 100,000), MiniSearch up to ${options.miniSearchMax.toLocaleString('en')}.

${table}

- **build s**: indexing only (Veille: asynchronous, pausing every 16 articles); reading and parsing the files comes on
  top (\`loadMs\` in results.json). **max stall ms**: longest event-loop stall during load + build (a peer's
  synchronous build blocks for all of it).
- **heap MB**: V8 heap after a full GC, parsed articles included for every engine; **typed arrays MB**: memory outside
  the heap (Veille's postings). **peak RSS MB**: the kernel's peak for the process that ran that engine alone.
- **snapshot**: Veille's binary snapshot holds the parsed articles too (a restart re-parses nothing); the peers'
  is \`JSON.stringify\` of the index. **warm start s**: a restart with the snapshot: folder scan (paths, sizes,
  mtimes) + snapshot load.
- Latencies in ms. **/search**: Veille's whole \`searchReply\` (query analysis, ranking, the first page's
  excerpts), over ${'topic, known-item and one-typo queries'}; **/ask**: Veille's whole \`askReply\` over the 28 dev
  questions, 30 English questions and 50 French questions; peers: their \`search\` for the same text.
  **autocomplete**: \`suggest(typed, 25)\` over title prefixes, ids and the empty field.
- **known-item**: an article's heading (a summary that is not in its text) as the query; hit@1 and MRR@10.
  **dev R@1**: the 28 dev questions over the seeds mixed into the corpus.
- Timings vary by about ±50% from run to run on shared machines: compare within one run, as ratios.

${targets}

### How the engine gets there

- The vocabulary is MiniSearch's radix tree (\`SearchableMap\`): it finds a term, the completions of a prefix and the
  terms within one or two typos. The postings are typed arrays (passage ids + term frequencies, compacted per term)
  instead of MiniSearch's per-term maps, which cost gigabytes at a million passages. Articles added later go to small
  per-term lists, folded in by \`compact()\`.
- Scoring is MiniSearch's BM25+, accumulated per passage into one reused 64-byte record (score, coverage, terms and
  groups matched), so a query allocates nothing in proportion to the archive. Words are scored rarest first; once the
  words left cannot lift an untouched passage over the coverage threshold, or (a search) once 10,000 are in play, the
  commoner words only add to those passages: a pasted heading of 25 words no longer touches 200,000 passages.
- Expansion is bounded: only the last word, which may be unfinished, is completed whatever the length (from 3
  letters typed, and from what was typed, not its stem: \`décès\` → \`dec\` would bring in \`décembre\`); other
  words get their inflections; only words the archive lacks are corrected for typos.
- Only what is shown is built: \`searchPage\` / \`searchPassagesPage\` rank with a heap and count the rest; the first
  50 articles of a search are re-ranked with their title's BM25; a hit's passages and marks are computed when read.
- The snapshot is binary: typed arrays as they are, article text as UTF-8 decoded per article when first read, a
  file list (path, size, mtime) so that a restart re-reads only what changed. No giant string, no JSON.parse.
- The build is a generator that pauses every 16 articles, between the phases of laying out the postings and every
  4,096 terms put in the vocabulary; the snapshot is written 500 articles and read 8,192 at a time.

### Known limits

- **Counts.** Past 10,000 passages in play, the count /search shows is of the articles that match the rarer words of
  the query; an article matching only its commonest words is neither shown nor counted.
- **Known-item hit@1** compares Veille, which ranks an article by its best passages (what answers questions: dev R@1
  in the table), with whole-article scoring, which suits a heading that summarises a whole article. Most misses on
  either side are near-duplicate stories (the same event reported twice in OrangeSum); above 33,688 articles the
  generated articles reuse real titles, which a title boost cannot tell apart.
- **Event-loop stalls** over a 100,000-article build are now 50–65 ms (they were 150–250 ms: filling the
  vocabulary, writing the snapshot and restoring article headers now pause more often); what remains is V8 garbage
  collection of a 400–800 MB heap (the parsed articles), at a different moment each run.
- **/ask p99** sits around the 25 ms target at 100,000 articles (21–31 ms across runs): its tail is questions made of
  common words only ("Who is the new prime minister?" → 60,000 passages), which are scored in full so that the
  paragraph that answers is never dropped, plus now and then a garbage collection of the 400 MB heap. About half of
  an answer's time is outside the engine: reading the dozen best passages closely (sentence splitting with
  Intl.Segmenter, accent folding) in \`src/core/answer\` and \`src/core/text\`.

### Reproduce

\`\`\`sh
npm run bench                               # 1,000 / 10,000 / 33,688 / 100,000 articles, peers up to their limits
npm run bench -- --minisearch-max 100000    # and MiniSearch at 100,000 too (the targets' comparison; ~20 min)
npm run bench -- --sizes 1000,10000         # a few minutes
npm run bench -- --corpus other.jsonl.gz    # JSON lines {id, date, title, heading?, text}, gzip allowed
npm run bench -- --peers none               # Veille alone
\`\`\`
Without \`../shared/corpora/orangesum_fr.jsonl.gz\` (or \`--corpus\`), articles are generated from the seeds' sentences.
The corpus folders are written once to \`${'$TMPDIR'}/veille-bench\` (\`--work\`) and reused by later runs.
`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
