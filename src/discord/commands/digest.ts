import type { ChatInputCommandInteraction, GuildBasedChannel } from 'discord.js';
import { ChannelType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { calendarDayOf, formatCalendarDay } from '../../core/digest/CalendarDay.js';
import { UserError } from '../../core/errors.js';
import type { Locale, Reply } from '../../render/Reply.js';
import { plain } from '../../render/Reply.js';
import { localeOf, messages } from '../../render/messages.js';
import { digestReply } from '../../render/replies/digestReply.js';
import { digestStatusReply } from '../../render/replies/digestStatusReply.js';
import { resolveUserDate } from '../../render/replies/resolveUserDate.js';
import { upcomingPost } from '../../scheduler/DigestScheduler.js';
import { formatTimeOfDay, parseTimeOfDay } from '../../scheduler/localTime.js';
import { DatabaseUnavailableError, unavailableMessage, type DatabaseUnavailable } from '../../storage/Database.js';
import type { SubscriptionStatus, SubscriptionStore } from '../../storage/SubscriptionStore.js';
import type { AppContext } from '../AppContext.js';
import type { Command } from '../Command.js';
import { readDateOption } from '../readDateOption.js';
import { requireManageServer } from '../requireManageServer.js';
import { respond } from '../respond.js';

/** Channels a digest can be posted in. */
const POSTABLE = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;
/** What the bot needs in a channel to post a digest there. */
const POST_PERMISSIONS = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];

