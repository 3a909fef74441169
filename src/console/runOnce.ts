import type { Writable } from 'node:stream';
import { UserError } from '../core/errors.js';
import type { Library } from '../render/Library.js';
import { renderText } from '../render/renderText.js';
import { consoleReply } from './consoleReply.js';
import { parseCommand } from './parseCommand.js';

export interface OnceIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly ansi: boolean;
}

/**
 * One command from the command line (`npm start -- ask "…"`): the reply on stdout, exit code 0; a usage error or
 * an error reply on stderr, exit code 2 or 1, so scripts can tell.
 */
export function runOnce(library: Library, words: readonly string[], io: OnceIo): number {
  let command;
  try {
    command = parseCommand(words);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (command.name === 'quit') return 0;
  const reply = consoleReply(library, command, 'fr');
  const failed = reply.tone === 'error' || (reply.tone === 'notFound' && reply.ephemeral);
  (failed ? io.stderr : io.stdout).write(`${renderText(reply, { ansi: io.ansi }).text}\n`);
  return failed ? 1 : 0;
}
