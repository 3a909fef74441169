import { parseCalendarDay } from '../../core/digest/CalendarDay.js';
import type { Action } from '../Action.js';
import type { Library } from '../Library.js';
import { messages } from '../messages.js';
import type { Locale, Reply } from '../Reply.js';
import { articleReply } from './articleReply.js';
import { digestReply } from './digestReply.js';
import { errorReply } from './errorReply.js';
import { excerptsReply, searchReply } from './searchReply.js';
import { timelineReply } from './timelineReply.js';

/** The reply to a button: every action rebuilds its page from the library, so buttons survive restarts. */
export function actionReply(library: Library, action: Action, locale: Locale): Reply {
  switch (action.kind) {
    case 'search':
      return searchReply(library.articles, action, locale);
    case 'excerpts':
      return excerptsReply(library.articles, action, locale);
    case 'article':
      return articleReply(library.articles, action, locale);
    case 'timeline':
      return timelineReply(library, action, locale);
    case 'digest': {
      const day = parseCalendarDay(action.day);
      return day ? digestReply(library, day, locale) : errorReply(messages(locale).staleButton, locale);
    }
  }
}
