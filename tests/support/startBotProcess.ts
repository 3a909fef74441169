/**
 * Starts the real bot the way `npm start` does — `node node_modules/tsx/dist/cli.mjs src/index.ts` in the project
 * folder — as a child process pointed at a fake Discord, and captures what it prints. End-to-end tests then drive
 * it through the fake only, so what is tested is exactly what runs in production (settings, start-up, signals).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX_CLI = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** A log line of the bot (pino JSON on stderr when stderr is not a terminal). */
export type LogLine = Record<string, unknown> & { level?: number; msg?: string };

export interface BotProcessOptions {
  /** DISCORD_API_URL: the fake's `apiUrl`. */
  readonly apiUrl: string;
  readonly token: string;
  /** DISCORD_GUILD_ID: commands are registered in this guild. */
  readonly guildId?: string;
  /** Any other setting (COOLDOWN_SECONDS, LOG_LEVEL…); an empty string unsets a key a local `.env` might set. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface BotProcess {
  readonly child: ChildProcess;
  /** Everything printed so far on each stream. */
  stdout(): string;
  stderr(): string;
  /** The JSON log lines printed so far (lines that are not JSON are skipped). */
  logs(): LogLine[];
  /** Resolves with the first log line (already printed or to come) that passes `test`. */
  waitForLog(test: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /**
   * Resolves once the bot serves everything: commands registered with the fake and dated events extracted (the
   * timeline and digests are complete only then).
   */
  untilServing(timeoutMs?: number): Promise<void>;
  /** Resolves when the process has exited. */
  readonly exited: Promise<Exit>;
  /**
   * Sends `signal` to tsx (which passes it on to the bot, as for `npm start`) and waits for the exit; after
   * `timeoutMs`, kills both for good so that no test leaves a bot running, and throws.
   */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit>;
}

/** Bots still running: killed, tsx and bot alike, if the test process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) killGroup(child);
});

/** SIGKILL to the process group: tsx's child (the bot itself) would otherwise outlive its parent. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * Spawns the bot with settings for the fake Discord. The environment is the test runner's minus anything that
 * could redirect the bot elsewhere, plus the given settings; a `.env` in the project folder cannot override them
 * (dotenv never overrides a variable that is set, even to an empty string).
 */
export function startBotProcess(options: BotProcessOptions): BotProcess {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('DISCORD_') && !key.startsWith('VITEST') && key !== 'NODE_OPTIONS') env[key] = value;
  }
  Object.assign(env, {
    DISCORD_TOKEN: options.token,
    DISCORD_API_URL: options.apiUrl,
    DISCORD_GUILD_ID: options.guildId ?? '',
    DISCORD_SHARD_COUNT: '',
    ARTICLES_DIR: 'seeds',
    // Its own data folder (subscriptions, index snapshot) unless a test shares one between starts on purpose.
    DATA_DIR: mkdtempSync(join(tmpdir(), 'veille-bot-data-')),
    LOG_LEVEL: 'info',
    NO_COLOR: '1',
    ...options.env,
  });
  // Its own process group: tsx runs the bot in a second process, and a kill meant for the bot must reach both.
  const child = spawn(process.execPath, [TSX_CLI, 'src/index.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of [...listeners]) listener();
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    changed();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    changed();
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
      changed();
    });
  });
  let exit: Exit | undefined;
  void exited.then((e) => (exit = e));

  const logs = (): LogLine[] =>
    err.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });

  const waitForLog = (test: (line: LogLine) => boolean, timeoutMs = 15_000): Promise<LogLine> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = logs().find(test);
        if (found) {
          finish();
          resolve(found);
          return true;
        }
        if (exit) {
          finish();
          reject(new Error(`the bot exited (${JSON.stringify(exit)}) before the expected log line; stderr:\n${err.slice(-3000)}`));
          return true;
        }
        return false;
      };
      const finish = (): void => {
        clearTimeout(timer);
        listeners.delete(listener);
      };
      const listener = (): void => void check();
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no matching log line within ${timeoutMs} ms; stderr so far:\n${err.slice(-3000)}`));
      }, timeoutMs);
      listeners.add(listener);
      check();
    });

  const stop = async (signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 10_000): Promise<Exit> => {
    if (exit) return exit;
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (result !== 'timeout') return result;
    killGroup(child);
    await exited;
    throw new Error(`the bot did not exit within ${timeoutMs} ms of ${signal}; killed`);
  };

  const untilServing = async (timeoutMs = 40_000): Promise<void> => {
    await waitForLog((l) => l.msg === 'Slash commands registered' || l.msg === 'Slash commands up to date', timeoutMs);
    await waitForLog((l) => l.msg === 'Timeline ready', timeoutMs);
  };
  return { child, stdout: () => out, stderr: () => err, logs, waitForLog, untilServing, exited, stop };
}
