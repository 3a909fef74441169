import type { PartialDate } from '../corpus/article.js';

/** Where an event is reported: a sentence of an article, located so that a reply can quote and cite it. */
export interface EventSource {
  readonly articleId: string;
  /** Index into `article.paragraphs` (0-based). */
  readonly paragraph: number;
  /** Offsets of the sentence in that paragraph: `article.paragraphs[paragraph].slice(start, end)` is the text. */
  readonly start: number;
  readonly end: number;
}

/**
 * Something an article dates: a sentence with the date it names, as precise as the text makes it and no more
 * (a bare "jeudi" in an article known only to the month stays at month precision), and whether the article reports
 * it as done or as planned. Timelines and daily digests are built from these.
 */
export interface DatedEvent {
  /** Precision `day`, `month` or `year`. */
  readonly date: PartialDate;
  readonly status: 'done' | 'planned';
  /** The sentence, verbatim (of the earliest source when several articles report the event). */
  readonly text: string;
  /** The date expression as written ("le 10 janvier", "jusqu’au 9 janvier", "mardi"). */
  readonly mention: string;
  /** At least one; `sources[0]` is the sentence `text` comes from. */
  readonly sources: readonly EventSource[];
}
