import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import { runConsole } from './console/runConsole.js';
import { runOnce } from './console/runOnce.js';
import { UserError } from './core/errors.js';
import type { ArticleIndex } from './core/search/ArticleIndex.js';
import { runShards } from './discord/runShards.js';
import { startBot } from './discord/startBot.js';
import { startEventLoopMonitor } from './eventLoopMonitor.js';
import { LiveLibrary } from './LiveLibrary.js';
import { createLogger, type Logger } from './logger.js';
import { localDay } from './scheduler/localTime.js';
import { readSettings, runMain } from './startup.js';
import type { SkippedFile } from './storage/loadArticles.js';
import { openIndex } from './storage/openIndex.js';
import { SubscriptionStore } from './storage/SubscriptionStore.js';
import { watchArticles } from './storage/watchArticles.js';
import { VERSION } from './version.js';
import { WorkQueue } from './WorkQueue.js';

/** Skipped files named in the start-up line; the rest are counted (each has its own warning line anyway). */
const SKIPPED_IN_SUMMARY = 5;
/** After a clean shutdown, how long the event loop may take to drain before the process exits anyway. */
const EXIT_GRACE_MS = 1000;

/**
 * Composition root: settings → articles → index → a one-shot command, the console, or (with a token) Discord with
 * its daily digests and folder watcher. With DISCORD_SHARD_COUNT, this process only manages shards, each of which
 * runs this same file.
 */
async function main(argv: readonly string[]): Promise<number> {
  const config = readSettings();
  if (!config) return 1;
  const logger = createLogger(config.logLevel);
  const isShard = process.env.SHARDING_MANAGER === 'true';

  if (config.discordToken && config.shardCount !== undefined && !isShard && argv.length === 0) {
    const manager = await runShards(
      { token: config.discordToken, shardCount: config.shardCount, entry: fileURLToPath(import.meta.url), ...(config.discordApiUrl ? { apiUrl: config.discordApiUrl } : {}) },
      logger,
    );
    await untilSignal(logger);
    for (const shard of manager.shards.values()) shard.kill();
    return 0;
  }

  const loadStarted = Date.now();
  // Replies, event extraction, files handed over by the watcher and the index snapshot's save (which goes on after
  // start-up) share one queue, so that together they never hold the event loop.
  const work = new WorkQueue();
  const index = await loadIndex(config, logger, work);
  if (!index) return 1;

  if (argv.length > 0 || !config.discordToken) {
    const library = new LiveLibrary(index, { timeZone: config.digestTimezone });
    if (argv.length > 0) return runOnce(library, argv, { stdout: process.stdout, stderr: process.stderr, ansi: process.stdout.isTTY === true });
    await runConsole(library, { input: process.stdin, output: process.stdout, ansi: process.stdout.isTTY === true }, logger);
    return 0;
  }
  return runBot(config, { token: config.discordToken, index, loadStarted, work }, logger);
}

