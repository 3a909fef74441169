import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { runConsole } from './console/runConsole.js';
import { runOnce } from './console/runOnce.js';
import { UserError } from './core/errors.js';
import { ArticleIndex } from './core/search/ArticleIndex.js';
import { runShards } from './discord/runShards.js';
import { startBot } from './discord/startBot.js';
import { createLogger, type Logger } from './logger.js';
import { readSettings, runMain } from './startup.js';
import type { SkippedFile } from './storage/loadArticles.js';
import { loadArticles } from './storage/loadArticles.js';
import { VERSION } from './version.js';

/** Skipped files named in the start-up line; the rest are counted (each has its own warning line anyway). */
const SKIPPED_IN_SUMMARY = 5;
/** After a clean shutdown, how long the event loop may take to drain before the process exits anyway. */
const EXIT_GRACE_MS = 1000;

/**
 * Composition root: settings → articles → index → a one-shot command, the console, or (with a token) Discord.
 * With DISCORD_SHARD_COUNT, this process only manages shards, each of which runs this same file.
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

  const index = await loadIndex(config.articlesDir, config.articleMaxBytes, logger);
  if (!index) return 1;

  if (argv.length > 0) {
    return runOnce(index, argv, { stdout: process.stdout, stderr: process.stderr, ansi: process.stdout.isTTY === true });
  }
  if (!config.discordToken) {
    await runConsole(index, { input: process.stdin, output: process.stdout, ansi: process.stdout.isTTY === true }, logger);
    return 0;
  }
  const stopping = untilSignal(logger);
  const bot = startBot(
    index,
    {
      token: config.discordToken,
      cooldownSeconds: config.cooldownSeconds,
      version: VERSION,
      ...(config.discordApiUrl ? { apiUrl: config.discordApiUrl } : {}),
      ...(config.discordGuildId ? { guildId: config.discordGuildId } : {}),
    },
    logger,
  );
  // Runs until a signal, unless Discord refuses the token (no retry can fix that: exit with code 1).
  const refused = await Promise.race([stopping.then(() => undefined), bot.loggedIn.then(() => stopping.then(() => undefined), (error: unknown) => error)]);
  await bot.stop();
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

async function loadIndex(dir: string, maxBytes: number, logger: Logger): Promise<ArticleIndex | undefined> {
  const started = performance.now();
  let loaded;
  try {
    loaded = await loadArticles(dir, { maxBytes });
  } catch (error) {
    if (error instanceof UserError) {
      logger.fatal({ code: error.code, dir }, error.message);
      return undefined;
    }
    throw error;
  }
  for (const { file, reason } of loaded.skipped) logger.warn({ file, reason }, `Skipped ${file}: ${reason}`);
  const index = ArticleIndex.of(loaded.articles);
  const ms = Math.round(performance.now() - started);
  logger.info(
    { articles: index.size, skipped: loaded.skipped.length, ms, dir },
    `Loaded ${index.size} article${index.size === 1 ? '' : 's'} in ${ms} ms${describeSkipped(loaded.skipped)}`,
  );
  return index;
}

function describeSkipped(skipped: readonly SkippedFile[]): string {
  if (skipped.length === 0) return ', none skipped';
  const named = skipped.slice(0, SKIPPED_IN_SUMMARY).map((s) => `${s.file}: ${s.reason}`);
  const more = skipped.length > SKIPPED_IN_SUMMARY ? `; and ${skipped.length - SKIPPED_IN_SUMMARY} more` : '';
  return `, ${skipped.length} skipped (${named.join('; ')}${more})`;
}

runMain(() => main(process.argv.slice(2)));
