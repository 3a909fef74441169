import type { Command } from '../Command.js';
import { about } from './about.js';
import { article } from './article.js';
import { ask } from './ask.js';
import { help } from './help.js';
import { search } from './search.js';

/** Every command the bot serves, in the order Discord lists them. */
export const commands: readonly Command[] = [ask, search, article, about, help];
