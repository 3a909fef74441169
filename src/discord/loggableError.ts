import { DiscordAPIError, HTTPError } from 'discord.js';

/**
 * An error as it may be logged. discord.js's REST errors carry the request URL, which for replies holds the
 * interaction's token (for 15 minutes, anyone holding it can post and edit as the bot in that channel), and the
 * whole body sent (the reply, with the user's own text). The token becomes `:token` and the body is left out;
 * any other error is logged as it is.
 */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof DiscordAPIError) && !(error instanceof HTTPError)) return error;
  const safe = new Error(error.message);
  safe.name = error.name;
  safe.stack = error.stack ?? '';
  return Object.assign(safe, {
    status: error.status,
    method: error.method,
    url: withoutToken(error.url),
    ...(error instanceof DiscordAPIError ? { code: error.code } : {}),
  });
}

/** `/webhooks/<application>/<token>/…` and `/interactions/<id>/<token>/…` with the token replaced by `:token`. */
export function withoutToken(url: string): string {
  return url.replace(/(\/(?:webhooks|interactions)\/\d+\/)[^/?]+/u, '$1:token');
}
