import { compareDates } from '../corpus/partialDate.js';
import { cosine, countTerms, type TermVector } from '../summarise/termVector.js';
import type { DatedEvent, EventSource } from './DatedEvent.js';

/**
 * How alike two reports of the same date must be (TF-IDF cosine of their `eventTerms`, sharing at least MIN_SHARED
 * terms) to be one event. A day is strong evidence by itself; on 33,688 OrangeSum articles, in samples read by
 * hand, same-day pairs that the clustering would join were the same event about one time in three at a cosine of
 * 0.1–0.15, half the time at 0.15–0.2 and four times in five at 0.2–0.25 (one attack, one election round, one
 * derailment told twice). A month or a year holds many more events, so the bar is higher there.
 */
export const SAME_DAY_COSINE = 0.2;
export const SAME_PERIOD_COSINE = 0.3;
const MIN_SHARED = 2;
/**
 * IDF is smoothed as if the archive held this many more events that share none of its terms: over a large archive
 * it changes nothing, but over a handful of articles about one story (where every report says "Otan" and "Russie")
 * plain IDF would make the very words that identify an event look worthless.
 */
const BACKGROUND_EVENTS = 1000;
/**
 * Postings longer than this are not followed when looking for candidates (a term that so many distinct events of
 * one date share does not tell which one a report belongs to; the other shared terms still find it). Keeps a month
 * with thousands of events from going quadratic.
 */
const MAX_POSTINGS = 100;

/** Document frequencies over the events being compared, for IDF weights. */
export interface TermStatistics {
  readonly documents: number;
  frequency(term: string): number;
}

/** The statistics of a set of events, each given by its terms: IDF is taken over the events being merged. */
export function statisticsOf(termLists: readonly (readonly string[])[]): TermStatistics {
  const frequency = new Map<string, number>();
  for (const terms of termLists) for (const term of new Set(terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  return { documents: termLists.length, frequency: (term) => frequency.get(term) ?? 0 };
}

/**
 * Merges events that have the same date (and precision) and similar terms into one event citing every source,
 * keeping the first event's text and mention (callers pass events oldest article first). A merged event is `done` when any report says it is done (a later report confirms what an
 * earlier one announced). Returns the events sorted by date (`compareDates`), then text. Pure; `terms(i)` gives the
 * terms of `events[i]`.
 */
export function clusterEvents(
  events: readonly DatedEvent[],
  terms: (index: number) => readonly string[],
  statistics: TermStatistics,
): DatedEvent[] {
  const groups = new Map<string, number[]>();
  events.forEach((e, i) => {
    const key = `${e.date.precision}:${e.date.year}-${e.date.month ?? 0}-${e.date.day ?? 0}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const out: DatedEvent[] = [];
  for (const members of groups.values()) {
    const threshold = events[members[0] as number]?.date.precision === 'day' ? SAME_DAY_COSINE : SAME_PERIOD_COSINE;
    for (const cluster of clusterGroup(members, terms, statistics, threshold)) {
      out.push(mergeCluster(cluster.map((i) => events[i] as DatedEvent)));
    }
  }
  return out.sort((a, b) => compareDates(a.date, b.date) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

function vectorOf(terms: readonly string[], statistics: TermStatistics): TermVector {
  const weights = new Map<string, number>();
  let squares = 0;
  for (const [term, tf] of countTerms(terms)) {
    const idf = Math.log(1 + (statistics.documents + BACKGROUND_EVENTS) / Math.max(1, statistics.frequency(term)));
    const w = (1 + Math.log(tf)) * idf;
    weights.set(term, w);
    squares += w * w;
  }
  return { weights, norm: Math.sqrt(squares) };
}

/**
 * Greedy clustering in input order (oldest article first): a report joins the event whose first report — the one
 * shown — it is most alike to, or starts a new event. Comparing with the first report only keeps an event from
 * drifting: compared with every member (or joined as connected components), a busy day grew into one blob as each
 * new member attracted more (hundreds of OrangeSum reports of 11 May 2020 in one "event"), while the first report
 * keeps each event about one thing (the largest OrangeSum event has 50 reports, of the 5 December 2019 strike).
 * Since later articles come later in the order, a new report joins events without reshaping older ones.
 * Candidates are found through shared terms (postings), so a group is not compared pair by pair.
 */
function clusterGroup(
  members: readonly number[],
  terms: (index: number) => readonly string[],
  statistics: TermStatistics,
  threshold: number,
): number[][] {
  if (members.length === 1) return [[members[0] as number]];
  const clusters: number[][] = [];
  const heads: TermVector[] = [];
  /** term → events (clusters) whose first report has it */
  const postings = new Map<string, number[]>();
  for (const eventIndex of members) {
    const vector = vectorOf(terms(eventIndex), statistics);
    const shared = new Map<number, number>();
    for (const term of vector.weights.keys()) {
      const list = postings.get(term);
      if (list === undefined || list.length > MAX_POSTINGS) continue;
      for (const c of list) shared.set(c, (shared.get(c) ?? 0) + 1);
    }
    let best = -1;
    let bestScore = threshold;
    for (const [c, count] of shared) {
      if (count < MIN_SHARED) continue;
      const score = cosine(vector, heads[c] as TermVector);
      if (score > bestScore || (score === bestScore && (best < 0 || c < best))) {
        best = c;
        bestScore = score;
      }
    }
    if (best >= 0) {
      (clusters[best] as number[]).push(eventIndex);
      continue;
    }
    const c = clusters.length;
    clusters.push([eventIndex]);
    heads.push(vector);
    for (const term of vector.weights.keys()) {
      const list = postings.get(term);
      if (list) list.push(c);
      else postings.set(term, [c]);
    }
  }
  return clusters;
}

function mergeCluster(events: readonly DatedEvent[]): DatedEvent {
  const first = events[0] as DatedEvent;
  if (events.length === 1) return first;
  const seen = new Set<string>();
  const sources: EventSource[] = [];
  for (const e of events) {
    for (const s of e.sources) {
      const key = `${s.articleId}\u0000${s.paragraph}\u0000${s.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sources.push(s);
    }
  }
  const status = events.some((e) => e.status === 'done') ? 'done' : 'planned';
  return { ...first, status, sources };
}
