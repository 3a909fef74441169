import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { UserError } from '../core/errors.js';
import type { Library } from '../render/Library.js';
import type { Logger } from '../logger.js';
import type { ReplyButton } from '../render/Reply.js';
import { renderText } from '../render/renderText.js';
import { actionReply } from '../render/replies/actionReply.js';
import { consoleReply } from './consoleReply.js';
import { parseCommand } from './parseCommand.js';

export interface ConsoleIo {
  readonly input: Readable;
  readonly output: Writable;
  /** Colours and bold: when the output is a terminal. */
  readonly ansi: boolean;
}

/**
 * The interactive console: the bot's commands typed in a terminal, with line history. After a reply, its buttons
 * are numbered: typing the number presses the button, exactly as a click would in Discord.
 */
export async function runConsole(library: Library, io: ConsoleIo, logger: Logger): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, terminal: io.ansi, historySize: 200 });
  const print = (text: string): void => {
    io.output.write(`${text}\n`);
  };
  print(`Veille — ${library.articles.size} articles. Tapez /help pour l’aide, /quit pour sortir.`);
  let buttons: readonly ReplyButton[] = [];
  rl.setPrompt('veille> ');
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '') {
      rl.prompt();
      continue;
    }
    try {
      const button = /^\d+$/.test(line) ? buttons[Number(line) - 1] : undefined;
      if (/^\d+$/.test(line) && !button) throw new UserError('NO_SUCH_BUTTON', `Pas de choix [${line}] ici.`);
      const command = button ? undefined : parseCommand(line.split(/\s+/));
      if (command?.name === 'quit') break;
      const reply = button ? actionReply(library, button.action, 'fr') : consoleReply(library, command!, 'fr');
      const rendered = renderText(reply, { ansi: io.ansi });
      buttons = rendered.buttons;
      print(rendered.text);
    } catch (error) {
      if (error instanceof UserError) print(error.message);
      else {
        logger.error({ err: error, line }, 'command failed');
        print('Une erreur inattendue est survenue ; elle a été enregistrée.');
      }
    }
    rl.prompt();
  }
  rl.close();
}
