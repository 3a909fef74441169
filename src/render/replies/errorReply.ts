import { messages } from '../messages.js';
import type { Locale, Reply, ReplyTone } from '../Reply.js';
import { plain } from '../Reply.js';

/** A short reply that only the user sees: an error, a refused button, an empty query. */
export function errorReply(text: string, locale: Locale, tone: Extract<ReplyTone, 'error' | 'notFound'> = 'error'): Reply {
  return {
    tone,
    title: tone === 'error' ? messages(locale).errorTitle : messages(locale).nothingTitle,
    intro: plain(text),
    blocks: [],
    fields: [],
    buttonRows: [],
    ephemeral: true,
  };
}
