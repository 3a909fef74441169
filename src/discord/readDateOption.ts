import type { ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { PartialDate } from '../core/corpus/article.js';
import { UserError } from '../core/errors.js';
import type { Library } from '../render/Library.js';
import { localeOf, messages } from '../render/messages.js';
import { resolveUserDate } from '../render/replies/resolveUserDate.js';
import { shownName } from './shownName.js';

/**
 * A date option as users type it (`2022-01-10`, `10 janvier`, `10/01/2022`, `hier`), or `undefined` when the option
 * is empty. Anything else is refused with a message naming the option as the user's client shows it (`du`, not
 * `from`, for a French user).
 */
export function readDateOption(
  interaction: ChatInputCommandInteraction,
  option: string,
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  library: Library,
): PartialDate | undefined {
  const value = interaction.options.getString(option)?.trim();
  if (!value) return undefined;
  const date = resolveUserDate(library, value);
  if (date) return date;
  const t = messages(localeOf(interaction.locale));
  const named = findOption(definition.options as readonly NamedOption[] | undefined, option);
  throw new UserError('BAD_DATE', t.badDate(named ? shownName(named, interaction.locale) : option, value));
}

interface NamedOption {
  readonly name: string;
  readonly name_localizations?: Readonly<Record<string, string | null | undefined>> | null;
  readonly options?: readonly NamedOption[];
}

/** An option by name, in a command's options or its subcommands'. */
function findOption(options: readonly NamedOption[] | undefined, name: string): NamedOption | undefined {
  for (const option of options ?? []) {
    if (option.name === name && option.options === undefined) return option;
    const inner = findOption(option.options, name);
    if (inner) return inner;
  }
  return undefined;
}
