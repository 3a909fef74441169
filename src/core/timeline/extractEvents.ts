import { findCandidates } from '../answer/findCandidates.js';
import { FRENCH_FUNCTION_WORDS, foldWord } from '../answer/lexicon.js';
import type { Article, PartialDate } from '../corpus/article.js';
import { isCaption } from '../corpus/isCaption.js';
import { daysInMonth } from '../corpus/partialDate.js';
import { splitSentences, type Sentence } from '../text/splitSentences.js';
import type { DatedEvent } from './DatedEvent.js';
import { dateOfDayNumber, dayNumber, isoWeekday } from './dayNumber.js';
import { interpretMention, type MentionMeaning } from './interpretMention.js';
import { localTense, tenseMarkers, type TenseMarker } from './localTense.js';

/*
 * Rules (see also the shared notes, "Dates"):
 * - Spans come from `findCandidates(sentence, ['date'])`, so that answers and timelines agree on what a date
 *   expression is; `interpretMention` says what each one names. Expressions that name no calendar date are skipped.
 * - A day and month without a year take the year that puts them closest to the article's date (a December article's
 *   "10 janvier" is next January); a weekday written with the date ("mardi 28 décembre") picks the year where it
 *   fits; "dernier"/"prochain" pick the past or future occurrence; when the closest is months away either way (a
 *   June article's "fin décembre"), the verb's tense picks the side.
 * - A bare weekday, "hier", "demain"… need a day to count from. In an article dated to the day they are placed from
 *   that day: done → the most recent such weekday on or before it ("lundi dernier": strictly before), planned → the
 *   next one on or after it ("lundi prochain": strictly after).
 * - In an article known only to the month, a weekday is placed only when the article anchors it: an explicit date
 *   written with its weekday ("mardi 28 décembre", the weekday matching the calendar) anchors that weekday — "mardi"
 *   elsewhere in the article is the 28th — and its Monday–Sunday week: a done event on an earlier weekday of that
 *   week (when the anchor itself is done) or a planned event on a later weekday is placed in it. Anything else that
 *   the anchors cannot place, or that they place on different days, stays at month precision (the article's month,
 *   although a weekday early in a month may in truth fall in the previous one); in an article known only to the
 *   year it is skipped. "Dans la nuit de mardi à mercredi" is placed on its first day.
 * - "la semaine dernière", "cette semaine" are not days: month precision when the week lies in one month of a
 *   day-dated article, else skipped. "ce mois-ci", "le mois dernier" are months, "l'an dernier" a year, "depuis
 *   2014" a year. "aujourd'hui" counts only next to a compound past with "avoir" or a future ("a annoncé
 *   aujourd'hui", "va décider aujourd'hui"): news says it for "nowadays" about as often (on OrangeSum, "est
 *   aujourd'hui âgée de", "est interdit aujourd'hui" would be wrong days).
 * - Status: "dernier", "depuis" → done, "prochain", "d'ici", "dans trois jours" → planned; then a date wholly after
 *   the article's date is planned and one wholly before it done; otherwise the verb nearest the mention decides
 *   (future, conditional, "prévu", "doit", "va" + infinitive → planned; past tenses and the present → done).
 * - "depuis 2019" next to a more precise date in the same sentence is a comparison ("la première déclaration depuis
 *   2019"), not the sentence's date, and is skipped. One event per sentence and date.
 * - Captions are skipped. Cost: a cheap regular expression picks the paragraphs and sentences that may hold a date;
 *   only those are split and analysed.
 */

/**
 * Words that any date expression this module reads must contain (months, weekdays, years, "hier", "il y a"…): a
 * superset, checked on raw paragraphs and sentences before the costly steps (sentence splitting, span finding).
 */
const MAY_HOLD_DATE = new RegExp(
  [
    '(?<![\\p{L}])(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre',
    '|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|demain|aujourd|ce\\s+(?:matin|soir|midi|mois-ci|apr)',
    '|cet\\s+apr|cette\\s+(?:semaine|ann[ée]e)|(?:semaine|mois|an|ann[ée]e)\\s+(?:derni|pass|prochain)|il\\s+y\\s+a',
    '|dans\\s+\\S+\\s+(?:jours?|semaines?|mois|ans|ann[ée]es?)(?![\\p{L}]))',
    '|(?<![\\p{N}])(?:1\\d{3}|20\\d{2})(?![\\p{N}])|\\d[/.]\\d{1,2}[/.]\\d',
  ].join(''),
  'iu',
);
const MAY_HOLD_DATE_ALL = new RegExp(MAY_HOLD_DATE.source, 'giu');

