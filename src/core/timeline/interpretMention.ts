import { MONTHS, WEEKDAYS, foldWord } from '../answer/lexicon.js';

/*
 * What a date expression found by `findCandidates` says, before it is placed in time: "mardi 28 décembre" is a day
 * and a month with a weekday, "mi-février" a month, "depuis 2014" a year, "jeudi" a weekday, "hier" a day relative
 * to the time of writing. Expressions that do not name a calendar date ("à 14 heures", "dans les jours à venir",
 * "la veille", "les années 1990", "le week-end suivant") give `undefined`, so that nothing is placed on a date the
 * text does not name.
 */

/**
 * Which way an expression points from the time of writing: "lundi dernier", "depuis 2014" (past), "le mois
 * prochain", "d'ici 2030" (future).
 */
export type Direction = 'past' | 'future';

export type MentionMeaning =
  /** An explicit day of a month: "le 10 janvier", "mardi 28 décembre 2021", "10/01/2022", "du 10 au 12 janvier". */
  | { readonly kind: 'day'; readonly day: number; readonly month: number; readonly year?: number; readonly weekday?: number; readonly direction?: Direction }
  /** A month without a day: "en janvier", "mi-février", "fin janvier 2025", "janvier dernier". */
  | { readonly kind: 'month'; readonly month: number; readonly year?: number; readonly direction?: Direction }
  /** A year alone, after a word that makes it a date: "en 2014", "depuis 2014", "fin 2021". */
  | { readonly kind: 'year'; readonly year: number; readonly direction?: Direction }
  /**
   * A weekday without a date: "jeudi", "mardi soir", "lundi dernier", "dans la nuit de mardi à mercredi". `strict`
   * when "dernier"/"prochain" exclude the day of writing itself ("lundi dernier" written on a Monday is a week ago).
   */
  | { readonly kind: 'weekday'; readonly weekday: number; readonly direction?: Direction; readonly strict?: boolean }
  /**
   * A span counted from the time of writing: "hier" (day −1), "la semaine dernière" (week −1), "ce mois-ci"
   * (month 0), "il y a deux ans" (year −2), "dans trois jours" (day +3). `vague` marks "aujourd'hui", which news
   * also uses for "nowadays" (the extraction then asks for a verb that dates it).
   */
  | {
      readonly kind: 'relative';
      readonly unit: 'day' | 'week' | 'month' | 'year';
      readonly offset: number;
      readonly vague?: boolean;
      readonly direction?: Direction;
    };

/** 1 = Monday … 7 = Sunday (ISO), so that "same week" arithmetic is simple. */
const WEEKDAY_NUMBER = new Map(WEEKDAYS.map((w, i) => [w, i + 1]));
const MONTH_NUMBER = new Map(MONTHS.map((m, i) => [m, i + 1]));

const W = `(${WEEKDAYS.join('|')})`;
const M = `(${MONTHS.join('|')})`;
const D = '(1er|1re|premier|[12]\\d|3[01]|0?[1-9])';
const Y = '(1\\d\\d\\d|20\\d\\d)';

/**
 * Prefixes that make a bare year or month a date ("en 2014", "depuis janvier"), with the direction they give. A
 * year after "le", "du", "les" or nothing at all ("les frontières de 1997", "le budget 2022") names a thing, not
 * a time, and is skipped.
 */
const PREFIXES: readonly (readonly [string, Direction | undefined, boolean])[] = [
  // [prefix, direction, strong: makes a bare month or year a date]
  ["jusqu'au", undefined, true], ["jusqu'a la", undefined, true], ["jusqu'a", undefined, true],
  ["jusqu'en", undefined, true], ['depuis le', 'past', true], ['depuis', 'past', true], ['des le', undefined, true],
  ['des', undefined, true], ['a partir du', undefined, true], ['a partir de', undefined, true],
  ["a partir d'", undefined, true], ['a compter du', undefined, true], ['a compter de', undefined, true],
  ["d'ici a la", 'future', true], ["d'ici au", 'future', true], ["d'ici a", 'future', true],
  ["d'ici le", 'future', true], ["d'ici la", 'future', true], ["d'ici", 'future', true], ['avant le', undefined, true],
  ['avant', undefined, true], ['apres le', undefined, true], ['apres', undefined, true], ['entre le', undefined, false],
  ['le', undefined, false], ['du', undefined, false], ['au', undefined, false], ['en', undefined, true],
  ['vers', undefined, true], ['les', undefined, false], ['ce', undefined, false], ['cette', undefined, false],
];
/** Longest first, and a prefix ends at a space or an apostrophe: "les" is not "le" + "s". */
const PREFIX_RE = new RegExp(
  `^(${[...PREFIXES]
    .map(([p]) => p)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?: |(?<='))`,
  'u',
);

