import type { PartialDate } from '../../core/corpus/article.js';
import { compareCalendarDays } from '../../core/digest/CalendarDay.js';
import { daysWithNews } from '../../core/digest/daysWithNews.js';
import { parseUserDate } from '../../core/digest/parseUserDate.js';
import { foldAccents } from '../../core/text/foldAccents.js';
import type { Library } from '../Library.js';

/** Words that place a date relative to the real today ("hier", "lundi dernier", "yesterday"). */
const RELATIVE =
  /(?<![\p{L}])(?:hier|aujourd|demain|yesterday|today|tomorrow|dernier|derniere|prochain|prochaine|last|next|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\p{L}])/u;

/**
 * A date typed by a user ("10 janvier", "hier", "2022-01-10"), or `undefined` when it is not a date. Relative words
 * ("hier", "lundi dernier") count from the real today. A date without a year ("10 janvier") is placed in the year
 * the archive has reached: for an archive of 2022, 10 January 2022, not of this year.
 */
export function resolveUserDate(library: Library, text: string): PartialDate | undefined {
  const today = library.today();
  if (RELATIVE.test(foldAccents(text))) return parseUserDate(text, today);
  const latest = daysWithNews(library.articles.all(), library.events).at(-1);
  return parseUserDate(text, latest && compareCalendarDays(latest, today) < 0 ? latest : today);
}