/** See `byTense`: beyond this many days the nearest year is not evidently right… */
const AMBIGUOUS_GAP = 90;
/** …and the tense may choose a year up to this many days away on its side. */
const TENSE_REACH = 270;

/** Days from the article within which a weekday may choose the year of "mardi 28 décembre" (else: a typo). */
const WEEKDAY_YEAR_REACH = 183;

/** How far (characters plus clause penalties) a compound past or future may be from "aujourd'hui" to date it. */
const TODAY_VERB_REACH = 20;

interface Mention {
  readonly paragraph: number;
  readonly sentence: Sentence;
  /** Offsets in the sentence. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly meaning: MentionMeaning;
  readonly markers: readonly TenseMarker[];
}

interface Placed {
  readonly mention: Mention;
  readonly date: PartialDate;
  readonly status: 'done' | 'planned';
}

/** An article's date as a range of day numbers. */
interface Span {
  readonly first: number;
  readonly last: number;
}

/**
 * The dated events of one article (each with one source), in document order: what a timeline and a daily digest
 * show. Never pins an event to a day that the text does not name (see the rules above). Pure.
 */
export function extractEvents(article: Article): DatedEvent[] {
  const mentions = findMentions(article);
  if (mentions.length === 0) return [];
  const span = articleSpan(article.date);
  const placed: Placed[] = [];
  const weekdays: Mention[] = [];
  for (const mention of mentions) {
    if (mention.meaning.kind === 'weekday') {
      weekdays.push(mention);
      continue;
    }
    const p = place(mention, article.date, span);
    if (p !== undefined) placed.push(p);
  }
  const anchors = placed.filter(isAnchor);
  for (const mention of weekdays) {
    const p = placeWeekday(mention, article.date, span, anchors);
    if (p !== undefined) placed.push(p);
  }
  return toEvents(article, placed);
}

/** The date expressions of the article with what they mean, in document order. */
function findMentions(article: Article): Mention[] {
  const out: Mention[] = [];
  article.paragraphs.forEach((paragraph, index) => {
    if (!MAY_HOLD_DATE.test(paragraph) || isCaption(paragraph)) return;
    for (const sentence of splitSentences(paragraph)) {
      const text = sentence.text;
      if (!MAY_HOLD_DATE.test(text) || isCaption(text) || !hasContent(text)) continue;
      let markers: readonly TenseMarker[] | undefined;
      for (const c of dateSpans(text)) {
        // "ce matin-là", "ce jour-là": a time of the story, not of the writing
        if (/^-l[àa](?![\p{L}])/u.test(text.slice(c.end, c.end + 3))) continue;
        // "le Journal du dimanche" is a newspaper
        if (/journal\s+$/iu.test(text.slice(Math.max(0, c.start - 12), c.start))) continue;
        const mention = text.slice(c.start, c.end);
        const meaning = interpretMention(mention);
        if (meaning === undefined) continue;
        if (meaning.kind === 'year' && countsSomething(meaning.year, text.slice(c.end, c.end + 40))) continue;
        // "la télé d'aujourd'hui", "le monde de demain", "les alliés d'hier": a time of life, not a day
        if (meaning.kind === 'relative' && meaning.unit === 'day' && /(?:d['’]|(?<![\p{L}])de\s+)$/iu.test(text.slice(0, c.start))) continue;
        markers ??= tenseMarkers(text);
        out.push({ paragraph: index, sentence, start: c.start, end: c.end, text: mention, meaning, markers });
      }
    }
  });
  return out;
}

const SIDE_AFTER = /^\s(?:dernier|dernière|derniers|dernières|prochain|prochaine|prochains|prochaines)(?![\p{L}])/u;

/** Characters of context given to `findCandidates` before and after a word that may start or end a date. */
const BEFORE = 32;
const AFTER = 32;

/**
 * The date spans of a sentence, found by `findCandidates` on windows around the words that may belong to a date
 * rather than on the whole sentence: its cost grows with the text's length, and date expressions are short (the
 * longest, "dans la nuit de vendredi à samedi", fits in the context kept before the weekday).
 */
function dateSpans(sentence: string): { start: number; end: number }[] {
  const windows: [number, number][] = [];
  for (const m of sentence.matchAll(MAY_HOLD_DATE_ALL)) {
    let a = Math.max(0, m.index - BEFORE);
    let b = Math.min(sentence.length, m.index + m[0].length + AFTER);
    // widen to whole words, so that no word is cut at a window's edge
    while (a > 0 && !/\s/u.test(sentence[a - 1] as string)) a--;
    while (b < sentence.length && !/\s/u.test(sentence[b] as string)) b++;
    const last = windows[windows.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  const spans: { start: number; end: number }[] = [];
  for (const [a, b] of windows) {
    for (const c of findCandidates(sentence.slice(a, b), ['date'])) {
      // "le 10 janvier dernier": the side of the article date belongs to the date (findCandidates leaves it out)
      const side = SIDE_AFTER.exec(sentence.slice(a + c.end, a + c.end + 12));
      spans.push({ start: a + c.start, end: a + c.end + (side?.[0].length ?? 0) });
    }
  }
  return spans;
}

/**
 * "dès 1000 mètres", "en 1500 exemplaires", "depuis 1200 ans": a number followed by the noun it counts, not a year.
 * The noun is a lower-case word that is not a function word ("en 2014 lors de", "en 2019 contre") and, for numbers
 * in the range of recent years, a plural ("en 2000 soldats"; "en 2022 pourrait" stays a year).
 */
function countsSomething(year: number, after: string): boolean {
  const word = /^\s+(\p{Ll}[\p{L}'’-]*)/u.exec(after)?.[1];
  if (word === undefined || FRENCH_FUNCTION_WORDS.has(foldWord(word))) return false;
  return year < 1900 || /[sx]$/u.test(word);
}

/** A sentence that is more than its date ("7 août" alone, a dateline) reports nothing. */
function hasContent(sentence: string): boolean {
  return (sentence.match(/\p{L}{2,}/gu) ?? []).length >= 4;
}

function articleSpan(date: PartialDate): Span {
  const month = date.month ?? 1;
  const lastMonth = date.month ?? 12;
  return {
    first: dayNumber(date.year, month, date.day ?? 1),
    last: dayNumber(date.year, lastMonth, date.day ?? daysInMonth(date.year, lastMonth)),
  };
}

function spanOf(date: PartialDate): Span {
  return articleSpan(date);
}

/** Days between two ranges (0 when they overlap). */
function gap(a: Span, b: Span): number {
  if (a.last < b.first) return b.first - a.last;
  if (b.last < a.first) return a.first - b.last;
  return 0;
}

/** The tense the sentence gives the mention, `undefined` when no verb dates it. */
function tenseOf(m: Mention): ReturnType<typeof localTense> {
  return localTense(m.sentence.text, m.start, m.end, m.markers);
}

/** What the text says about the mention's time before its date is compared with the article's. */
function statusHint(m: Mention): 'done' | 'planned' | undefined {
  if (m.meaning.direction === 'past') return 'done';
  if (m.meaning.direction === 'future') return 'planned';
  return tenseOf(m)?.status;
}

/** Direction first, then the date against the article's, then the verb (see the rules above). */
function statusOf(m: Mention, date: PartialDate, article: Span): 'done' | 'planned' {
  if (m.meaning.direction === 'past') return 'done';
  if (m.meaning.direction === 'future') return 'planned';
  const s = spanOf(date);
  if (s.first > article.last) return 'planned';
  if (s.last < article.first) return 'done';
  return tenseOf(m)?.status ?? 'done';
}

function placed(mention: Mention, date: PartialDate | undefined, article: Span): Placed | undefined {
  return date === undefined ? undefined : { mention, date, status: statusOf(mention, date, article) };
}

/** Places every kind of mention but bare weekdays (which need the article's anchors). */
function place(m: Mention, articleDate: PartialDate, article: Span): Placed | undefined {
  const meaning = m.meaning;
  switch (meaning.kind) {
    case 'day': {
      const years =
        meaning.year !== undefined ? [meaning.year] : [articleDate.year - 1, articleDate.year, articleDate.year + 1];
      const candidates = years
        .filter((y) => meaning.day <= daysInMonth(y, meaning.month))
        .map((y) => ({ y, n: dayNumber(y, meaning.month, meaning.day) }));
      // the weekday tells the year apart ("mardi 28 décembre" is 2021), unless that year is far from the article
      const fitting = candidates.filter(
        (c) =>
          meaning.weekday === undefined ||
          (isoWeekday(c.n) === meaning.weekday && gap({ first: c.n, last: c.n }, article) <= WEEKDAY_YEAR_REACH),
      );
      const span = (c: { n: number }): Span => ({ first: c.n, last: c.n });
      const pool = preferDirection(fitting.length > 0 ? fitting : candidates, meaning.direction, article, span);
      const best = byTense(m, pool, closest(pool, article, span), article, span);
      return placed(m, best && { year: best.y, month: meaning.month, day: meaning.day, precision: 'day' }, article);
    }
    case 'month': {
      const years =
        meaning.year !== undefined ? [meaning.year] : [articleDate.year - 1, articleDate.year, articleDate.year + 1];
      const span = (y: number): Span => spanOf({ year: y, month: meaning.month, precision: 'month' });
      const pool = preferDirection(years, meaning.direction, article, span);
      const best = byTense(m, pool, closest(pool, article, span), article, span);
      return placed(m, best === undefined ? undefined : { year: best, month: meaning.month, precision: 'month' }, article);
    }
    case 'year':
      return placed(m, { year: meaning.year, precision: 'year' }, article);
    case 'relative':
      return placed(m, placeRelative(m, meaning, articleDate, article), article);
    case 'weekday':
      return undefined;
  }
}

/** With "dernier" or "prochain", only the occurrences on that side of the article's date (when there are any). */
function preferDirection<T>(items: readonly T[], direction: MentionMeaning['direction'], article: Span, span: (t: T) => Span): T[] {
  if (direction === undefined) return [...items];
  const side = items.filter((t) => (direction === 'past' ? span(t).first <= article.last : span(t).last >= article.first));
  return side.length > 0 ? side : [...items];
}

/**
 * The nearest year is right for "10 janvier" in a December article, but a month named half a year away may be
 * either side: "l'apparition du virus fin décembre" in a June article is the past December. When the nearest
 * candidate is more than AMBIGUOUS_GAP days away, the verb's tense picks the side (if a candidate there is within
 * TENSE_REACH days).
 */
function byTense<T>(m: Mention, items: readonly T[], best: T | undefined, article: Span, span: (t: T) => Span): T | undefined {
  if (best === undefined || m.meaning.direction !== undefined || gap(span(best), article) <= AMBIGUOUS_GAP) return best;
  const status = tenseOf(m)?.status;
  if (status === undefined) return best;
  const side = items.filter((t) => (status === 'done' ? span(t).last < article.first : span(t).first > article.last));
  const alternative = closest(side, article, span);
  return alternative !== undefined && gap(span(alternative), article) <= TENSE_REACH ? alternative : best;
}

/** The item nearest the article's date; on a tie, the earlier one. */
function closest<T>(items: readonly T[], article: Span, span: (t: T) => Span): T | undefined {
  let best: T | undefined;
  let bestGap = Infinity;
  for (const t of items) {
    const g = gap(span(t), article);
    if (g < bestGap) {
      best = t;
      bestGap = g;
    }
  }
  return best;
}

/** "hier", "la semaine dernière", "ce mois-ci", "il y a deux ans"… counted from the article's date. */
function placeRelative(
  m: Mention,
  meaning: Extract<MentionMeaning, { kind: 'relative' }>,
  articleDate: PartialDate,
  article: Span,
): PartialDate | undefined {
  const { unit, offset } = meaning;
  if (meaning.vague === true) {
    const t = tenseOf(m);
    if (t === undefined || t.distance > TODAY_VERB_REACH || (t.kind !== 'compound-past' && t.kind !== 'future')) return undefined;
  }
  if (unit === 'year') return { year: articleDate.year + offset, precision: 'year' };
  if (articleDate.month === undefined) return undefined;
  if (unit === 'month') {
    // "il y a trois mois" from an unknown day of the month could be either of two months
    if (articleDate.day === undefined && Math.abs(offset) > 1) return undefined;
    const index = articleDate.year * 12 + (articleDate.month - 1) + offset;
    return { year: Math.floor(index / 12), month: (index % 12) + 1, precision: 'month' };
  }
  if (articleDate.day === undefined) {
    // "hier", "demain" in an article known to the month: that month, no day (like a bare weekday)
    return unit === 'day' && Math.abs(offset) <= 2 ? { year: articleDate.year, month: articleDate.month, precision: 'month' } : undefined;
  }
  if (unit === 'day') return dayDate(article.first + offset);
  // a week: month precision when it lies within one month
  const monday = article.first - (isoWeekday(article.first) - 1) + 7 * offset;
  const a = dateOfDayNumber(monday);
  const b = dateOfDayNumber(monday + 6);
  return a.year === b.year && a.month === b.month ? { year: a.year, month: a.month, precision: 'month' } : undefined;
}

function dayDate(n: number): PartialDate {
  const d = dateOfDayNumber(n);
  return { year: d.year, month: d.month, day: d.day, precision: 'day' };
}

/** An explicit date written with its weekday, the weekday matching the calendar ("mardi 28 décembre" 2021). */
function isAnchor(p: Placed): boolean {
  const meaning = p.mention.meaning;
  return (
    meaning.kind === 'day' &&
    meaning.weekday !== undefined &&
    p.date.precision === 'day' &&
    isoWeekday(dayNumber(p.date.year, p.date.month ?? 1, p.date.day ?? 1)) === meaning.weekday
  );
}

/** A bare weekday: from the article's day, else from the article's anchors, else the article's month. */
function placeWeekday(m: Mention, articleDate: PartialDate, article: Span, anchors: readonly Placed[]): Placed | undefined {
  if (m.meaning.kind !== 'weekday') return undefined;
  const weekday = m.meaning.weekday;
  const hint = statusHint(m) ?? 'done';
  const sameName = distinct(anchors.filter((a) => a.mention.meaning.kind === 'day' && a.mention.meaning.weekday === weekday).map((a) => dayOf(a.date)));
  if (sameName.length === 1) return placed(m, dayDate(sameName[0] as number), article);
  if (articleDate.day !== undefined) {
    const ref = article.first;
    const strict = m.meaning.strict === true;
    const n =
      hint === 'planned'
        ? ref + ((weekday - isoWeekday(ref) + 7) % 7 || (strict ? 7 : 0))
        : ref - ((isoWeekday(ref) - weekday + 7) % 7 || (strict ? 7 : 0));
    return placed(m, dayDate(n), article);
  }
  if (sameName.length > 1) return placed(m, monthOf(articleDate), article);
  const inWeek = distinct(
    anchors.flatMap((a) => {
      const at = dayOf(a.date);
      const anchorWeekday = isoWeekday(at);
      const n = at + (weekday - anchorWeekday);
      const fits = hint === 'done' ? weekday < anchorWeekday && a.status === 'done' : weekday > anchorWeekday;
      return fits ? [n] : [];
    }),
  );
  if (inWeek.length === 1 && m.meaning.strict !== true) return placed(m, dayDate(inWeek[0] as number), article);
  return placed(m, monthOf(articleDate), article);
}

function dayOf(date: PartialDate): number {
  return dayNumber(date.year, date.month ?? 1, date.day ?? 1);
}

/** The article's month, or nothing for an article known only to the year. */
function monthOf(date: PartialDate): PartialDate | undefined {
  return date.month === undefined ? undefined : { year: date.year, month: date.month, precision: 'month' };
}

function distinct(ns: readonly number[]): number[] {
  return [...new Set(ns)];
}

const RANK = { year: 0, month: 1, day: 2 } as const;

/** One event per sentence and date, in document order; "depuis <year>" beside a finer date is dropped. */
function toEvents(article: Article, placedMentions: readonly Placed[]): DatedEvent[] {
  const bySentence = new Map<string, Placed[]>();
  for (const p of placedMentions) {
    const key = `${p.mention.paragraph}:${p.mention.sentence.start}`;
    const list = bySentence.get(key);
    if (list) list.push(p);
    else bySentence.set(key, [p]);
  }
  const events: { event: DatedEvent; order: readonly [number, number, number] }[] = [];
  for (const list of bySentence.values()) {
    list.sort((a, b) => a.mention.start - b.mention.start);
    const finest = Math.max(...list.map((p) => RANK[p.date.precision]));
    const seen = new Set<string>();
    for (const p of list) {
      const { mention } = p;
      const since = mention.meaning.kind === 'year' && /^depuis/iu.test(mention.text);
      if (since && finest > RANK.year) continue;
      const key = `${p.date.precision}:${p.date.year}-${p.date.month ?? 0}-${p.date.day ?? 0}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push({
        event: {
          date: p.date,
          status: p.status,
          text: mention.sentence.text,
          mention: mention.text,
          sources: [{ articleId: article.id, paragraph: mention.paragraph, start: mention.sentence.start, end: mention.sentence.end }],
        },
        order: [mention.paragraph, mention.sentence.start, mention.start],
      });
    }
  }
  return events
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2])
    .map((e) => e.event);
}