/** What may follow a date inside the span: a part of the day, "dernier"/"prochain", a time ("à 14h30"). */
const TRAILER_RE = new RegExp(
  '^((?: (?:matin|soir|midi|apres-midi|soiree|matinee|nuit|dernier|derniere|prochain|prochaine|passe|passee|precedent|precedente|suivant|suivante))*)' +
    "(?:,? (?:(?:a|vers|des|avant|apres|jusqu'a) )?(?:\\d{1,2} ?h(?: ?[0-5]\\d)?|\\d{1,2} heures?(?: [0-5]\\d)?|midi|minuit))?$",
  'u',
);

const CORES: readonly (readonly [RegExp, (m: RegExpExecArray) => MentionMeaning | undefined])[] = [
  [/^(\d{4})-(\d\d)-(\d\d)/u, (m) => day(Number(m[3]), Number(m[2]), Number(m[1]))],
  [
    /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?!\d)/u,
    (m) => day(Number(m[1]), Number(m[2]), twoDigitYear(m[3] as string)),
  ],
  // du 10 au 12 janvier, les 10 et 11 janvier, 30 décembre-2 janvier: the first day
  [
    new RegExp(`^(?:${W} )?${D}(?: ${M})? ?(?:au|et|ou|-) ?(?:${W} )?${D} ${M}(?: ${Y})?`, 'u'),
    (m) => {
      const first = dayNumber(m[2] as string);
      const last = dayNumber(m[5] as string);
      const lastMonth = monthNumber(m[6]);
      if (lastMonth === undefined) return undefined;
      const month = monthNumber(m[3]) ?? (first > last ? ((lastMonth + 10) % 12) + 1 : lastMonth);
      const year = m[7] === undefined ? undefined : Number(m[7]) - (month > lastMonth ? 1 : 0);
      return day(first, month, year, weekdayNumber(m[1]));
    },
  ],
  [
    new RegExp(`^(?:${W},? )?${D} ${M}(?: ${Y})?`, 'u'),
    (m) => day(dayNumber(m[2] as string), monthNumber(m[3]) ?? 0, m[4] === undefined ? undefined : Number(m[4]), weekdayNumber(m[1])),
  ],
  // mi-février, fin janvier 2025, début 2022, à la mi-janvier
  [
    new RegExp(`^(?:(?:a la|la|a) )?(?:mi-|mi |fin |debut |courant |fin de |debut de )(?:${M}(?: ${Y})?|${Y})`, 'u'),
    (m) =>
      m[1] !== undefined
        ? { kind: 'month', month: monthNumber(m[1]) ?? 0, ...(m[2] === undefined ? {} : { year: Number(m[2]) }) }
        : { kind: 'year', year: Number(m[3]) },
  ],
  [
    new RegExp(`^(?:au |le |du )?mois (?:de |d')${M}(?: ${Y})?`, 'u'),
    (m) => ({ kind: 'month', month: monthNumber(m[1]) ?? 0, ...(m[2] === undefined ? {} : { year: Number(m[2]) }) }),
  ],
  [
    new RegExp(`^${M}(?: ${Y})?`, 'u'),
    (m) => ({ kind: 'month', month: monthNumber(m[1]) ?? 0, ...(m[2] === undefined ? {} : { year: Number(m[2]) }) }),
  ],
  [new RegExp(`^(?:dans )?la nuit (?:de|du) ${W} (?:a|au) ${W}`, 'u'), (m) => weekday(m[1])],
  [new RegExp(`^(?:dans )?la (?:nuit|soiree|matinee|journee) (?:de|du) ${W}`, 'u'), (m) => weekday(m[1])],
  [new RegExp(`^${W}`, 'u'), (m) => weekday(m[1])],
  [new RegExp(`^${Y}`, 'u'), (m) => ({ kind: 'year', year: Number(m[1]) })],
];

