import { messages } from '../messages.js';
import type { Locale, Reply } from '../Reply.js';
import { plain } from '../Reply.js';

/** One line per command with an example, in the user's language. `prefix` is `/` in Discord and the console. */
export function helpReply(locale: Locale, commands: readonly { readonly usage: string; readonly description: string; readonly example: string }[]): Reply {
  const t = messages(locale);
  return {
    tone: 'info',
    title: t.helpTitle,
    intro: plain(t.helpIntro),
    blocks: [],
    fields: commands.map((c) => ({ name: c.usage, value: `${c.description}\n${c.example}` })),
    buttonRows: [],
    ephemeral: true,
  };
}
