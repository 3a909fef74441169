import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** Keys whose values must never reach a log line, wherever they appear in a logged object. */
const REDACT = ['token', '*.token', 'discordToken', '*.discordToken', 'headers.authorization', '*.headers.authorization'];

/**
 * The one logger. JSON lines on stderr (stdout is for replies in the console), or short readable lines when stderr
 * is a terminal, so a newcomer trying the console is not greeted with JSON.
 */
export function createLogger(level: LogLevel, options: { readonly pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? process.stderr.isTTY === true;
  const base = { level, redact: { paths: REDACT, censor: '[redacted]' }, base: null };
  if (!pretty) return pino(base, pino.destination({ fd: 2, sync: true }));
  return pino(base, { write: (line: string) => process.stderr.write(humanLine(line)) });
}

const LEVEL_NAMES: Readonly<Record<number, string>> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

function humanLine(line: string): string {
  try {
    const { level, time: _time, msg, ...fields } = JSON.parse(line) as Record<string, unknown>;
    const extra = Object.entries(fields)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    return `${(LEVEL_NAMES[level as number] ?? 'log').padEnd(5)} ${String(msg ?? '')}${extra ? `  ${extra}` : ''}\n`;
  } catch {
    return line;
  }
}
