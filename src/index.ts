import { config as loadDotenv } from 'dotenv';
import { performance } from 'node:perf_hooks';
import { ConfigError, parseConfig } from './config.js';
import { runConsole } from './console/runConsole.js';
import { runOnce } from './console/runOnce.js';
import { UserError } from './core/errors.js';
import { ArticleIndex } from './core/search/ArticleIndex.js';
import { createLogger, type Logger } from './logger.js';
import type { SkippedFile } from './storage/loadArticles.js';
import { loadArticles } from './storage/loadArticles.js';

/** Skipped files named in the start-up line; the rest are counted (each has its own warning line anyway). */
const SKIPPED_IN_SUMMARY = 5;

/** Composition root: settings → articles → index → one-shot command, console, or (with a token) Discord. */
async function main(argv: readonly string[]): Promise<number> {
  loadDotenv({ quiet: true });
  let config;
  try {
    config = parseConfig(process.env, process.cwd());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nFix them in .env (see .env.example) or in the environment.\n`);
      return 1;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const index = await loadIndex(config.articlesDir, config.articleMaxBytes, logger);
  if (!index) return 1;

  if (argv.length > 0) {
    return runOnce(index, argv, { stdout: process.stdout, stderr: process.stderr, ansi: process.stdout.isTTY === true });
  }
  await runConsole(index, { input: process.stdin, output: process.stdout, ansi: process.stdout.isTTY === true }, logger);
  return 0;
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
    `Loaded ${index.size} articles in ${ms} ms${describeSkipped(loaded.skipped)}`,
  );
  return index;
}

function describeSkipped(skipped: readonly SkippedFile[]): string {
  if (skipped.length === 0) return ', none skipped';
  const named = skipped.slice(0, SKIPPED_IN_SUMMARY).map((s) => `${s.file}: ${s.reason}`);
  const more = skipped.length > SKIPPED_IN_SUMMARY ? `; and ${skipped.length - SKIPPED_IN_SUMMARY} more` : '';
  return `, ${skipped.length} skipped (${named.join('; ')}${more})`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
