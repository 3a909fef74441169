import { SlashCommandBuilder } from 'discord.js';
import { localeOf } from '../../render/messages.js';
import { helpReply } from '../../render/replies/helpReply.js';
import type { Command } from '../Command.js';
import { discordHelp } from '../discordHelp.js';
import { respond } from '../respond.js';

/** `/help`: the commands as the user's client shows them, with an example each. */
export const help = {
  data: new SlashCommandBuilder()
    .setName('help')
    .setNameLocalizations({ fr: 'aide' })
    .setDescription('The commands, with an example each')
    .setDescriptionLocalizations({ fr: 'Les commandes, avec un exemple pour chacune' })
    .toJSON(),
  cooldown: false,
  async execute(interaction, context) {
    const locale = localeOf(interaction.locale);
    await respond(interaction, helpReply(locale, discordHelp(context.commands.map((c) => c.data), locale, interaction.locale)));
  },
} satisfies Command;
