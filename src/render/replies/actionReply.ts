import type { ArticleIndex } from '../../core/search/ArticleIndex.js';
import type { Action } from '../Action.js';
import type { Locale, Reply } from '../Reply.js';
import { articleReply } from './articleReply.js';
import { excerptsReply, searchReply } from './searchReply.js';

/** The reply to a button: every action rebuilds its page from the index, so buttons survive restarts. */
export function actionReply(index: ArticleIndex, action: Action, locale: Locale): Reply {
  switch (action.kind) {
    case 'search':
      return searchReply(index, action, locale);
    case 'excerpts':
      return excerptsReply(index, action, locale);
    case 'article':
      return articleReply(index, action, locale);
  }
}
