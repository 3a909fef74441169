import type { MarkedText } from '../core/search/Mark.js';
import type { Action } from './Action.js';

/** The languages replies are written in. Discord's `fr` gets French, `en-*` English, anything else French. */
export type Locale = 'fr' | 'en';

/** Where a quoted text comes from. Every quote shown to a user carries one. */
export interface Citation {
  readonly articleId: string;
  readonly title: string;
  /** `YYYY-MM` or `YYYY-MM-DD`: as precise as the article's date, no more. */
  readonly date: string;
  /** 1-based paragraph number, as a reader counts. */
  readonly paragraph: number;
}

/** One piece of the reply body: a quote, a search hit, a page of text. */
export interface ReplyBlock {
  /** A short heading (a hit's title, a day); rendered bold. */
  readonly heading?: string;
  /** A word or two shown before the text ("prévu"), in italics. */
  readonly tag?: string;
  readonly text: MarkedText;
  /** Verbatim article text: rendered as a quote. */
  readonly quote: boolean;
  /** Where the text comes from; several articles when they report the same thing (a timeline event). */
  readonly citations?: readonly Citation[];
}

export interface ReplyField {
  readonly name: string;
  readonly value: string;
}

export interface ReplyButton {
  readonly action: Action;
  readonly label: string;
  readonly emoji?: string;
  readonly disabled?: boolean;
}

/** Colour and icon family of a reply. */
export type ReplyTone = 'answer' | 'results' | 'article' | 'notFound' | 'error' | 'info';

/**
 * What every command produces, whatever shows it. The console renders it as text and the Discord layer as an
 * embed with buttons; both read only this, so they cannot drift apart.
 */
export interface Reply {
  readonly tone: ReplyTone;
  readonly title: string;
  /** A line under the title (what was asked, how many results). */
  readonly intro?: MarkedText;
  readonly blocks: readonly ReplyBlock[];
  readonly fields: readonly ReplyField[];
  readonly page?: { readonly index: number; readonly count: number };
  /** Rows of buttons (Discord shows at most 5 rows of 5). */
  readonly buttonRows: readonly (readonly ReplyButton[])[];
  readonly footer?: string;
  /** Only the person who asked sees it (errors, hidden replies). */
  readonly ephemeral: boolean;
}

/** Plain text with no highlight. */
export function plain(text: string): MarkedText {
  return { text, marks: [] };
}
