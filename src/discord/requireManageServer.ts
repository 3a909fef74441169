import type { ChatInputCommandInteraction } from 'discord.js';
import { PermissionFlagsBits } from 'discord.js';
import { UserError } from '../core/errors.js';
import { localeOf, messages } from '../render/messages.js';

/**
 * Refuses the command unless it is run in a server by a member with Manage Server. Checked when run, whatever the
 * command's default permission says: a server can change that default, and /digest has subcommands for everyone.
 * Returns the server's id.
 */
export function requireManageServer(interaction: ChatInputCommandInteraction): string {
  const t = messages(localeOf(interaction.locale));
  if (!interaction.inGuild()) throw new UserError('SERVER_ONLY', t.serverOnly);
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) throw new UserError('FORBIDDEN', t.needsManageServer);
  return interaction.guildId;
}