/** Expressions counted from the time of writing, tried on the whole span. */
const RELATIVE: readonly (readonly [RegExp, (m: RegExpExecArray) => MentionMeaning | undefined])[] = [
  [/^avant-hier/u, () => relative('day', -2)],
  [/^apres-demain/u, () => relative('day', 2)],
  [/^aujourd'hui/u, () => ({ kind: 'relative', unit: 'day', offset: 0, vague: true })],
  [/^hier/u, () => relative('day', -1)],
  [/^demain/u, () => relative('day', 1)],
  [/^(?:ce (?:matin|soir|midi|apres-midi)|cet apres-midi)/u, () => relative('day', 0)],
  [/^ce mois-ci/u, () => relative('month', 0)],
  [/^cette semaine/u, () => relative('week', 0)],
  [/^cette annee/u, () => relative('year', 0)],
  [
    /^(la semaine|le mois|l'an|l'annee) (dernier|derniere|passe|passee|prochain|prochaine)$/u,
    (m) => {
      const unit = m[1] === 'la semaine' ? 'week' : m[1] === 'le mois' ? 'month' : 'year';
      return relative(unit, (m[2] as string).startsWith('prochain') ? 1 : -1);
    },
  ],
  [
    /^(il y a|dans) (\S+) (jours?|semaines?|mois|ans|annees?)$/u,
    (m) => {
      const n = countWord(m[2] as string);
      if (n === undefined) return undefined;
      const unit = m[3]?.startsWith('jour') ? 'day' : m[3]?.startsWith('semaine') ? 'week' : m[3] === 'mois' ? 'month' : 'year';
      return relative(unit, m[1] === 'dans' ? n : -n);
    },
  ],
];

/**
 * Reads a date expression (as written in the article, any case and accents) into what it says, or `undefined` when
 * it names no calendar date. Pure and cheap: a handful of anchored regular expressions on a short span.
 */
export function interpretMention(text: string): MentionMeaning | undefined {
  const f = foldWord(text)
    .replace(/[«»"“”]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/' /gu, "'")
    .trim();
  for (const [re, make] of RELATIVE) {
    const m = re.exec(f);
    if (m === null) continue;
    if (!TRAILER_RE.test(f.slice(m[0].length))) continue;
    return make(m);
  }
  const p = PREFIX_RE.exec(f);
  const prefix = p === null ? undefined : PREFIXES.find(([w]) => w === p[1]);
  const rest = p === null ? f : f.slice(p[0].length);
  for (const [re, make] of CORES) {
    const m = re.exec(rest);
    if (m === null) continue;
    const trailer = TRAILER_RE.exec(rest.slice(m[0].length));
    if (trailer === null) return undefined;
    const words = trailer[1] ?? '';
    if (/precedent|suivant/u.test(words)) return undefined; // relative to another date, not to the writing
    const meaning = make(m);
    if (meaning === undefined) return undefined;
    const strong = prefix?.[2] === true;
    // A bare year or month names a time only after a word that makes it one ("en 2014", "depuis janvier").
    if (meaning.kind === 'year' && !strong && !/^(?:mi-|mi |fin |debut |courant )/u.test(rest)) return undefined;
    const trailingDirection: Direction | undefined = /dernier|passe/u.test(words)
      ? 'past'
      : /prochain/u.test(words)
        ? 'future'
        : undefined;
    if (meaning.kind === 'month' && meaning.year === undefined && !strong && trailingDirection === undefined && re.source.startsWith(`^${M}`)) {
      return undefined;
    }
    const direction = trailingDirection ?? prefix?.[1];
    if (direction === undefined) return meaning;
    return meaning.kind === 'weekday' && trailingDirection !== undefined
      ? { ...meaning, direction, strict: true }
      : { ...meaning, direction };
  }
  return undefined;
}

function day(d: number, month: number, year?: number, wd?: number): MentionMeaning | undefined {
  if (month < 1 || month > 12 || d < 1 || d > 31) return undefined;
  return {
    kind: 'day',
    day: d,
    month,
    ...(year === undefined ? {} : { year }),
    ...(wd === undefined ? {} : { weekday: wd }),
  };
}

function weekday(name: string | undefined): MentionMeaning | undefined {
  const n = weekdayNumber(name);
  return n === undefined ? undefined : { kind: 'weekday', weekday: n };
}

function relative(unit: 'day' | 'week' | 'month' | 'year', offset: number): MentionMeaning {
  return { kind: 'relative', unit, offset };
}

function dayNumber(text: string): number {
  return /^(?:1er|1re|premier)$/u.test(text) ? 1 : Number(text);
}

function monthNumber(name: string | undefined): number | undefined {
  return name === undefined ? undefined : MONTH_NUMBER.get(name);
}

function weekdayNumber(name: string | undefined): number | undefined {
  return name === undefined ? undefined : WEEKDAY_NUMBER.get(name);
}

/** `22` → 2022, `98` → 1998: two-digit years in news are this century's unless they would be far in the future. */
function twoDigitYear(text: string): number {
  if (text.length === 4) return Number(text);
  const n = Number(text);
  return n <= 69 ? 2000 + n : 1900 + n;
}

const COUNT_WORDS = new Map([
  ['un', 1], ['une', 1], ['deux', 2], ['trois', 3], ['quatre', 4], ['cinq', 5], ['six', 6], ['sept', 7],
  ['huit', 8], ['neuf', 9], ['dix', 10], ['onze', 11], ['douze', 12], ['treize', 13], ['quatorze', 14],
  ['quinze', 15], ['seize', 16], ['vingt', 20], ['trente', 30], ['quarante', 40], ['cinquante', 50], ['cent', 100],
]);

/** "3", "trois", "une" → the number; "quelques", "plusieurs" → `undefined` (not a date). */
function countWord(text: string): number | undefined {
  if (/^\d{1,3}$/u.test(text)) return Number(text);
  return COUNT_WORDS.get(text);
}
