/**
 * One engine at one size, in a process of its own (so that heap and peak RSS are that engine's alone): build,
 * memory, snapshot, then latencies and relevance on the shared queries. Run by bench/run.ts; reads a job file and
 * writes a result file.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import MiniSearch from 'minisearch';
import lunr from 'lunr';
import lunrStemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import lunrFr from 'lunr-languages/lunr.fr.js';
import type { Article } from '../src/core/corpus/article.js';
import { parseQuery } from '../src/core/search/parseQuery.js';
import { askReply } from '../src/render/replies/askReply.js';
import { searchReply } from '../src/render/replies/searchReply.js';
import { openIndex, SNAPSHOT_FILE } from '../src/storage/openIndex.js';
import type { Latency } from './measure.js';
import { collect, memoryAfterGc, peakRssMB, summarise, timeEach, withStallMonitor } from './measure.js';
import type { QuerySet } from './queries.js';

export type EngineName = 'veille' | 'minisearch' | 'lunr';

export interface Job {
  readonly engine: EngineName;
  readonly size: number;
  readonly articlesDir: string;
  /** Parsed articles as JSON lines: written by the veille job, read by the peers (their build is what is timed). */
  readonly articlesCache: string;
  readonly dataDir: string;
  readonly queriesFile: string;
  readonly resultFile: string;
}

export interface Result {
  readonly engine: EngineName;
  readonly size: number;
  readonly articles: number;
  readonly passages?: number;
  /** Reading and parsing the folder (veille: through the loader's per-file reader). */
  readonly loadMs?: number;
  readonly buildMs: number;
  /** Longest event-loop stall during the build. */
  readonly buildStallMs: number;
  readonly heapMB: number;
  readonly externalMB: number;
  readonly peakRssMB: number;
  readonly snapshotSaveMs?: number;
  readonly snapshotLoadMs?: number;
  readonly snapshotMB?: number;
  /** Start-up from the snapshot, folder scan included (veille only). */
  readonly warmStartMs?: number;
  readonly warmStartStallMs?: number;
  readonly latency: Readonly<Record<'search' | 'ask' | 'autocomplete' | 'topic' | 'knownItem' | 'typo' | 'english', Latency>>;
  readonly knownHit1: number;
  readonly knownMrr: number;
  readonly devRecall1: number;
  readonly error?: string;
}

/** What the latency and relevance part needs from an engine. */
interface Engine {
  /** /search as the bot runs it (veille: the whole reply for page 1). */
  search(query: string): unknown;
  /** /ask as the bot runs it. */
  ask(question: string): unknown;
  autocomplete(typed: string): unknown;
  /** Ids of the top `n` articles for a query (relevance). */
  top(query: string, n: number, question: boolean): string[];
}

const MB = 1024 * 1024;
const immediate = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const AUTOCOMPLETE_CHOICES = 25;

async function main(): Promise<void> {
  const job = JSON.parse(await readFile(process.argv[2] as string, 'utf8')) as Job;
  const queries = JSON.parse(await readFile(job.queriesFile, 'utf8')) as QuerySet;
  const result = job.engine === 'veille' ? await runVeille(job, queries) : await runPeer(job, queries);
  await writeFile(job.resultFile, JSON.stringify(result));
}

