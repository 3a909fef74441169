import { isAbsolute, resolve } from 'node:path';
import { canonicalTimeZone } from './scheduler/localTime.js';

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
  /** Register the commands in this server only (instant); otherwise globally. */
  readonly discordGuildId?: string;
  /** REST base URL (a proxy, or a local Discord in tests); the gateway URL is then asked from it. */
  readonly discordApiUrl?: string;
  /** Seconds a user waits between two /ask or /search (0: no cooldown). */
  readonly cooldownSeconds: number;
  /** Run as several shards under discord.js's ShardingManager: a count, or `auto` to ask Discord. */
  readonly shardCount?: number | 'auto';
  /** Folder of the bot's own data (the SQLite database of digest subscriptions), absolute; created on first start. */
  readonly dataDir: string;
  /** IANA time zone of digest post times and digest days, e.g. `Europe/Paris`. */
  readonly digestTimezone: string;
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

  const discordGuildId = value('DISCORD_GUILD_ID');
  if (discordGuildId !== undefined && !/^\d{17,20}$/.test(discordGuildId)) {
    problems.push({ key: 'DISCORD_GUILD_ID', problem: `expected a server id, 17 to 20 digits (got "${discordGuildId}")` });
  }

  const discordApiUrl = value('DISCORD_API_URL');
  if (discordApiUrl !== undefined && !isHttpUrl(discordApiUrl)) {
    problems.push({ key: 'DISCORD_API_URL', problem: `expected an http(s) URL such as http://127.0.0.1:8080/api (got "${discordApiUrl}")` });
  }

  let cooldownSeconds = 5;
  const cooldown = value('COOLDOWN_SECONDS');
  if (cooldown !== undefined) {
    if (!/^\d{1,4}$/.test(cooldown)) problems.push({ key: 'COOLDOWN_SECONDS', problem: `expected a whole number of seconds, 0 to 9999 (got "${cooldown}")` });
    else cooldownSeconds = Number(cooldown);
  }

  let shardCount: number | 'auto' | undefined;
  const shards = value('DISCORD_SHARD_COUNT');
  if (shards !== undefined) {
    if (shards === 'auto') shardCount = 'auto';
    else if (/^\d{1,5}$/.test(shards) && Number(shards) >= 1) shardCount = Number(shards);
    else problems.push({ key: 'DISCORD_SHARD_COUNT', problem: `expected "auto" or a whole number of shards, at least 1 (got "${shards}")` });
  }

  const dataDir = value('DATA_DIR') ?? 'data';

  const timezoneSetting = value('DIGEST_TIMEZONE') ?? 'Europe/Paris';
  const digestTimezone = canonicalTimeZone(timezoneSetting) ?? timezoneSetting;
  if (canonicalTimeZone(timezoneSetting) === undefined) {
    problems.push({ key: 'DIGEST_TIMEZONE', problem: `expected an IANA time zone such as Europe/Paris or UTC (got "${timezoneSetting}")` });
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    articlesDir: isAbsolute(articlesDir) ? articlesDir : resolve(cwd, articlesDir),
    articleMaxBytes,
    logLevel: logLevel as LogLevel,
    cooldownSeconds,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
    digestTimezone,
    ...(discordToken !== undefined ? { discordToken } : {}),
    ...(discordGuildId !== undefined ? { discordGuildId } : {}),
    ...(discordApiUrl !== undefined ? { discordApiUrl: discordApiUrl.replace(/\/+$/, '') } : {}),
    ...(shardCount !== undefined ? { shardCount } : {}),
  };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
