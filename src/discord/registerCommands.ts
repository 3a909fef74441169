import type { REST, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { Routes } from 'discord.js';
import type { Logger } from '../logger.js';

export interface RegisterOptions {
  readonly applicationId: string;
  /** Register in this server only (instant); otherwise globally (Discord may take up to an hour to show them). */
  readonly guildId?: string;
}

/**
 * Registers the commands with one bulk PUT — only when Discord's copy differs from ours, so that restarts do not
 * re-register (global registrations are rate limited and slow to propagate). Returns whether it wrote.
 */
export async function registerCommands(
  rest: REST,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  options: RegisterOptions,
  logger: Logger,
): Promise<boolean> {
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const scope = options.guildId ? { guildId: options.guildId } : { scope: 'global' };
  const current = (await rest.get(route)) as unknown[];
  if (sameCommands(definitions, current)) {
    logger.info({ ...scope, commands: definitions.length }, 'Slash commands up to date');
    return false;
  }
  await rest.put(route, { body: definitions });
  logger.info({ ...scope, commands: definitions.length }, 'Slash commands registered');
  return true;
}

/**
 * What Discord stores for a command field we leave unset (the builders leave them `undefined`): Discord answers
 * with its default filled in, which must not read as a change, or every start would re-register. `contexts` and
 * `integration_types` default to the application's settings, so any value Discord holds is its default.
 */
const COMMAND_DEFAULTS: Readonly<Record<string, (theirs: unknown) => boolean>> = {
  default_member_permissions: (v) => v === null || v === undefined,
  default_permission: (v) => v === true || v === null || v === undefined,
  dm_permission: (v) => v === true || v === null || v === undefined,
  nsfw: (v) => v === false || v === undefined,
  contexts: () => true,
  integration_types: () => true,
};

/**
 * Whether Discord's commands are ours: every field we define must be equal in Discord's copy, which also holds
 * fields of its own (ids, versions) that we ignore. Discord omits `false`, empty lists and nulls, so those count as
 * absent on both sides; a command field we leave unset may hold Discord's default.
 */
export function sameCommands(ours: readonly unknown[], theirs: readonly unknown[]): boolean {
  if (ours.length !== theirs.length) return false;
  const byName = new Map(theirs.map((c) => [(c as { name?: unknown }).name, c]));
  return ours.every((c) => {
    const their = byName.get((c as { name?: unknown }).name);
    if (typeof c !== 'object' || c === null || typeof their !== 'object' || their === null) return covers(c, their);
    return Object.entries(c).every(([key, value]) => {
      const theirValue = (their as Record<string, unknown>)[key];
      const isDefault = value === undefined ? COMMAND_DEFAULTS[key] : undefined;
      return isDefault ? isDefault(theirValue) : covers(value, theirValue);
    });
  });
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === false || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
}

function covers(ours: unknown, theirs: unknown): boolean {
  if (isAbsent(ours)) return isAbsent(theirs);
  if (Array.isArray(ours)) return Array.isArray(theirs) && ours.length === theirs.length && ours.every((o, i) => covers(o, theirs[i]));
  if (typeof ours === 'object' && ours !== null) {
    if (typeof theirs !== 'object' || theirs === null) return false;
    return Object.entries(ours).every(([key, value]) => covers(value, (theirs as Record<string, unknown>)[key]));
  }
  // Discord sends numbers as strings in places (permissions); compare as text.
  return String(ours) === String(theirs);
}
