import type { Client, SendableChannels } from 'discord.js';
import { DiscordAPIError } from 'discord.js';
import { buildDigest, isEmptyDigest } from '../core/digest/buildDigest.js';
import { parseCalendarDay } from '../core/digest/CalendarDay.js';
import type { Library } from '../render/Library.js';
import { localeOf } from '../render/messages.js';
import { renderDiscord } from '../render/renderDiscord.js';
import { digestReply } from '../render/replies/digestReply.js';
import type { DigestSchedulerOptions } from '../scheduler/DigestScheduler.js';

/** Recent messages searched for a digest that may have been posted before a crash. */
const RECENT_MESSAGES = 50;
/** Discord: Unknown Channel. */
const UNKNOWN_CHANNEL = 10003;

/**
 * The scheduler's two Discord operations: post a day's digest in a subscription's channel (in the server's
 * language, sent with the scheduler's nonce so that Discord drops a duplicate), and find a digest already posted
 * (the bot's message whose footer is the day) when a crash left it unknown whether the post went out.
 */
export function digestPoster(client: Client, library: Library): Pick<DigestSchedulerOptions, 'post' | 'findPosted'> {
  const channelOf = async (id: string): Promise<SendableChannels | undefined> => {
    try {
      const channel = await client.channels.fetch(id);
      return channel?.isSendable() ? channel : undefined;
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === UNKNOWN_CHANNEL) return undefined;
      throw error;
    }
  };
  return {
    async post(subscription, day, { nonce }) {
      const calendarDay = parseCalendarDay(day);
      if (!calendarDay) throw new Error(`not a day: ${day}`);
      const channel = await channelOf(subscription.channelId);
      if (!channel) return { gone: 'unknown-channel' };
      if (subscription.quiet) {
        const digest = buildDigest(calendarDay, { articles: library.articles.all(), events: library.events, arrived: library.arrivedOn(calendarDay) });
        if (isEmptyDigest(digest)) return { skipped: 'nothing new' };
      }
      const locale = localeOf('guild' in channel ? channel.guild.preferredLocale : undefined);
      const { flags: _flags, ...message } = renderDiscord(digestReply(library, calendarDay, locale, { scheduled: true }));
      const sent = await channel.send({ ...message, nonce, enforceNonce: true });
      return { messageId: sent.id };
    },
    async findPosted(subscription, day) {
      const channel = await channelOf(subscription.channelId);
      if (!channel || !('messages' in channel)) return undefined;
      const recent = await channel.messages.fetch({ limit: RECENT_MESSAGES });
      const mine = recent.find((m) => m.author.id === client.user?.id && m.embeds[0]?.footer?.text === day);
      return mine ? { messageId: mine.id } : undefined;
    },
  };
}