const data = new SlashCommandBuilder()
  .setName('digest')
  .setNameLocalizations({ fr: 'point' })
  .setDescription('The daily digest: show a day, or have it posted in a channel every day')
  .setDescriptionLocalizations({ fr: 'Le point quotidien : voir un jour, ou le recevoir chaque jour dans un salon' })
  .addSubcommand((sub) =>
    sub
      .setName('show')
      .setNameLocalizations({ fr: 'voir' })
      .setDescription('The digest of a day (default: the latest day with news)')
      .setDescriptionLocalizations({ fr: 'Le point d’un jour (par défaut : le dernier jour avec des nouvelles)' })
      .addStringOption((option) =>
        option
          .setName('date')
          .setNameLocalizations({ fr: 'date' })
          .setDescription('2022-01-10, January 10, 10/01/2022, yesterday…')
          .setDescriptionLocalizations({ fr: '2022-01-10, 10 janvier, 10/01/2022, hier…' })
          .setMaxLength(30),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('subscribe')
      .setNameLocalizations({ fr: 'abonner' })
      .setDescription('Post the digest in a channel every day (Manage Server)')
      .setDescriptionLocalizations({ fr: 'Publier le point chaque jour dans un salon (Gérer le serveur)' })
      .addChannelOption((option) =>
        option
          .setName('channel')
          .setNameLocalizations({ fr: 'salon' })
          .setDescription('Where to post')
          .setDescriptionLocalizations({ fr: 'Où publier' })
          .addChannelTypes(...POSTABLE)
          .setRequired(true),
      )
      .addStringOption((option) =>
        option
          .setName('time')
          .setNameLocalizations({ fr: 'heure' })
          .setDescription('HH:MM, in the server’s timezone')
          .setDescriptionLocalizations({ fr: 'HH:MM, à l’heure du serveur' })
          .setRequired(true)
          .setMaxLength(5),
      )
      .addStringOption((option) =>
        option
          .setName('replay_from')
          .setNameLocalizations({ fr: 'rejouer_depuis' })
          .setDescription('For an archive: post one past day per day, from this date')
          .setDescriptionLocalizations({ fr: 'Pour une archive : publier un jour passé par jour, depuis cette date' })
          .setMaxLength(30),
      )
      .addBooleanOption((option) =>
        option
          .setName('quiet')
          .setNameLocalizations({ fr: 'discret' })
          .setDescription('Post nothing on days without news')
          .setDescriptionLocalizations({ fr: 'Ne rien publier les jours sans nouvelles' }),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('unsubscribe')
      .setNameLocalizations({ fr: 'desabonner' })
      .setDescription('Stop the daily digest in a channel (Manage Server)')
      .setDescriptionLocalizations({ fr: 'Arrêter le point quotidien dans un salon (Gérer le serveur)' })
      .addChannelOption((option) =>
        option
          .setName('channel')
          .setNameLocalizations({ fr: 'salon' })
          .setDescription('The subscribed channel')
          .setDescriptionLocalizations({ fr: 'Le salon abonné' })
          .addChannelTypes(...POSTABLE)
          .setRequired(true),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('status')
      .setNameLocalizations({ fr: 'etat' })
      .setDescription('This server’s subscriptions: next and last posts (Manage Server)')
      .setDescriptionLocalizations({ fr: 'Les abonnements du serveur : prochain et dernier envoi (Gérer le serveur)' }),
  )
  .toJSON();

/**
 * `/digest show [date]` for everyone; `subscribe`, `unsubscribe` and `status` for members with Manage Server —
 * checked when run, because Discord sets permissions per command, not per subcommand.
 */
export const digest = {
  data,
  cooldown: false,
  async execute(interaction, context) {
    const locale = localeOf(interaction.locale);
    switch (interaction.options.getSubcommand()) {
      case 'show':
        return show(interaction, context, locale);
      case 'subscribe':
        return subscribe(interaction, context, locale);
      case 'unsubscribe':
        return unsubscribe(interaction, context, locale);
      default:
        return status(interaction, context, locale);
    }
  },
} satisfies Command;

async function show(interaction: ChatInputCommandInteraction, context: AppContext, locale: Locale): Promise<void> {
  const date = readDateOption(interaction, 'date', data, context.library);
  const day = date ? calendarDayOf(date) : undefined;
  // A month or a year is a date, but not a day: a digest is the news of one day.
  if (date && !day) throw new UserError('BAD_DATE', messages(locale).badUserDate(interaction.options.getString('date') ?? ''));
  await interaction.deferReply();
  await respond(interaction, await context.compute(() => digestReply(context.library, day, locale)));
}

async function subscribe(interaction: ChatInputCommandInteraction, context: AppContext, locale: Locale): Promise<void> {
  const guildId = requireManageServer(interaction);
  const t = messages(locale);
  const channel = interaction.options.getChannel('channel', true);
  const typedTime = interaction.options.getString('time', true);
  const time = parseTimeOfDay(typedTime);
  if (!time) throw new UserError('BAD_TIME', t.badTime(typedTime));
  const typedReplay = interaction.options.getString('replay_from');
  let replayFrom: string | undefined;
  if (typedReplay) {
    const date = resolveUserDate(context.library, typedReplay);
    const day = date ? calendarDayOf(date) : undefined;
    if (!day) throw new UserError('BAD_DATE', t.badReplayDay(typedReplay));
    replayFrom = formatCalendarDay(day);
  }
  const cached = interaction.guild?.channels.cache.get(channel.id) as GuildBasedChannel | undefined;
  const me = interaction.guild?.members.me;
  if (cached && me && !cached.permissionsFor(me).has(POST_PERMISSIONS)) throw new UserError('NOT_WRITABLE', t.notWritable(channel.name ?? channel.id));
  const quiet = interaction.options.getBoolean('quiet') ?? false;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { replaced } = useStore(context, locale, (store) =>
    store.subscribe({
      guildId,
      channelId: channel.id,
      time: formatTimeOfDay(time),
      ...(replayFrom ? { replayFrom } : {}),
      quiet,
      createdBy: interaction.user.id,
      at: Date.now(),
    }),
  );
  context.digests.scheduler()?.reschedule();
  const name = channel.name ?? channel.id;
  const lines = [
    replayFrom ? t.subscribedReplay(name, formatTimeOfDay(time), context.digests.timeZone, replayFrom) : t.subscribedLive(name, formatTimeOfDay(time), context.digests.timeZone),
    ...(quiet ? [t.subscribedQuiet] : []),
    ...(replaced ? [t.subscribedReplaced] : []),
  ];
  await respond(interaction, confirmation(t.subscribedTitle, lines.join('\n')));
}

async function unsubscribe(interaction: ChatInputCommandInteraction, context: AppContext, locale: Locale): Promise<void> {
  const guildId = requireManageServer(interaction);
  const t = messages(locale);
  const channel = interaction.options.getChannel('channel', true);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const removed = useStore(context, locale, (store) => store.unsubscribe(guildId, channel.id));
  context.digests.scheduler()?.reschedule();
  const name = channel.name ?? channel.id;
  await respond(interaction, confirmation(t.statusTitle, removed ? t.unsubscribed(name) : t.notSubscribed(name)));
}

async function status(interaction: ChatInputCommandInteraction, context: AppContext, locale: Locale): Promise<void> {
  const guildId = requireManageServer(interaction);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { timeZone } = context.digests;
  let unavailable: DatabaseUnavailable | undefined;
  let statuses: SubscriptionStatus[] = [];
  try {
    statuses = useStore(context, locale, (store) => store.status(guildId));
  } catch (error) {
    // Not an error for this command: why digests are paused is what it is asked to tell.
    if (!(error instanceof UserError && error.cause instanceof DatabaseUnavailableError)) throw error;
    unavailable = error.cause.unavailable;
  }
  const now = Date.now();
  const subscriptions = statuses.map((s) => {
    const upcoming = upcomingPost(s, now, timeZone);
    return {
      channelName: interaction.guild?.channels.cache.get(s.channelId)?.name ?? s.channelId,
      status: s,
      ...(upcoming ? { upcoming } : {}),
    };
  });
  await respond(
    interaction,
    digestStatusReply({ subscriptions, timeZone, ...(unavailable ? { paused: unavailableMessage(unavailable.reason, locale) } : {}) }, locale),
  );
}

/**
 * Runs a command's use of the subscriptions database. A database closed by an earlier failure (a lock since
 * released, a file repaired or moved aside) is reopened first: the scheduler's own retry may be minutes away, and the
 * busy timeout bounds what a file still locked costs. A database that cannot be used becomes a private message that
 * says why and that nothing was changed (`UserError` with the `DatabaseUnavailableError` as cause), and the scheduler
 * is woken so that it pauses the digests and retries on its own.
 */
function useStore<T>(context: AppContext, locale: Locale, use: (store: SubscriptionStore) => T): T {
  const { store } = context.digests;
  const scheduler = context.digests.scheduler();
  try {
    // Back after a failure: the scheduler resumes the digests now rather than at its next retry.
    if (!store.state.ok && store.reopen().ok) scheduler?.reschedule();
    return use(store);
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    scheduler?.reschedule();
    const why = unavailableMessage(error.unavailable.reason, locale);
    throw new UserError('DATABASE_UNAVAILABLE', `${why} ${messages(locale).nothingChanged}`, { cause: error });
  }
}

function confirmation(title: string, text: string): Reply {
  return { tone: 'info', title, intro: plain(text), blocks: [], fields: [], buttonRows: [], ephemeral: true };
}
