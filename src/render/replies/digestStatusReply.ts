import type { SubscriptionStatus } from '../../storage/SubscriptionStore.js';
import { messages } from '../messages.js';
import type { Locale, Reply, ReplyField } from '../Reply.js';
import { plain } from '../Reply.js';

export interface DigestStatusInput {
  readonly subscriptions: readonly {
    readonly channelName: string;
    readonly status: SubscriptionStatus;
    /** When the next post goes out and which day it shows; none for a stopped subscription. */
    readonly upcoming?: { readonly at: number; readonly day: string };
  }[];
  /** Why posting is paused (the database is unavailable), in the user's language. */
  readonly paused?: string;
  readonly timeZone: string;
}

/** Discord shows `<t:…:f>` in each reader's own timezone and language. */
const when = (epochMs: number): string => `<t:${Math.floor(epochMs / 1000)}:f>`;

/** `/digest status`: each subscribed channel with its time, next and last post, and what stopped it if anything. */
export function digestStatusReply(input: DigestStatusInput, locale: Locale): Reply {
  const t = messages(locale);
  const fields: ReplyField[] = input.subscriptions.map(({ channelName, status, upcoming }) => {
    const lines = [t.statusMode(status.time, input.timeZone, status.replayFrom)];
    if (status.broken) lines.push(t.statusBroken(t.brokenReason(status.broken.reason)));
    else if (upcoming) lines.push(t.statusNext(when(upcoming.at), upcoming.day));
    if (status.lastSent) lines.push(t.statusLast(when(status.lastSent.updatedAt), status.lastSent.digestDay));
    return { name: `#${channelName}`, value: lines.join('\n') };
  });
  const intro = [input.paused ? t.statusPaused(input.paused) : undefined, fields.length === 0 ? t.statusNone : undefined].filter(Boolean).join('\n');
  return {
    tone: input.paused ? 'error' : 'info',
    title: t.statusTitle,
    ...(intro ? { intro: plain(intro) } : {}),
    blocks: [],
    fields,
    buttonRows: [],
    ephemeral: true,
  };
}
