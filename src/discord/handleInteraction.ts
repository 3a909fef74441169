import type { ButtonInteraction, ChatInputCommandInteraction, Interaction } from 'discord.js';
import { UserError } from '../core/errors.js';
import { decodeAction } from '../render/Action.js';
import { localeOf, messages } from '../render/messages.js';
import { actionReply } from '../render/replies/actionReply.js';
import { errorReply } from '../render/replies/errorReply.js';
import type { AppContext } from './AppContext.js';
import type { Command } from './Command.js';
import { loggableError } from './loggableError.js';
import { respond } from './respond.js';

/**
 * The one entry point for interactions and the one error boundary: routes commands, autocompletes and buttons,
 * applies cooldowns, and turns any failure into a private message to the user (or an empty autocomplete list) and a
 * log line with the command and ids — never the token. Never throws: the bot keeps serving whatever happens.
 */
export async function handleInteraction(interaction: Interaction, commands: ReadonlyMap<string, Command>, context: AppContext): Promise<void> {
  const where = {
    interactionId: interaction.id,
    userId: interaction.user.id,
    guildId: interaction.guildId ?? undefined,
    channelId: interaction.channelId ?? undefined,
  };
  if (interaction.isAutocomplete()) {
    try {
      const command = commands.get(interaction.commandName);
      if (command?.autocomplete) await command.autocomplete(interaction, context);
      else await interaction.respond([]);
    } catch (error) {
      context.logger.error({ err: loggableError(error), command: interaction.commandName, ...where }, 'autocomplete failed');
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
    return;
  }
  if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
  const locale = localeOf(interaction.locale);
  const t = messages(locale);
  const name = interaction.isChatInputCommand() ? interaction.commandName : `button:${interaction.customId.split(':', 2).join(':')}`;
  try {
    if (interaction.isChatInputCommand()) await runCommand(interaction, commands, context);
    else await runButton(interaction, context);
  } catch (error) {
    const known = error instanceof UserError;
    if (known) context.logger.info({ code: error.code, command: name, ...where }, `refused: ${error.message}`);
    else context.logger.error({ err: loggableError(error), command: name, ...where }, 'command failed');
    const reply = errorReply(known ? error.message : t.internalError, locale);
    await respond(interaction, reply).catch((sendError: unknown) =>
      context.logger.warn({ err: loggableError(sendError), command: name, ...where }, 'could not send the error reply'),
    );
  }
}

async function runCommand(interaction: ChatInputCommandInteraction, commands: ReadonlyMap<string, Command>, context: AppContext): Promise<void> {
  const t = messages(localeOf(interaction.locale));
  const command = commands.get(interaction.commandName);
  if (!command) throw new UserError('UNKNOWN_COMMAND', t.unknownCommand);
  if (command.cooldown) {
    const wait = context.cooldowns.take(interaction.user.id);
    if (wait > 0) throw new UserError('COOLDOWN', t.cooldown(wait));
  }
  await command.execute(interaction, context);
}

/** A button: its whole state is in its custom id, so it works after a restart; nonsense gets an explanation. */
async function runButton(interaction: ButtonInteraction, context: AppContext): Promise<void> {
  const locale = localeOf(interaction.locale);
  const t = messages(locale);
  const decoded = decodeAction(interaction.customId);
  if (!decoded.ok) throw new UserError('STALE_BUTTON', decoded.reason === 'outdated' ? t.outdatedButton : t.staleButton);
  // Turning pages of a search runs a search: the same cooldown as the command, so buttons cannot bypass it.
  if (decoded.action.kind !== 'article') {
    const wait = context.cooldowns.take(interaction.user.id);
    if (wait > 0) throw new UserError('COOLDOWN', t.cooldown(wait));
  }
  await interaction.deferUpdate();
  await respond(interaction, await context.compute(() => actionReply(context.library, decoded.action, locale)));
}
