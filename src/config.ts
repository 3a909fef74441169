import { isAbsolute, resolve } from 'node:path';

/** Log levels pino understands. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The bot's settings, parsed and validated once at start-up. Every setting is documented in `.env.example`. */
export interface Config {
  /** Folder of `*.txt` articles, absolute. */
  readonly articlesDir: string;
  /** Files larger than this are skipped with a warning. */
  readonly articleMaxBytes: number;
  readonly logLevel: LogLevel;
  /** Absent: the console. Never logged. */
  readonly discordToken?: string;
}

/** A bad setting: names every key that is wrong and why, so the user fixes them all in one go. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly { readonly key: string; readonly problem: string }[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p.key}: ${p.problem}`).join('\n')}`);
  }
}

/**
 * Reads the settings from `env` (process.env after `.env` is loaded). Relative paths are resolved against `cwd`.
 * Throws `ConfigError` listing every bad key; never echoes the token's value.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): Config {
  const problems: { key: string; problem: string }[] = [];
  const value = (key: string): string | undefined => {
    const v = env[key]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };

  const articlesDir = value('ARTICLES_DIR') ?? 'seeds';

  let articleMaxBytes = 5 * 1024 * 1024;
  const maxBytes = value('ARTICLE_MAX_BYTES');
  if (maxBytes !== undefined) {
    const n = Number(maxBytes);
    if (!/^\d+$/.test(maxBytes) || !Number.isSafeInteger(n) || n < 1024) {
      problems.push({ key: 'ARTICLE_MAX_BYTES', problem: `expected a whole number of bytes, at least 1024 (got "${maxBytes}")` });
    } else {
      articleMaxBytes = n;
    }
  }

  const logLevel = value('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push({ key: 'LOG_LEVEL', problem: `expected one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")` });
  }

  const discordToken = value('DISCORD_TOKEN');
  if (discordToken !== undefined && !/^[\w.-]{20,}$/.test(discordToken)) {
    // The value itself is never repeated: a half-pasted token is still a secret.
    problems.push({ key: 'DISCORD_TOKEN', problem: 'does not look like a bot token (copy it again from the Developer Portal, Bot page)' });
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    articlesDir: isAbsolute(articlesDir) ? articlesDir : resolve(cwd, articlesDir),
    articleMaxBytes,
    logLevel: logLevel as LogLevel,
    ...(discordToken !== undefined ? { discordToken } : {}),
  };
}
