/**
 * The name a user's Discord client shows for a command or an option: its localisation for the client's locale
 * (`fr`), else the name itself. Messages that name a command or an option must use this, or a French user is told
 * about `from` while their client shows `du`.
 */
export function shownName(
  item: { readonly name: string; readonly name_localizations?: Readonly<Record<string, string | null | undefined>> | null | undefined },
  discordLocale: string,
): string {
  return item.name_localizations?.[discordLocale] ?? item.name;
}
