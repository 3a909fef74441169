import type { APIApplicationCommandOption, APIApplicationCommandSubcommandOption, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord.js';
import { commandHelp, type CommandHelp } from '../render/commandHelp.js';
import type { Locale } from '../render/Reply.js';
import { shownName } from './shownName.js';

/**
 * /help as a Discord user sees the commands: every command the bot serves, under the names and with the options
 * their client shows (a French client lists `/chercher … du:`, not the console's `/search --from`), described as
 * registered with Discord, each with the console help's example rewritten in that form. `locale` is the language
 * of the reply; `discordLocale` the client's, which decides the names shown.
 */
export function discordHelp(
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  locale: Locale,
  discordLocale: string,
): CommandHelp[] {
  const examples = commandHelp(locale);
  const entry = (
    path: readonly string[],
    shownPath: readonly string[],
    item: Pick<RESTPostAPIChatInputApplicationCommandsJSONBody, 'description' | 'description_localizations'>,
    options: readonly APIApplicationCommandOption[],
  ): CommandHelp => {
    const name = `/${shownPath.join(' ')}`;
    const usage = [name, ...options.map((o) => (isRequired(o) ? `<${shownName(o, discordLocale)}>` : `[${shownName(o, discordLocale)}]`))].join(' ');
    const description = (locale === 'fr' ? item.description_localizations?.fr : undefined) ?? item.description;
    // The console's example for the same command (`/digest show` is `/digest 10 janvier` there, with no subcommand).
    const example = examples.find((e) => e.usage.split(' ')[0] === `/${path[0]}`)?.example;
    const rewritten = example && (path.length === 1 || path[1] === 'show') ? rewriteExample(example, name, options, discordLocale) : name;
    return { usage, description, example: rewritten };
  };
  return definitions.flatMap((command) => {
    const options = command.options ?? [];
    const subcommands = options.filter((o): o is APIApplicationCommandSubcommandOption => o.type === ApplicationCommandOptionType.Subcommand);
    if (subcommands.length === 0) return [entry([command.name], [shownName(command, discordLocale)], command, options)];
    // A command with subcommands is used one subcommand at a time: one line each.
    return subcommands.map((sub) =>
      entry([command.name, sub.name], [shownName(command, discordLocale), shownName(sub, discordLocale)], sub, sub.options ?? []),
    );
  });
}

function isRequired(option: APIApplicationCommandOption): boolean {
  return 'required' in option && option.required === true;
}

/** `/search pourparlers Genève --from 2022-01` → `/chercher requete: pourparlers Genève du: 2022-01`. */
function rewriteExample(example: string, name: string, options: readonly APIApplicationCommandOption[], discordLocale: string): string {
  const words = example.split(' ').slice(1);
  const free: string[] = [];
  const named: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const flag = /^--(.+)$/u.exec(word)?.[1];
    const option = flag === undefined ? undefined : options.find((o) => o.name === flag);
    const value = words[i + 1];
    if (option && value !== undefined) {
      named.push(`${shownName(option, discordLocale)}: ${value}`);
      i += 1;
    } else {
      free.push(word);
    }
  }
  const main = options.find(isRequired);
  const text = free.join(' ');
  return [name, ...(text && main ? [`${shownName(main, discordLocale)}: ${text}`] : text ? [text] : []), ...named].join(' ');
}
