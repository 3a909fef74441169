import type { SlashCommandBooleanOption } from 'discord.js';

/** The `hide` option (`masquer` in French) of the commands whose reply may be made private. */
export function hideOption(description: string, frenchDescription: string): (option: SlashCommandBooleanOption) => SlashCommandBooleanOption {
  return (option) =>
    option.setName('hide').setNameLocalizations({ fr: 'masquer' }).setDescription(description).setDescriptionLocalizations({ fr: frenchDescription });
}