async function runVeille(job: Job, queries: QuerySet): Promise<Result> {
  await rm(job.dataDir, { recursive: true, force: true });
  await mkdir(job.dataDir, { recursive: true });
  // Cold start: every file read and parsed, the index built without blocking, the snapshot saved.
  let cold: Awaited<ReturnType<typeof coldStart>> | undefined = await coldStart(job);
  const savedAt = performance.now();
  await cold.value.saved;
  const snapshotSaveMs = performance.now() - savedAt;
  const built = {
    articles: cold.value.index.size,
    passages: cold.value.index.passageTotal,
    loadMs: cold.value.timings.scanMs + cold.value.timings.readMs,
    buildMs: cold.value.timings.indexMs,
    buildStallMs: cold.maxStallMs,
  };
  await dumpArticles(cold.value.index.all(), job.articlesCache);
  const memory = memoryAfterGc();
  const peak = peakRssMB();
  cold = undefined; // the warm start below must not share memory with the cold index
  collect();

  // Warm start: what a restart costs with the snapshot in place.
  const warm = await withStallMonitor(() => openIndex({ articlesDir: job.articlesDir, dataDir: job.dataDir, yieldToEventLoop: immediate }));
  if (!warm.value.fromSnapshot || warm.value.filesRead > 0) throw new Error('warm start did not use the snapshot');
  const snapshotBytes = (await stat(join(job.dataDir, SNAPSHOT_FILE))).size;
  const warmIndex = warm.value.index;
  const engine: Engine = {
    search: (query) => searchReply(warmIndex, { kind: 'search', query, page: 0 }, 'fr'),
    ask: (question) => askReply(warmIndex, question, 'fr'),
    autocomplete: (typed) => warmIndex.suggest(typed, AUTOCOMPLETE_CHOICES),
    top: (query, n, question) => warmIndex.search(parseQuery(query, { question }), { limit: n }).map((h) => h.article.id),
  };
  return {
    engine: 'veille',
    size: job.size,
    ...built,
    heapMB: memory.heapMB,
    externalMB: memory.externalMB,
    peakRssMB: peak,
    snapshotSaveMs,
    snapshotLoadMs: warm.value.timings.snapshotMs,
    snapshotMB: snapshotBytes / MB,
    warmStartMs: warm.value.ms,
    warmStartStallMs: warm.maxStallMs,
    ...measureQueries(engine, queries),
  };
}

function coldStart(job: Job) {
  return withStallMonitor(() => openIndex({ articlesDir: job.articlesDir, dataDir: job.dataDir, yieldToEventLoop: immediate }));
}

/** Peers index whole articles (title + text), as their documentation shows; the bot would keep the texts too. */
async function runPeer(job: Job, queries: QuerySet): Promise<Result> {
  const articles = await readArticles(job.articlesCache);
  const docs = articles.map((a) => ({ id: a.id, title: a.title, text: a.paragraphs.join('\n') }));
  collect();
  const snapshotPath = join(job.dataDir, `${job.engine}.json`);
  await mkdir(job.dataDir, { recursive: true });
  let engine: Engine;
  let buildMs: number;
  let save: () => Promise<void>;
  let load: () => Promise<void>;
  if (job.engine === 'minisearch') {
    const options = { fields: ['title', 'text'], idField: 'id' };
    const start = performance.now();
    let index = new MiniSearch<(typeof docs)[number]>(options);
    index.addAll(docs);
    buildMs = performance.now() - start;
    engine = miniSearchEngine(() => index, articles);
    save = () => writeFile(snapshotPath, JSON.stringify(index));
    load = async () => {
      index = MiniSearch.loadJSON(await readFile(snapshotPath, 'utf8'), options);
    };
  } else {
    lunrStemmerSupport(lunr);
    lunrFr(lunr);
    const start = performance.now();
    let index = lunr(function (this: any) {
      this.use(lunr.fr);
      this.ref('id');
      this.field('title');
      this.field('text');
      for (const doc of docs) this.add(doc);
    });
    buildMs = performance.now() - start;
    engine = lunrEngine(() => index, articles);
    save = () => writeFile(snapshotPath, JSON.stringify(index));
    load = async () => {
      index = lunr.Index.load(JSON.parse(await readFile(snapshotPath, 'utf8')));
    };
  }
  const memory = memoryAfterGc();
  const peak = peakRssMB();
  let snapshot: Pick<Result, 'snapshotSaveMs' | 'snapshotLoadMs' | 'snapshotMB' | 'error'> = {};
  try {
    const saveStart = performance.now();
    await save();
    const snapshotSaveMs = performance.now() - saveStart;
    const loadStart = performance.now();
    await load();
    snapshot = { snapshotSaveMs, snapshotLoadMs: performance.now() - loadStart, snapshotMB: (await stat(snapshotPath)).size / MB };
  } catch (error) {
    snapshot = { error: `snapshot: ${error instanceof Error ? error.message : String(error)}` };
  }
  await rm(snapshotPath, { force: true });
  return {
    engine: job.engine,
    size: job.size,
    articles: articles.length,
    buildMs,
    // A synchronous build blocks the event loop from start to end.
    buildStallMs: buildMs,
    heapMB: memory.heapMB,
    externalMB: memory.externalMB,
    peakRssMB: peak,
    ...snapshot,
    ...measureQueries(engine, queries),
  };
}

