import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { formatIsoDate } from '../../core/corpus/partialDate.js';
import { searchAction } from '../../render/Action.js';
import { localeOf, messages } from '../../render/messages.js';
import { searchReply } from '../../render/replies/searchReply.js';
import type { Command } from '../Command.js';
import { respond } from '../respond.js';
import { readDateOption } from '../readDateOption.js';
import { addDateRangeOptions } from './dateRangeOptions.js';
import { hideOption } from './hideOption.js';

const data = addDateRangeOptions(
  new SlashCommandBuilder()
    .setName('search')
    .setNameLocalizations({ fr: 'chercher' })
    .setDescription('Find articles: highlighted excerpts, 5 a page')
    .setDescriptionLocalizations({ fr: 'Cherchez des articles : extraits surlignés, 5 par page' })
    .addStringOption((option) =>
      option
        .setName('query')
        .setNameLocalizations({ fr: 'requete' })
        .setDescription('Words to look for (accents optional)')
        .setDescriptionLocalizations({ fr: 'Les mots à chercher (accents facultatifs)' })
        .setRequired(true)
        .setMaxLength(200),
    ),
)
  .addBooleanOption(hideOption('Only you see the results', 'Vous seul voyez les résultats'))
  .toJSON();

/** `/search query [from] [to] [hide]`: articles with highlighted excerpts, 5 a page. */
export const search = {
  data,
  cooldown: true,
  async execute(interaction, context) {
    const locale = localeOf(interaction.locale);
    const t = messages(locale);
    const range: { from?: string; to?: string } = {};
    for (const option of ['from', 'to'] as const) {
      const date = readDateOption(interaction, option, data, context.library);
      if (date) range[option] = formatIsoDate(date);
    }
    const hide = interaction.options.getBoolean('hide') ?? false;
    await interaction.deferReply(hide ? { flags: MessageFlags.Ephemeral } : {});
    const query = interaction.options.getString('query', true);
    const action = searchAction(query, range);
    const reply = await context.compute(() => searchReply(context.library.articles, action, locale));
    // The query was shortened to fit the page buttons: say so rather than search for less than was typed silently.
    const shortened = action.query !== query.replace(/\s+/gu, ' ').trim() && !reply.ephemeral;
    await respond(interaction, shortened ? { ...reply, footer: [reply.footer, t.queryTruncated].filter(Boolean).join(' · ') } : reply);
  },
} satisfies Command;
