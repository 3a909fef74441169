import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes any text (an article, a user's query) safe to show in a Discord message: markdown is escaped so it shows as
 * typed, and mentions are broken with a zero-width space so that `@everyone`, `<@id>`, `<@&role>` or `<#channel>`
 * neither ping (allowedMentions already forbids that) nor render as a mention.
 */
export function escapeDiscord(text: string): string {
  const escaped = escapeMarkdown(text, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
  return escaped
    .replace(/@(everyone|here)/giu, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<([@#][!&]?|\/|a?:)/gu, `<${ZERO_WIDTH_SPACE}$1`);
}
