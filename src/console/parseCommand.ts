import { UserError } from '../core/errors.js';

/** A console command, parsed: the same three commands the bot serves in Discord, plus help and quit. */
export type ConsoleCommand =
  | { readonly name: 'ask'; readonly question: string }
  | { readonly name: 'search'; readonly query: string; readonly from?: string; readonly to?: string }
  | { readonly name: 'article'; readonly id: string }
  | { readonly name: 'timeline'; readonly query: string; readonly from?: string; readonly to?: string }
  | { readonly name: 'digest'; readonly date?: string }
  | { readonly name: 'help' }
  | { readonly name: 'quit' };

/**
 * Parses the words after the command name (`ask`, `/ask`…). Used for a line typed in the console and for the
 * one-shot arguments `npm start -- ask "…"`, so both accept exactly the same commands.
 */
export function parseCommand(words: readonly string[]): ConsoleCommand {
  const [head = '', ...rest] = words;
  const name = head.replace(/^\//, '').toLowerCase();
  switch (name) {
    case 'ask': {
      const question = rest.join(' ').trim();
      if (!question) throw new UserError('USAGE', 'Usage : /ask <question>');
      return { name: 'ask', question };
    }
    case 'search':
    case 'timeline': {
      const words_: string[] = [];
      let from: string | undefined;
      let to: string | undefined;
      for (let i = 0; i < rest.length; i++) {
        const word = rest[i] ?? '';
        if (word === '--from' || word === '--to') {
          const date = rest[++i];
          if (date === undefined) throw new UserError('USAGE', `${word} attend une date (2022-01-10, 10/01/2022…)`);
          if (word === '--from') from = date;
          else to = date;
        } else {
          words_.push(word);
        }
      }
      const query = words_.join(' ').trim();
      if (!query && name === 'search') throw new UserError('USAGE', 'Usage : /search <mots> [--from AAAA-MM-JJ] [--to AAAA-MM-JJ]');
      return { name, query, ...(from ? { from } : {}), ...(to ? { to } : {}) };
    }
    case 'digest': {
      const date = rest.join(' ').trim();
      return { name: 'digest', ...(date ? { date } : {}) };
    }
    case 'article': {
      const id = rest.join(' ').trim();
      if (!id) throw new UserError('USAGE', 'Usage : /article <id ou titre>');
      return { name: 'article', id };
    }
    case 'help':
    case '?':
      return { name: 'help' };
    case 'quit':
    case 'exit':
      return { name: 'quit' };
    default:
      throw new UserError('UNKNOWN_COMMAND', `Commande inconnue « ${head} ». Tapez /help pour la liste.`);
  }
}
