import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { MessageFlags } from 'discord.js';
import type { Reply } from '../render/Reply.js';
import { renderDiscord } from '../render/renderDiscord.js';

type Answerable = ChatInputCommandInteraction | ButtonInteraction;

/**
 * Sends a reply to an interaction in whatever state it is: first answer, or the edit of a deferred one. A reply
 * meant for the user alone (an error, a refused button) after a public deferral must not replace the public
 * message: for a command, the "is thinking…" placeholder is deleted first (Discord turns the first follow-up of a
 * deferral into that placeholder), then the reply goes as an ephemeral follow-up.
 */
export async function respond(interaction: Answerable, reply: Reply): Promise<void> {
  const message = renderDiscord(reply);
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(message);
    return;
  }
  const { flags: _flags, ...edit } = message;
  if (!reply.ephemeral || interaction.ephemeral === true) {
    await interaction.editReply(edit);
    return;
  }
  if (interaction.isChatInputCommand()) await interaction.deleteReply();
  await interaction.followUp({ ...edit, flags: MessageFlags.Ephemeral });
}
