import { SlashCommandBuilder } from 'discord.js';
import { localeOf } from '../../render/messages.js';
import { aboutReply } from '../../render/replies/aboutReply.js';
import type { Command } from '../Command.js';
import { respond } from '../respond.js';

/** `/about`: corpus size, dates covered, version. */
export const about = {
  data: new SlashCommandBuilder()
    .setName('about')
    .setNameLocalizations({ fr: 'a-propos' })
    .setDescription('How many articles, which dates, which version')
    .setDescriptionLocalizations({ fr: 'Combien d’articles, quelles dates, quelle version' })
    .toJSON(),
  cooldown: false,
  async execute(interaction, context) {
    await respond(interaction, aboutReply(context.library.articles.all(), context.version, localeOf(interaction.locale)));
  },
} satisfies Command;
