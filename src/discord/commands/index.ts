import type { Command } from '../Command.js';
import { about } from './about.js';
import { article } from './article.js';
import { ask } from './ask.js';
import { digest } from './digest.js';
import { help } from './help.js';
import { reload } from './reload.js';
import { search } from './search.js';
import { timeline } from './timeline.js';

/** Every command the bot serves, in the order Discord lists them. */
export const commands: readonly Command[] = [ask, search, article, timeline, digest, reload, about, help];
