import type { Interaction } from 'discord.js';
import { Client, DefaultRestOptions, DiscordAPIError, Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import type { Library } from '../render/Library.js';
import type { Logger } from '../logger.js';
import { localeOf, messages } from '../render/messages.js';
import type { AppContext } from './AppContext.js';
import { commands } from './commands/index.js';
import { Cooldowns } from './Cooldowns.js';
import type { DigestServices } from './DigestServices.js';
import { digestPoster } from './postDigest.js';
import { DigestScheduler } from '../scheduler/DigestScheduler.js';
import { handleInteraction } from './handleInteraction.js';
import { loggableError, withoutToken } from './loggableError.js';
import { registerCommands } from './registerCommands.js';
import { WorkQueue } from '../WorkQueue.js';

export interface BotOptions {
  /** The store and the folder rescan; the scheduler is created here, once connected. */
  readonly digests: Omit<DigestServices, 'scheduler'>;
  readonly token: string;
  readonly apiUrl?: string;
  readonly guildId?: string;
  readonly cooldownSeconds: number;
  readonly version: string;
  /** The thread's work queue, where replies are built (before background work); default: one of its own. */
  readonly work?: WorkQueue;
}

export interface RunningBot {
  /** Settles when the bot is logged in, or rejects when it never will (the token was refused). */
  readonly loggedIn: Promise<void>;
  /** Stops taking interactions (and login attempts), lets those in flight finish, and disconnects. */
  stop(): Promise<void>;
}

/** How often discord.js drops its idle per-route REST handlers (see the client's options). */
const REST_HANDLER_SWEEP_MS = 10_000;
/** Login attempts wait 1 s, 2 s, 4 s… up to this between tries while Discord cannot be reached. */
const MAX_LOGIN_BACKOFF_MS = 60_000;

/**
 * Connects to Discord (intent Guilds only: slash commands need nothing more) and serves the commands. Under
 * sharding, each process runs this for its shards and only the one holding shard 0 registers the commands.
 */
export function startBot(library: Library, options: BotOptions, logger: Logger): RunningBot {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: {
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
      makeRequest: timeoutsLogged(logger),
      // discord.js keeps a rate-limit handler per route and major parameter, and an interaction's callback route is
      // its own: one handler per interaction, swept when idle once an hour by default — memory that grows with the
      // interaction rate for an hour (the soak measured ~700 bytes each). Only idle handlers are swept: one still
      // queueing or rate limited is kept, so nothing is lost by sweeping often.
      handlerSweepInterval: REST_HANDLER_SWEEP_MS,
    },
  });
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  let scheduler: DigestScheduler | undefined;
  const digests: DigestServices = { ...options.digests, scheduler: () => scheduler };
  const work = options.work ?? new WorkQueue();
  const context: AppContext = {
    library,
    logger,
    cooldowns: new Cooldowns(options.cooldownSeconds),
    version: options.version,
    commands,
    digests,
    compute: (build) => work.run(build, 'interactive'),
    computeSteps: (build) => work.runSteps(build, 'interactive'),
  };
  const inFlight = new Set<Promise<void>>();
  let closing = false;

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (closing) {
      if (interaction.isRepliable()) {
        const t = messages(localeOf(interaction.locale));
        void interaction.reply({ content: t.shuttingDown, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }).catch(() => undefined);
      }
      return;
    }
    const work = handleInteraction(interaction, byName, context).finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  client.once(Events.ClientReady, (ready) => {
    const shards = ready.shard?.ids ?? [0];
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, shards }, `Connected to Discord as ${ready.user.tag}`);
    // Each shard posts the digests of its own servers only.
    scheduler ??= new DigestScheduler({
      store: options.digests.store,
      timeZone: options.digests.timeZone,
      logger,
      ownsGuild: (guildId) => ready.guilds.cache.has(guildId),
      ...digestPoster(ready, library),
    });
    scheduler.start();
    if (!shards.includes(0)) return;
    registerCommands(
      ready.rest,
      commands.map((c) => c.data),
      { applicationId: ready.application.id, ...(options.guildId ? { guildId: options.guildId } : {}) },
      logger,
    ).catch((error: unknown) => logger.error({ err: loggableError(error) }, 'Could not register the slash commands; the bot still answers'));
  });
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'Gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => {
    // discord.js reports its own shutdown as a reconnect; only a real one is worth a line.
    if (!closing) logger.info({ shardId }, 'Gateway reconnecting');
  });
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'Gateway resumed'));
  client.on(Events.Error, (error) => logger.error({ err: loggableError(error) }, 'Discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'Rate limited by Discord'));
  // A 429 Discord answers unexpectedly is retried after retry-after without a 'rateLimited' event (that one only
  // reports waits discord.js planned). Log it: repeated 429s get a bot's IP banned for an hour.
  client.rest.on('response', (request, response) => {
    if (response.status === 429) {
      logger.warn({ method: request.method, route: request.route, retryAfter: response.headers.get('retry-after') }, 'Rate limited by Discord (429); retrying');
    } else if (response.status >= 500) {
      // discord.js resends the same request (a post keeps its nonce, so Discord cannot create it twice), a few times.
      const retrying = request.retries < client.rest.options.retries;
      logger.warn(
        { method: request.method, route: request.route, status: response.status, attempt: request.retries + 1 },
        retrying ? `Discord answered ${response.status}; retrying` : `Discord answered ${response.status}; giving up`,
      );
    }
  });

  // Logging in goes on in the background so that a signal during the retries still shuts the bot down cleanly.
  const shutdown = new AbortController();
  const loggedIn = loginWithBackoff(client, options.token, logger, shutdown.signal);
  loggedIn.catch(() => undefined); // the caller observes it; never an unhandled rejection
  return {
    loggedIn,
    async stop() {
      closing = true;
      shutdown.abort();
      await loggedIn.catch(() => undefined);
      await Promise.allSettled([...inFlight, scheduler?.stop()]);
      await client.destroy();
    },
  };
}

type MakeRequest = typeof DefaultRestOptions.makeRequest;

/**
 * discord.js's own HTTP call, with a log line when Discord does not answer within the REST timeout (15 s): discord.js
 * then resends the request on its own and emits nothing, so without this a slow Discord would leave no trace. The
 * URL is logged without an interaction's token.
 */
function timeoutsLogged(logger: Logger): MakeRequest {
  return async (url, init) => {
    try {
      return await DefaultRestOptions.makeRequest(url, init);
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') {
        logger.warn({ method: init.method ?? 'GET', url: withoutToken(url) }, 'Discord did not answer in time; discord.js retries the request');
      }
      throw error;
    }
  };
}

/**
 * Logs in, retrying with exponential backoff while Discord cannot be reached, so a network outage at start-up
 * neither crashes the bot nor hammers Discord. A refused token is fatal at once: retrying cannot fix it.
 */
async function loginWithBackoff(client: Client, token: string, logger: Logger, stop: AbortSignal): Promise<void> {
  for (let attempt = 1, wait = 1000; !stop.aborted; attempt++, wait = Math.min(wait * 2, MAX_LOGIN_BACKOFF_MS)) {
    try {
      await client.login(token);
      return;
    } catch (error) {
      if (isTokenRefused(error)) throw error;
      if (stop.aborted) return;
      logger.warn({ attempt, retryInMs: wait, err: loggableError(error) }, `Cannot reach Discord; retrying in ${Math.round(wait / 1000)} s`);
      await client.destroy().catch(() => undefined);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        stop.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

function isTokenRefused(error: unknown): boolean {
  if (error instanceof DiscordAPIError) return error.status === 401;
  return error instanceof Error && 'code' in error && (error as { code?: unknown }).code === 'TokenInvalid';
}
