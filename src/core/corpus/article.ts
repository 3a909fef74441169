/**
 * An article of the archive, as the engine sees it. Pure data: no file system here.
 */

/** How precise an article's (or event's) date is. An article dated `2022-01` is only known to the month. */
export type DatePrecision = 'year' | 'month' | 'day';

/** A calendar date that keeps its precision: `day` is present only when the precision is `day`. */
export interface PartialDate {
  readonly year: number;
  /** 1–12; present unless the precision is `year`. */
  readonly month?: number;
  /** 1–31; present only when the precision is `day`. */
  readonly day?: number;
  readonly precision: DatePrecision;
}

export interface Article {
  /** File name without extension, e.g. `003_6a0b143d3fa07a1a`. Stable: citations and buttons refer to it. */
  readonly id: string;
  readonly date: PartialDate;
  /** A readable title of at most ~120 characters, derived from the text (see `deriveTitle`). */
  readonly title: string;
  /**
   * Every paragraph of the file in order, the first line's text being paragraph 0. Text is NFC-normalised with
   * whitespace runs collapsed to one space, but otherwise verbatim (typographic apostrophes and quotes are kept),
   * so that quotes shown to users are the article's own words.
   */
  readonly paragraphs: readonly string[];
}
