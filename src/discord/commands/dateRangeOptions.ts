import type { SlashCommandBuilder, SlashCommandOptionsOnlyBuilder } from 'discord.js';

/** Longest date a user may type: "mercredi 12 janvier 2022" and its English forms fit. */
const DATE_MAX_LENGTH = 30;

/**
 * The `from` / `to` options of /search and /timeline, defined once so that both commands take dates the same way
 * (read by `readDateOption`).
 */
export function addDateRangeOptions<B extends SlashCommandBuilder | SlashCommandOptionsOnlyBuilder>(builder: B): SlashCommandOptionsOnlyBuilder {
  return builder
    .addStringOption((option) =>
      option
        .setName('from')
        .setNameLocalizations({ fr: 'du' })
        .setDescription('From this date: 2022-01-10, 2022-01, January 10, 10/01/2022…')
        .setDescriptionLocalizations({ fr: 'À partir de cette date : 2022-01-10, 2022-01, 10 janvier, 10/01/2022…' })
        .setMaxLength(DATE_MAX_LENGTH),
    )
    .addStringOption((option) =>
      option
        .setName('to')
        .setNameLocalizations({ fr: 'au' })
        .setDescription('Until this date: 2022-01-31, 2022-01, January 31, 31/01/2022…')
        .setDescriptionLocalizations({ fr: 'Jusqu’à cette date : 2022-01-31, 2022-01, 31 janvier, 31/01/2022…' })
        .setMaxLength(DATE_MAX_LENGTH),
    );
}
