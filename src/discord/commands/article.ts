import { SlashCommandBuilder } from 'discord.js';
import { formatIsoDate } from '../../core/corpus/partialDate.js';
import { fitText } from '../../render/fitText.js';
import { LIMITS } from '../../render/limits.js';
import { localeOf } from '../../render/messages.js';
import { articleReply, resolveArticleId, unknownArticleReply } from '../../render/replies/articleReply.js';
import type { Command } from '../Command.js';
import { respond } from '../respond.js';

/**
 * What Discord lets a user type in the option. A forged interaction can send more; look-ups only ever see this
 * much, so that a 6000-character value cannot make the autocomplete (which must answer at once) slow.
 */
const ID_MAX_LENGTH = 200;

/** `/article id`: the summary and first excerpt, then the full text page by page. Autocompletes on titles and ids. */
export const article = {
  data: new SlashCommandBuilder()
    .setName('article')
    .setNameLocalizations({ fr: 'article' })
    .setDescription('Read an article: its summary, then the full text page by page')
    .setDescriptionLocalizations({ fr: 'Lisez un article : son résumé, puis le texte intégral page par page' })
    .addStringOption((option) =>
      option
        .setName('id')
        .setNameLocalizations({ fr: 'id' })
        .setDescription('Start typing a title or an id')
        .setDescriptionLocalizations({ fr: 'Commencez à taper un titre ou un identifiant' })
        .setRequired(true)
        .setMaxLength(ID_MAX_LENGTH)
        .setAutocomplete(true),
    )
    .toJSON(),
  cooldown: false,
  async execute(interaction, context) {
    const locale = localeOf(interaction.locale);
    const id = resolveArticleId(context.library.articles, interaction.options.getString('id', true).slice(0, ID_MAX_LENGTH));
    // An unknown id is answered privately at once (a cheap look-up); only a known article is worth a public reply.
    if (!context.library.articles.get(id)) {
      await respond(interaction, unknownArticleReply(context.library.articles, id, locale));
      return;
    }
    await interaction.deferReply();
    await respond(interaction, await context.compute(() => articleReply(context.library.articles, { kind: 'article', id, page: 0 }, locale)));
  },
  async autocomplete(interaction, context) {
    const typed = interaction.options.getFocused().slice(0, ID_MAX_LENGTH);
    const choices = context.library.articles
      .suggest(typed, LIMITS.autocompleteChoices)
      .filter((a) => a.id.length <= LIMITS.choiceValue)
      .map((a) => ({ name: fitText(`${a.title} (${formatIsoDate(a.date)})`, LIMITS.choiceName), value: a.id }));
    await interaction.respond(choices);
  },
} satisfies Command;
