import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { parseIsoDate } from '../../core/corpus/partialDate.js';
import { UserError } from '../../core/errors.js';
import { searchAction } from '../../render/Action.js';
import { localeOf, messages } from '../../render/messages.js';
import { searchReply } from '../../render/replies/searchReply.js';
import type { Command } from '../Command.js';
import { respond } from '../respond.js';
import { shownName } from '../shownName.js';

const data = new SlashCommandBuilder()
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
  )
  .addStringOption((option) =>
    option
      .setName('from')
      .setNameLocalizations({ fr: 'du' })
      .setDescription('From this date: YYYY, YYYY-MM or YYYY-MM-DD')
      .setDescriptionLocalizations({ fr: 'À partir de cette date : AAAA, AAAA-MM ou AAAA-MM-JJ' })
      .setMaxLength(10),
  )
  .addStringOption((option) =>
    option
      .setName('to')
      .setNameLocalizations({ fr: 'au' })
      .setDescription('Until this date: YYYY, YYYY-MM or YYYY-MM-DD')
      .setDescriptionLocalizations({ fr: 'Jusqu’à cette date : AAAA, AAAA-MM ou AAAA-MM-JJ' })
      .setMaxLength(10),
  )
  .addBooleanOption((option) =>
    option
      .setName('hide')
      .setNameLocalizations({ fr: 'masquer' })
      .setDescription('Only you see the results')
      .setDescriptionLocalizations({ fr: 'Vous seul voyez les résultats' }),
  )
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
      const value = interaction.options.getString(option)?.trim();
      if (!value) continue;
      const definition = data.options?.find((o) => o.name === option);
      // Named as the client shows it: a French user sees the option `du`, not `from`.
      if (!parseIsoDate(value)) throw new UserError('BAD_DATE', t.badDate(definition ? shownName(definition, interaction.locale) : option, value));
      range[option] = value;
    }
    const hide = interaction.options.getBoolean('hide') ?? false;
    await interaction.deferReply(hide ? { flags: MessageFlags.Ephemeral } : {});
    const query = interaction.options.getString('query', true);
    const action = searchAction(query, range);
    const reply = searchReply(context.index, action, locale);
    // The query was shortened to fit the page buttons: say so rather than search for less than was typed silently.
    const shortened = action.query !== query.replace(/\s+/gu, ' ').trim() && !reply.ephemeral;
    await respond(interaction, shortened ? { ...reply, footer: [reply.footer, t.queryTruncated].filter(Boolean).join(' · ') } : reply);
  },
} satisfies Command;
