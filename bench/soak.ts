/**
 * `tsx bench/soak.ts [--interactions 10000] [--articles 1000]`: does the bot's memory come back to where it started
 * after 10,000 interactions in a row? The bot runs in this process exactly as `startBot` runs it — discord.js, the
 * error boundary, cooldowns, the work queue, the reply builders and renderer — on an archive of generated articles,
 * against the fake Discord in a child process (`soakDiscord.ts`, so that the fake's own records are not counted).
 *
 * The mix: questions, searches and pages of results, autocompletes, articles page by page, timelines, digests, /about
 * and /help, with words drawn at random from the archive (so that caches keyed by query meet new keys all along), from
 * 3,000 users (so that per-user state is exercised). A warm-up of one interaction per user comes first: it brings the
 * JIT, the caches and the per-user table to their steady state, which is what "its starting level" means for a bot
 * that has been up a while. The heap is then measured at the start, the middle and the end of the run, each time
 * after a 22 s pause (two of the bot's REST sweeps) and full garbage collections.
 *
 * Fails (exit code 1) when the end is more than MARGIN_MB above the start, or when any interaction went wrong (late,
 * invalid, unanswered). Why 3 MB: a leak of a few hundred bytes per interaction — one retained reply, one Map entry
 * never deleted — shows as several megabytes over 10,000; what legitimately moves the figure after a warm-up is
 * V8's own bookkeeping (code optimised late, inline caches, size of the free lists), under a megabyte here.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pino } from 'pino';
import { startBot } from '../src/discord/startBot.js';
import { LiveLibrary } from '../src/LiveLibrary.js';
import { openIndex } from '../src/storage/openIndex.js';
import { SubscriptionStore } from '../src/storage/SubscriptionStore.js';
import { VERSION } from '../src/version.js';
import { WorkQueue } from '../src/WorkQueue.js';
import { prepareCorpus, random, seedSentences } from './corpus.js';
import { SOAK_TOKEN, type SoakAnswer, type SoakInteraction } from './soakDiscord.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSX_CLI = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const MARGIN_MB = 3;
const USERS = 3_000;
/** Interactions in flight at once: a busy server, without measuring only the queue. */
const IN_FLIGHT = 4;
const MB = 1024 * 1024;
/** Two of the bot's REST handler sweeps (10 s) and a little: what a pause between two bursts of traffic is. */
const SETTLE_MS = 22_000;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a whole number`);
  return value;
}

/** `global.gc` without asking the caller for `--expose-gc`. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function main(): Promise<number> {
  const total = option('interactions', 10_000);
  const size = option('articles', 1_000);
  const gc = exposeGc();
  // At rest, after the bot's REST sweep (every 10 s) has dropped the idle per-interaction handlers: what remains is
  // what the bot keeps, not what the last seconds of traffic left for the sweep.
  const heapMB = async (): Promise<number> => {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    gc();
    gc();
    return process.memoryUsage().heapUsed / MB;
  };

  // The archive and the words users type.
  const source = seedSentences(join(ROOT, 'seeds'));
  const corpus = await prepareCorpus({ source, sourceName: 'seeds (soak)', sizes: [size], workDir: join(tmpdir(), 'veille-soak'), seedsDir: join(ROOT, 'seeds') });
  const articlesDir = corpus.folders.get(size) as string;
  const dataDir = mkdtempSync(join(tmpdir(), 'veille-soak-data-'));
  const work = new WorkQueue();
  const opened = await openIndex({ articlesDir, dataDir, yieldToEventLoop: () => work.run(() => undefined) });
  const library = new LiveLibrary(opened.index, { timeZone: 'UTC' });
  await library.fillEvents(work);
  const words = [...new Set(source.flatMap((a) => a.sentences.join(' ').split(/[^\p{L}\p{N}’'-]+/u)).filter((w) => w.length >= 4))];
  const questions = (JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/devset.json'), 'utf8')) as { questions: Array<{ question: string }> }).questions.map((q) => q.question);
  const ids = [...opened.index.all()].map((a) => a.id);

  // The fake Discord, in its own process.
  const child = fork(join(ROOT, 'bench/soakDiscord.ts'), [], { execPath: process.execPath, execArgv: [TSX_CLI], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ apiUrl: string; guildId: string; channelId: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { apiUrl: string; guildId: string; channelId: string }));
    child.once('exit', (code) => reject(new Error(`the fake Discord exited with code ${code}`)));
  });
  const pending = new Map<number, (answer: SoakAnswer) => void>();
  child.on('message', (m) => {
    const answer = m as SoakAnswer;
    pending.get(answer.n)?.(answer);
    pending.delete(answer.n);
  });

  // The bot, as `startBot` runs it; warnings (an event-loop stall, a retry) are counted and the first few shown.
  let warnings = 0;
  const logger = pino({ level: 'warn', base: null }, { write: (line: string) => (++warnings <= 10 ? process.stderr.write(line) : true) });
  const store = SubscriptionStore.open({ dataDir });
  const bot = startBot(
    library,
    {
      token: SOAK_TOKEN,
      apiUrl: ready.apiUrl,
      guildId: ready.guildId,
      cooldownSeconds: 1,
      version: VERSION,
      work,
      digests: { store, timeZone: 'UTC', rescan: async () => ({ added: 0, updated: 0, removed: 0, skipped: [] }) },
    },
    logger,
  );
  await bot.loggedIn;
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // commands registered, scheduler started

  const rand = random(20_240_601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const some = (n: number): string => Array.from({ length: n }, () => pick(words)).join(' ');
  const interaction = (n: number): SoakInteraction => {
    const user = String(1300000000000300000n + BigInt(n % USERS));
    const day = `2022-01-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    switch (n % 10) {
      case 0:
      case 1:
        return { n, user, kind: 'command', name: 'ask', options: { question: n % 2 ? pick(questions) : `${pick(questions)} ${some(1)}` } };
      case 2:
        return { n, user, kind: 'command', name: 'search', options: { query: some(1 + (n % 3)) } };
      case 3:
        return { n, user, kind: 'button', customId: `v1:s:${n % 3}:::${some(1)}` };
      case 4:
        return { n, user, kind: 'autocomplete', name: 'article', options: { id: pick(words).slice(0, 2 + (n % 6)) } };
      case 5:
        return { n, user, kind: 'button', customId: `v1:a:${n % 3}:${pick(ids)}` };
      case 6:
        return { n, user, kind: 'command', name: 'timeline', options: { query: some(1) } };
      case 7:
        return { n, user, kind: 'command', name: 'digest', options: [{ type: 1, name: 'show', options: [{ name: 'date', type: 3, value: day }] }] };
      case 8:
        return { n, user, kind: 'command', name: 'article', options: { id: pick(ids) } };
      default:
        return { n, user, kind: 'command', name: n % 20 === 9 ? 'about' : 'help' };
    }
  };

  const problems: string[] = [];
  const latencies: number[] = [];
  let next = 0;
  const run = async (count: number): Promise<void> => {
    const end = next + count;
    const lane = async (): Promise<void> => {
      while (next < end) {
        const job = interaction(next++);
        const answer = await new Promise<SoakAnswer>((resolve) => {
          pending.set(job.n, resolve);
          child.send(job);
        });
        latencies.push(answer.ms);
        for (const problem of answer.problems) if (problems.length < 20) problems.push(`#${job.n} ${job.name ?? job.customId ?? ''}: ${problem}`);
        if (answer.problems.length > 0 && problems.length >= 20) problems.push('…');
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  };

  const started = Date.now();
  process.stderr.write(`soak: ${opened.index.size} articles; warm-up of ${USERS} interactions…\n`);
  await run(USERS);
  latencies.length = 0;
  const start = await heapMB();
  process.stderr.write(`soak: ${total} interactions…\n`);
  await run(Math.floor(total / 2));
  const middle = await heapMB();
  await run(total - Math.floor(total / 2));
  const end = await heapMB();
  const seconds = (Date.now() - started) / 1000;

  await bot.stop();
  store.close();
  child.send({ stop: true });

  latencies.sort((a, b) => a - b);
  const p = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const growth = end - start;
  const figures = {
    interactions: total,
    articles: opened.index.size,
    heapMB: { start: round(start), middle: round(middle), end: round(end) },
    growthMB: round(growth),
    bytesPerInteraction: Math.round((growth * MB) / total),
    marginMB: MARGIN_MB,
    latencyMs: { p50: p(0.5), p99: p(0.99), max: latencies.at(-1) ?? NaN },
    warnings,
    problems: problems.length,
    seconds: round(seconds),
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  const failures: string[] = [];
  if (growth > MARGIN_MB) failures.push(`the heap grew by ${round(growth)} MB over ${total} interactions (margin ${MARGIN_MB} MB)`);
  if (problems.length > 0) failures.push(`${problems.length} interaction(s) went wrong:\n  ${problems.join('\n  ')}`);
  for (const failure of failures) process.stderr.write(`soak: FAILED: ${failure}\n`);
  if (failures.length === 0) process.stderr.write(`soak: passed — heap ${round(start)} → ${round(middle)} → ${round(end)} MB\n`);
  return failures.length === 0 ? 0 : 1;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
