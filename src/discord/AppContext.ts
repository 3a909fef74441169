import type { Library } from '../render/Library.js';
import type { Logger } from '../logger.js';
import type { Command } from './Command.js';
import type { Cooldowns } from './Cooldowns.js';
import type { DigestServices } from './DigestServices.js';

/**
 * What command handlers need, passed explicitly rather than hung on the discord.js Client: the library to answer
 * from, the logger, the cooldowns, the version shown by /about, the commands served (listed by /help), and the daily-digest services.
 */
export interface AppContext {
  /** The articles and their dated events, kept current by the folder watcher. */
  readonly library: Library;
  readonly logger: Logger;
  readonly cooldowns: Cooldowns;
  readonly version: string;
  readonly commands: readonly Command[];
  /** Subscriptions, the scheduler and the folder rescan, for /digest and /reload. */
  readonly digests: DigestServices;
}
