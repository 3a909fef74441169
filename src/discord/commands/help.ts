import { SlashCommandBuilder } from 'discord.js';
import { commandHelp } from '../../render/commandHelp.js';
import { localeOf } from '../../render/messages.js';
import { helpReply } from '../../render/replies/helpReply.js';
import type { Command } from '../Command.js';
import { respond } from '../respond.js';

/** `/help`: the commands, with an example each. */
export const help = {
  data: new SlashCommandBuilder()
    .setName('help')
    .setNameLocalizations({ fr: 'aide' })
    .setDescription('The commands, with an example each')
    .setDescriptionLocalizations({ fr: 'Les commandes, avec un exemple pour chacune' })
    .toJSON(),
  cooldown: false,
  async execute(interaction) {
    const locale = localeOf(interaction.locale);
    await respond(interaction, helpReply(locale, commandHelp(locale)));
  },
} satisfies Command;
