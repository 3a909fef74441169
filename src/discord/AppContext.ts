import type { Steps } from '../core/search/steps.js';
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
  /**
   * Builds a reply once the interaction is acknowledged: one build at a time, with a pause between two once they
   * have held the thread for a slice. Fifty searches arriving together then never hold the event loop for their
   * total (half a second measured), and interactions arriving meanwhile are acknowledged at once.
   */
  compute<T>(build: () => T): Promise<T>;
  /** `compute` for a reply written as steps (`/ask`): the queue may also yield between two of its steps. */
  computeSteps<T>(build: () => Steps<T>): Promise<T>;
}
