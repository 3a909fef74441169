import { config as loadDotenv } from 'dotenv';
import type { Config } from './config.js';
import { ConfigError, parseConfig } from './config.js';

/**
 * Loads `.env` (without overriding the environment) and parses the settings. A bad setting is reported on stderr,
 * every bad key named, and `undefined` returned so that the caller exits with code 1.
 */
export function readSettings(): Config | undefined {
  loadDotenv({ quiet: true });
  try {
    return parseConfig(process.env, process.cwd());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nFix them in .env (see .env.example) or in the environment.\n`);
    return undefined;
  }
}

/** Runs an entry point and sets the exit code it returns; an unexpected error is printed, with code 1. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
