import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { AppContext } from './AppContext.js';

/** A slash command: its definition (registered with Discord) and its handlers. */
export interface Command {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Subject to the per-user cooldown (commands that search the archive). */
  readonly cooldown: boolean;
  execute(interaction: ChatInputCommandInteraction, context: AppContext): Promise<void>;
  /** Must answer fast and never throw to the user: the error boundary answers an empty list on failure. */
  autocomplete?(interaction: AutocompleteInteraction, context: AppContext): Promise<void>;
}
