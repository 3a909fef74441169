import type { DatedEvent } from './DatedEvent.js';
import { clusterEvents, statisticsOf } from './clusterEvents.js';
import { eventTerms } from './eventTerms.js';

/**
 * One event per thing that happened: reports of the same event (same date and precision, similar wording once the
 * date and verbs of saying are set aside; see `clusterEvents` for the thresholds) by several articles, or twice by
 * one article, become one event citing all of them, with the text of the first report in input order — pass events
 * oldest article first, as `EventIndex` does, so that the text is the earliest article's sentence. Term weights
 * (IDF) are taken over `events`. Sorted by date (`compareDates`: a month before its days), then text. Pure.
 */
export function mergeEvents(events: readonly DatedEvent[]): DatedEvent[] {
  const terms = events.map((e) => eventTerms(e));
  return clusterEvents(events, (i) => terms[i] ?? [], statisticsOf(terms));
}
