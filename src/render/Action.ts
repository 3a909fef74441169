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
  | { readonly kind: 'article'; readonly id: string; readonly page: number };

/** Bumped when the encoding changes: ids from an older version are recognised and explained, not misread. */
const VERSION = 'v1';
/** Fields are separated by `:`; the free text (query, terms, id) is always the last field, so it may hold `:` too. */
const SEP = ':';

/** Encodes an action into a custom id of at most 100 characters, shortening the free text if it must. */
export function encodeAction(action: Action): string {
  switch (action.kind) {
    case 'search': {
      const head = [VERSION, 's', String(action.page), action.from ?? '', action.to ?? ''].join(SEP) + SEP;
      return head + shortenToFit(action.query, LIMITS.customId - head.length);
    }
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
  if (kind === 's') {
    const [from = '', to = ''] = rest.split(SEP, 2);
    const query = rest.slice(from.length + to.length + 2);
    if (rest.split(SEP).length < 3 || !isDateOrEmpty(from) || !isDateOrEmpty(to) || query.trim() === '') {
      return { ok: false, reason: 'malformed' };
    }
    return { ok: true, action: { kind: 'search', query, page, ...(from ? { from } : {}), ...(to ? { to } : {}) } };
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
  const action = { kind: 'search' as const, query, page: 0, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) };
  const roundTrip = decodeAction(encodeAction({ ...action, page: 9999 }));
  return roundTrip.ok && roundTrip.action.kind === 'search' ? { ...action, query: roundTrip.action.query } : action;
}
