import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { localeOf } from '../../render/messages.js';
import { askReplySteps } from '../../render/replies/askReply.js';
import type { Command } from '../Command.js';
import { respond } from '../respond.js';
import { hideOption } from './hideOption.js';

/** `/ask question [hide]`: the answer quoted from the articles, with citations. */
export const ask = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setNameLocalizations({ fr: 'demander' })
    .setDescription('Ask a question: the answer is quoted from the articles, with its sources')
    .setDescriptionLocalizations({ fr: 'Posez une question : la réponse est citée des articles, avec ses sources' })
    .addStringOption((option) =>
      option
        .setName('question')
        .setNameLocalizations({ fr: 'question' })
        .setDescription('Your question, in French or English')
        .setDescriptionLocalizations({ fr: 'Votre question, en français ou en anglais' })
        .setRequired(true)
        .setMaxLength(300),
    )
    .addBooleanOption(hideOption('Only you see the answer', 'Vous seul voyez la réponse'))
    .toJSON(),
  cooldown: true,
  async execute(interaction, context) {
    const hide = interaction.options.getBoolean('hide') ?? false;
    await interaction.deferReply(hide ? { flags: MessageFlags.Ephemeral } : {});
    const question = interaction.options.getString('question', true);
    await respond(interaction, await context.computeSteps(() => askReplySteps(context.library.articles, question, localeOf(interaction.locale))));
  },
} satisfies Command;