function miniSearchEngine(index: () => MiniSearch<{ id: string; title: string; text: string }>, articles: readonly Article[]): Engine {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const page = (query: string): Article[] =>
    index()
      .search(query)
      .slice(0, 5)
      .map((r) => byId.get(String(r.id)) as Article);
  return {
    search: page,
    ask: page,
    autocomplete: (typed) => index().search(typed, { fields: ['title'], prefix: (_t, i, terms) => i === terms.length - 1 }).slice(0, AUTOCOMPLETE_CHOICES),
    top: (query, n) =>
      index()
        .search(query)
        .slice(0, n)
        .map((r) => String(r.id)),
  };
}

function lunrEngine(index: () => any, articles: readonly Article[]): Engine {
  const byId = new Map(articles.map((a) => [a.id, a]));
  // The query builder, not the query string: user text must never be read as Lunr's syntax (`-`, `:`, `~`…).
  const run = (text: string, fields?: string[], lastPrefix = false): { ref: string }[] => {
    const tokens = lunr.tokenizer(text) as { toString(): string }[];
    return index().query((q: any) => {
      tokens.forEach((token, i) => {
        const prefix = lastPrefix && i === tokens.length - 1;
        q.term(token.toString(), {
          ...(fields ? { fields } : {}),
          ...(prefix ? { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false } : {}),
        });
      });
    });
  };
  const page = (query: string): Article[] => run(query).slice(0, 5).map((r) => byId.get(r.ref) as Article);
  return {
    search: page,
    ask: page,
    autocomplete: (typed) => run(typed.toLowerCase(), ['title'], true).slice(0, AUTOCOMPLETE_CHOICES),
    top: (query, n) =>
      run(query)
        .slice(0, n)
        .map((r) => r.ref),
  };
}

function measureQueries(engine: Engine, queries: QuerySet): Pick<Result, 'latency' | 'knownHit1' | 'knownMrr' | 'devRecall1'> {
  const topic = timeEach(queries.topic, (q) => engine.search(q));
  const knownItem = timeEach(
    queries.knownItem.map((k) => k.query),
    (q) => engine.search(q),
  );
  const typo = timeEach(queries.typo, (q) => engine.search(q));
  const english = timeEach(queries.english, (q) => engine.ask(q));
  const ask = timeEach(queries.ask, (q) => engine.ask(q));
  const autocomplete = timeEach(queries.autocomplete, (q) => engine.autocomplete(q));
  let hits = 0;
  let reciprocal = 0;
  for (const k of queries.knownItem) {
    const rank = engine.top(k.query, 10, false).indexOf(k.id);
    if (rank === 0) hits++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  }
  let dev = 0;
  for (const d of queries.dev) {
    const first = engine.top(d.question, 1, true)[0];
    if (first !== undefined && d.acceptable.includes(first)) dev++;
  }
  return {
    latency: {
      search: summarise([...topic, ...knownItem, ...typo]),
      ask: summarise(ask),
      autocomplete: summarise(autocomplete),
      topic: summarise(topic),
      knownItem: summarise(knownItem),
      typo: summarise(typo),
      english: summarise(english),
    },
    knownHit1: hits / Math.max(queries.knownItem.length, 1),
    knownMrr: reciprocal / Math.max(queries.knownItem.length, 1),
    devRecall1: dev / Math.max(queries.dev.length, 1),
  };
}

async function dumpArticles(articles: Iterable<Article>, path: string): Promise<void> {
  const out = createWriteStream(path);
  for (const article of articles) {
    if (!out.write(`${JSON.stringify(article)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function readArticles(path: string): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line !== '') articles.push(JSON.parse(line) as Article);
  }
  return articles;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