/** The bot: the subscriptions store, the folder watcher, the library they keep current, and Discord. */
async function runBot(
  config: Config,
  start: { token: string; index: ArticleIndex; loadStarted: number; work: WorkQueue },
  logger: Logger,
): Promise<number> {
  // From here on the gateway's heartbeat and the 3-second acknowledgements share this thread: report any stall.
  const monitor = startEventLoopMonitor(logger);
  const { work } = start;
  const timeZone = config.digestTimezone;
  const today = (): string => localDay(Date.now(), timeZone);
  const store = SubscriptionStore.open({ dataDir: config.dataDir });
  // Without the database the bot still answers; digests are paused and /digest status says why.
  const noteArrivals = (ids: Iterable<string>): void => {
    if (!store.state.ok) return;
    try {
      store.noteArticles(ids, today(), Date.now());
    } catch (error) {
      logger.warn({ err: error }, 'Could not record new articles for the digest');
    }
  };
  if (!store.state.ok) logger.error({ reason: store.state.unavailable.reason, dataDir: config.dataDir }, 'Subscriptions database unavailable: digests are paused');
  noteArrivals(Array.from(start.index.all(), (a) => a.id));
  const library = new LiveLibrary(start.index, { timeZone, arrivals: (day) => (store.state.ok ? store.arrivalsOn(day) : []) });

  const watcher = await watchArticles(config.articlesDir, {
    maxBytes: config.articleMaxBytes,
    changedSince: start.loadStarted,
    logger,
    work,
    onUpsert: (article, change) => {
      library.upsert(article);
      if (change.kind === 'added') noteArrivals([article.id]);
      logger.info({ id: article.id, file: change.file, kind: change.kind }, `Article ${change.kind}: ${article.id}`);
    },
    onRemove: (id, change) => {
      library.remove(id);
      logger.info({ id, file: change.file }, `Article removed: ${id}`);
    },
  });

  const stopping = untilSignal(logger);
  const bot = startBot(
    library,
    {
      token: start.token,
      cooldownSeconds: config.cooldownSeconds,
      version: VERSION,
      work,
      digests: { store, timeZone, rescan: () => watcher.rescan() },
      ...(config.discordApiUrl ? { apiUrl: config.discordApiUrl } : {}),
      ...(config.discordGuildId ? { guildId: config.discordGuildId } : {}),
    },
    logger,
  );
  // Dated events are extracted in the background: the gateway keeps its heartbeat meanwhile.
  void library.fillEvents(work).then(() => logger.info({ articles: library.articles.size }, 'Timeline ready'));
  // Runs until a signal, unless Discord refuses the token (no retry can fix that: exit with code 1).
  const refused = await Promise.race([stopping.then(() => undefined), bot.loggedIn.then(() => stopping.then(() => undefined), (error: unknown) => error)]);
  await bot.stop();
  await watcher.close();
  store.close();
  monitor.stop();
  // When Discord is unreachable at that moment, @discordjs/ws keeps retrying the gateway after destroy() (a
  // reconnect timer outlives it) and the process would never end: leave once the logs are written.
  setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
  if (refused !== undefined) {
    logger.fatal('Discord refused the token: copy it again from the Developer Portal (Bot page) into DISCORD_TOKEN');
    return 1;
  }
  logger.info('Stopped cleanly');
  return 0;
}

/** Resolves on the first SIGINT or SIGTERM (Ctrl-C, `docker stop`, systemd), so the caller can shut down cleanly. */
function untilSignal(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      logger.info({ signal }, 'Shutting down: finishing the interactions in flight');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** The index, from the snapshot in DATA_DIR when the folder has not changed since, else from the files. */
async function loadIndex(config: Config, logger: Logger, work: WorkQueue): Promise<ArticleIndex | undefined> {
  let opened;
  try {
    opened = await openIndex({
      articlesDir: config.articlesDir,
      dataDir: config.dataDir,
      maxBytes: config.articleMaxBytes,
      // Each pause waits for a turn of the queue: the snapshot's save then takes turns with replies, not their place.
      yieldToEventLoop: () => work.run(() => undefined),
      log: (message, fields) => logger.debug(fields, message),
    });
  } catch (error) {
    if (error instanceof UserError) {
      logger.fatal({ code: error.code, dir: config.articlesDir }, error.message);
      return undefined;
    }
    throw error;
  }
  for (const { file, reason } of opened.skipped) logger.warn({ file, reason }, `Skipped ${file}: ${reason}`);
  const { index, ms } = opened;
  logger.info(
    { articles: index.size, skipped: opened.skipped.length, ms, dir: config.articlesDir, fromSnapshot: opened.fromSnapshot },
    `Loaded ${index.size} article${index.size === 1 ? '' : 's'} in ${ms} ms${describeSkipped(opened.skipped)}`,
  );
  void opened.saved;
  return index;
}

function describeSkipped(skipped: readonly SkippedFile[]): string {
  if (skipped.length === 0) return ', none skipped';
  const named = skipped.slice(0, SKIPPED_IN_SUMMARY).map((s) => `${s.file}: ${s.reason}`);
  const more = skipped.length > SKIPPED_IN_SUMMARY ? `; and ${skipped.length - SKIPPED_IN_SUMMARY} more` : '';
  return `, ${skipped.length} skipped (${named.join('; ')}${more})`;
}

runMain(() => main(process.argv.slice(2)));
