import type { ArticleIndex } from '../core/search/ArticleIndex.js';
import { searchAction } from '../render/Action.js';
import { commandHelp } from '../render/commandHelp.js';
import type { Locale, Reply } from '../render/Reply.js';
import { askReply } from '../render/replies/askReply.js';
import { articleReply, resolveArticleId } from '../render/replies/articleReply.js';
import { helpReply } from '../render/replies/helpReply.js';
import { searchReply } from '../render/replies/searchReply.js';
import type { ConsoleCommand } from './parseCommand.js';

/** The reply to a console command: the same builders the Discord commands call. */
export function consoleReply(index: ArticleIndex, command: Exclude<ConsoleCommand, { name: 'quit' }>, locale: Locale): Reply {
  switch (command.name) {
    case 'ask':
      return askReply(index, command.question, locale);
    case 'search':
      return searchReply(index, searchAction(command.query, command), locale);
    case 'article':
      return articleReply(index, { kind: 'article', id: resolveArticleId(index, command.id), page: 0 }, locale);
    case 'help':
      return helpReply(locale, commandHelp(locale));
  }
}
