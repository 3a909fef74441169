import { SlashCommandBuilder } from 'discord.js';
import { formatIsoDate } from '../../core/corpus/partialDate.js';
import { timelineAction } from '../../render/Action.js';
import { localeOf } from '../../render/messages.js';
import { timelineReply } from '../../render/replies/timelineReply.js';
import type { Command } from '../Command.js';
import { readDateOption } from '../readDateOption.js';
import { respond } from '../respond.js';
import { addDateRangeOptions } from './dateRangeOptions.js';

const data = addDateRangeOptions(
  new SlashCommandBuilder()
    .setName('timeline')
    .setNameLocalizations({ fr: 'chronologie' })
    .setDescription('Dated events in date order, with their sources')
    .setDescriptionLocalizations({ fr: 'Les événements datés, dans l’ordre, avec leurs sources' })
    .addStringOption((option) =>
      option
        .setName('query')
        .setNameLocalizations({ fr: 'requete' })
        .setDescription('Only the events of the articles matching these words')
        .setDescriptionLocalizations({ fr: 'Seulement les événements des articles qui contiennent ces mots' })
        .setMaxLength(200),
    ),
).toJSON();

/** `/timeline [query] [from] [to]`: events grouped by day, pages with ◀ ▶. */
export const timeline = {
  data,
  cooldown: true,
  async execute(interaction, context) {
    const range: { from?: string; to?: string } = {};
    for (const option of ['from', 'to'] as const) {
      const date = readDateOption(interaction, option, data, context.library);
      if (date) range[option] = formatIsoDate(date);
    }
    await interaction.deferReply();
    const action = timelineAction(interaction.options.getString('query') ?? '', range);
    await respond(interaction, await context.compute(() => timelineReply(context.library, action, localeOf(interaction.locale))));
  },
} satisfies Command;
