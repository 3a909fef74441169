import type { ArticleIndex } from '../core/search/ArticleIndex.js';
import type { Logger } from '../logger.js';
import type { Cooldowns } from './Cooldowns.js';

/**
 * What command handlers need, passed explicitly rather than hung on the discord.js Client: the index to answer
 * from, the logger, the cooldowns, and the version shown by /about.
 */
export interface AppContext {
  readonly index: ArticleIndex;
  readonly logger: Logger;
  readonly cooldowns: Cooldowns;
  readonly version: string;
}
