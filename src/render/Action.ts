import { LIMITS } from './limits.js';

/**
 * What a button does, with all the state it needs: buttons must keep working after a restart, so nothing is kept
 * in memory between a reply and a click. Encoded into Discord's `custom_id` (≤ 100 characters).
 */
export type Action =
  /** A page of search results. `query` may have been shortened to fit; the first page is built from the same. */
  | { readonly kind: 'search'; readonly query: string; readonly page: number; readonly from?: string; readonly to?: string }
  /** More excerpts for a question: the analysed terms of the question (they are shorter than its text). */
  | { readonly kind: 'excerpts'; readonly terms: readonly string[]; readonly page: number }
  /** An article: page 0 is the summary, pages 1… the full text. */
  | { readonly kind: 'article'; readonly id: string; readonly page: number }
  /** A page of a timeline; an empty query means every article. Dates are ISO, already resolved. */
  | { readonly kind: 'timeline'; readonly query: string; readonly page: number; readonly from?: string; readonly to?: string }
  /** The digest of a day (`YYYY-MM-DD`). */
  | { readonly kind: 'digest'; readonly day: string; readonly page: number };

/** Bumped when the encoding changes: ids from an older version are recognised and explained, not misread. */
const VERSION = 'v1';
/** Fields are separated by `:`; the free text (query, terms, id) is always the last field, so it may hold `:` too. */
const SEP = ':';

/** Encodes an action into a custom id of at most 100 characters, shortening the free text if it must. */
export function encodeAction(action: Action): string {
  switch (action.kind) {
    case 'search':
    case 'timeline': {
      const head = [VERSION, action.kind === 'search' ? 's' : 't', String(action.page), action.from ?? '', action.to ?? ''].join(SEP) + SEP;
      return head + shortenToFit(action.query, LIMITS.customId - head.length);
    }
    case 'digest':
      return [VERSION, 'd', String(action.page), action.day].join(SEP);
    case 'excerpts': {
      const head = [VERSION, 'x', String(action.page)].join(SEP) + SEP;
      const room = LIMITS.customId - head.length;
      const terms: string[] = [];
      for (const term of action.terms) {
        if ([...terms, term].join(' ').length > room) break;
        terms.push(term);
      }
      return head + terms.join(' ');
    }
    case 'article': {
      const encoded = [VERSION, 'a', String(action.page), action.id].join(SEP);
      if (encoded.length > LIMITS.customId) throw new RangeError(`article id too long for a button: ${action.id.length} characters`);
      return encoded;
    }
  }
}

/** The outcome of reading a custom id: an action, or why it cannot be one. */
export type DecodedAction =
  | { readonly ok: true; readonly action: Action }
  | { readonly ok: false; readonly reason: 'outdated' | 'malformed' };

/** Reads a custom id back. Anything that is not exactly what `encodeAction` writes is refused, never guessed. */
export function decodeAction(customId: string): DecodedAction {
  const [version = '', kind = '', pageText = ''] = customId.split(SEP, 3);
  if (version !== VERSION) return { ok: false, reason: /^v\d+$/.test(version) ? 'outdated' : 'malformed' };
  const page = Number(pageText);
  if (!/^\d{1,4}$/.test(pageText) || !Number.isSafeInteger(page)) return { ok: false, reason: 'malformed' };
  const rest = customId.slice(version.length + kind.length + pageText.length + 3);
  if (kind === 's' || kind === 't') {
    const [from = '', to = ''] = rest.split(SEP, 2);
    const query = rest.slice(from.length + to.length + 2);
    // A search needs words; a timeline may cover every article.
    if (rest.split(SEP).length < 3 || !isDateOrEmpty(from) || !isDateOrEmpty(to) || (kind === 's' && query.trim() === '')) {
      return { ok: false, reason: 'malformed' };
    }
    const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    return { ok: true, action: { kind: kind === 's' ? 'search' : 'timeline', query, page, ...range } };
  }
  if (kind === 'd') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(rest)) return { ok: false, reason: 'malformed' };
    return { ok: true, action: { kind: 'digest', day: rest, page } };
  }
  if (kind === 'x') {
    const terms = rest.split(' ').filter(Boolean);
    if (terms.length === 0) return { ok: false, reason: 'malformed' };
    return { ok: true, action: { kind: 'excerpts', terms, page } };
  }
  if (kind === 'a' && rest !== '') return { ok: true, action: { kind: 'article', id: rest, page } };
  return { ok: false, reason: 'malformed' };
}

/** Whether an article id fits in a button (file names are short in practice; a very long one gets no button). */
export function fitsInButton(articleId: string): boolean {
  return [VERSION, 'a', '9999', articleId].join(SEP).length <= LIMITS.customId;
}

/**
 * Cuts free text to `room` characters at a word boundary. The reply is built from the shortened text too, so the
 * first page and the next ones always show the same search.
 */
export function shortenToFit(text: string, room: number): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean.length <= room) return clean;
  const head = clean.slice(0, room + 1);
  const space = head.lastIndexOf(' ');
  return (space > 0 ? head.slice(0, space) : clean.slice(0, room)).trim();
}

function isDateOrEmpty(text: string): boolean {
  return text === '' || /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(text);
}

/**
 * The first page of a search, its query shortened (if it must be) to what every page's button can carry, so that
 * page 1 and the pages after it run exactly the same search.
 */
export function searchAction(query: string, range: { readonly from?: string; readonly to?: string } = {}): Extract<Action, { kind: 'search' }> {
  return fitQuery({ kind: 'search', query, page: 0, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) });
}

/** The first page of a timeline, its query shortened like a search's (see `searchAction`). */
export function timelineAction(query: string, range: { readonly from?: string; readonly to?: string } = {}): Extract<Action, { kind: 'timeline' }> {
  return fitQuery({ kind: 'timeline', query, page: 0, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) });
}

function fitQuery<A extends Extract<Action, { kind: 'search' | 'timeline' }>>(action: A): A {
  const roundTrip = decodeAction(encodeAction({ ...action, page: 9999 }));
  return roundTrip.ok && 'query' in roundTrip.action ? { ...action, query: roundTrip.action.query } : action;
}
