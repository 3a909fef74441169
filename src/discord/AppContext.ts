import type { ArticleIndex } from '../core/search/ArticleIndex.js';
import type { Logger } from '../logger.js';
import type { Command } from './Command.js';
import type { Cooldowns } from './Cooldowns.js';

/**
 * What command handlers need, passed explicitly rather than hung on the discord.js Client: the index to answer
 * from, the logger, the cooldowns, the version shown by /about, and the commands served (listed by /help).
 */
export interface AppContext {
  readonly index: ArticleIndex;
  readonly logger: Logger;
  readonly cooldowns: Cooldowns;
  readonly version: string;
  readonly commands: readonly Command[];
}
