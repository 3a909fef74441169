import type { CalendarDay } from '../../core/digest/CalendarDay.js';
import { compareCalendarDays, formatCalendarDay, toPartialDate } from '../../core/digest/CalendarDay.js';
import { buildDigest, isEmptyDigest } from '../../core/digest/buildDigest.js';
import { daysWithNews, nearestDaysWithNews } from '../../core/digest/daysWithNews.js';
import type { Action } from '../Action.js';
import { citationOf } from '../citationOf.js';
import { eventBlock } from '../eventBlock.js';
import { formatDate } from '../formatDate.js';
import type { Library } from '../Library.js';
import { messages } from '../messages.js';
import type { Locale, Reply, ReplyBlock, ReplyButton } from '../Reply.js';
import { plain } from '../Reply.js';

/** How many nearby days a day without news offers. */
const NEAREST = 3;

export interface DigestReplyOptions {
  /** For a scheduled post: an empty day gives a one-line "nothing new" instead of the nearest days. */
  readonly scheduled?: boolean;
}

/**
 * The digest of one day (`/digest show`, and the daily post): the events dated that day, done and planned, and the
 * articles of the day summarised, all cited; ◀ ▶ go to the previous and next days that have news. Without a day,
 * the latest day that has any. A day with nothing says so and offers the nearest days that have something.
 */
export function digestReply(library: Library, day: CalendarDay | undefined, locale: Locale, options: DigestReplyOptions = {}): Reply {
  const t = messages(locale);
  const days = daysWithNews(library.articles.all(), library.events);
  const shown = day ?? days.at(-1);
  if (!shown) {
    return { tone: 'notFound', title: t.nothingTitle, intro: plain(t.digestEmptyArchive), blocks: [], fields: [], buttonRows: [], ephemeral: false };
  }
  const label = formatDate(toPartialDate(shown), locale);
  const digest = buildDigest(shown, { articles: library.articles.all(), events: library.events, arrived: library.arrivedOn(shown) });
  if (isEmptyDigest(digest)) {
    if (options.scheduled) {
      const footer = formatCalendarDay(shown);
      return { tone: 'info', title: t.digestTitle(label), intro: plain(t.digestNothingNew(label)), blocks: [], fields: [], footer, buttonRows: [], ephemeral: false };
    }
    const nearest = nearestDaysWithNews(days, shown, NEAREST);
    return {
      tone: 'notFound',
      title: t.digestTitle(label),
      intro: plain(`${t.digestNothing(label)}${nearest.length > 0 ? ` ${t.digestNearest}` : ''}`),
      blocks: [],
      fields: [],
      buttonRows: [nearest.map((d): ReplyButton => ({ action: dayAction(d), label: formatDate(toPartialDate(d), locale), emoji: '📅' }))].filter(
        (row) => row.length > 0,
      ),
      ephemeral: false,
    };
  }
  const blocks: ReplyBlock[] = digest.events.map((event) => eventBlock(event, library.articles, t));
  digest.summary.forEach((sentence, i) => {
    const article = library.articles.get(sentence.articleId);
    blocks.push({
      ...(i === 0 ? { heading: t.digestArticles } : {}),
      text: plain(sentence.text),
      quote: true,
      ...(article ? { citations: [citationOf(article, sentence.paragraph)] } : {}),
    });
  });
  const before = [...days].reverse().find((d) => compareCalendarDays(d, shown) < 0);
  const after = days.find((d) => compareCalendarDays(d, shown) > 0);
  // At either end the button stays, disabled; it then points at this day under a page number of its own, only so
  // that no two buttons of the message share an id (Discord requires it).
  const navigation: ReplyButton[] = [
    { action: before ? dayAction(before) : dayAction(shown, 1), label: t.previous, emoji: '◀️', disabled: !before },
    { action: after ? dayAction(after) : dayAction(shown, 2), label: t.next, emoji: '▶️', disabled: !after },
  ];
  return {
    tone: 'answer',
    title: t.digestTitle(label),
    intro: plain(t.digestIntro(digest.events.length, digest.articles.length)),
    blocks,
    fields: [],
    // The day, as written, is also how the scheduler recognises its own post after a crash (see postDigest).
    footer: formatCalendarDay(shown),
    buttonRows: options.scheduled ? [] : [navigation],
    ephemeral: false,
  };
}

function dayAction(day: CalendarDay, page = 0): Action {
  return { kind: 'digest', day: formatCalendarDay(day), page };
}
