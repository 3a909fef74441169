import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { localeOf, messages } from '../../render/messages.js';
import { plain } from '../../render/Reply.js';
import type { Command } from '../Command.js';
import { requireManageServer } from '../requireManageServer.js';
import { respond } from '../respond.js';

/** `/reload` (Manage Server): reads the articles folder again now, rather than at the next automatic rescan. */
export const reload = {
  data: new SlashCommandBuilder()
    .setName('reload')
    .setNameLocalizations({ fr: 'recharger' })
    .setDescription('Read the articles folder again now (new, changed and removed files)')
    .setDescriptionLocalizations({ fr: 'Relire le dossier des articles maintenant (fichiers nouveaux, modifiés, retirés)' })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .toJSON(),
  cooldown: false,
  async execute(interaction, context) {
    requireManageServer(interaction);
    const t = messages(localeOf(interaction.locale));
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const result = await context.digests.rescan();
    await respond(interaction, {
      tone: 'info',
      title: t.reloadTitle,
      intro: plain(t.reloadDone(result.added, result.updated, result.removed, result.skipped.length)),
      blocks: [],
      fields: result.skipped.slice(0, 10).map((s) => ({ name: s.file, value: s.reason })),
      buttonRows: [],
      ephemeral: true,
    });
  },
} satisfies Command;
