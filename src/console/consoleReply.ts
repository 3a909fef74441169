import { formatIsoDate } from '../core/corpus/partialDate.js';
import { calendarDayOf } from '../core/digest/CalendarDay.js';
import { UserError } from '../core/errors.js';
import { searchAction, timelineAction } from '../render/Action.js';
import { commandHelp } from '../render/commandHelp.js';
import type { Library } from '../render/Library.js';
import { messages } from '../render/messages.js';
import type { Locale, Reply } from '../render/Reply.js';
import { askReply } from '../render/replies/askReply.js';
import { articleReply, resolveArticleId } from '../render/replies/articleReply.js';
import { digestReply } from '../render/replies/digestReply.js';
import { helpReply } from '../render/replies/helpReply.js';
import { resolveUserDate } from '../render/replies/resolveUserDate.js';
import { searchReply } from '../render/replies/searchReply.js';
import { timelineReply } from '../render/replies/timelineReply.js';
import type { ConsoleCommand } from './parseCommand.js';

/** The reply to a console command: the same builders the Discord commands call. */
export function consoleReply(library: Library, command: Exclude<ConsoleCommand, { name: 'quit' }>, locale: Locale): Reply {
  switch (command.name) {
    case 'ask':
      return askReply(library.articles, command.question, locale);
    case 'search':
      return searchReply(library.articles, searchAction(command.query, isoRange(library, command, locale)), locale);
    case 'article':
      return articleReply(library.articles, { kind: 'article', id: resolveArticleId(library.articles, command.id), page: 0 }, locale);
    case 'timeline':
      return timelineReply(library, timelineAction(command.query, isoRange(library, command, locale)), locale);
    case 'digest': {
      if (command.date === undefined) return digestReply(library, undefined, locale);
      const date = resolveUserDate(library, command.date);
      const day = date ? calendarDayOf(date) : undefined;
      if (!day) throw new UserError('BAD_DATE', messages(locale).badUserDate(command.date));
      return digestReply(library, day, locale);
    }
    case 'help':
      return helpReply(locale, commandHelp(locale));
  }
}

/** `--from`/`--to` as users type them (`10 janvier`, `2022-01`), resolved to ISO dates for the reply's buttons. */
function isoRange(library: Library, range: { readonly from?: string; readonly to?: string }, locale: Locale): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  for (const key of ['from', 'to'] as const) {
    const text = range[key];
    if (text === undefined) continue;
    const date = resolveUserDate(library, text);
    if (!date) throw new UserError('BAD_DATE', messages(locale).badUserDate(text));
    out[key] = formatIsoDate(date);
  }
  return out;
}
