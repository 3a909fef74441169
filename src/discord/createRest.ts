import { REST } from 'discord.js';

/** A REST client for Discord, or for the URL in DISCORD_API_URL (a proxy, a local Discord in tests). */
export function createRest(token: string, apiUrl?: string): REST {
  return new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
}
