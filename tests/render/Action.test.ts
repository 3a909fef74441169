import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, searchAction } from '../../src/render/Action.js';
import type { Action } from '../../src/render/Action.js';
import { LIMITS } from '../../src/render/limits.js';

describe('encodeAction / decodeAction', () => {
  const actions: Action[] = [
    { kind: 'search', query: 'pourparlers Genève', page: 3 },
    { kind: 'search', query: 'otan: réunion', page: 0, from: '2022-01', to: '2022-01-31' },
    { kind: 'excerpts', terms: ['discuss', '10', 'janvi'], page: 2 },
    { kind: 'article', id: '003_6a0b143d3fa07a1a', page: 4 },
  ];

  it('round-trips every kind of action, including text that holds the separator', () => {
    for (const action of actions) expect(decodeAction(encodeAction(action))).toEqual({ ok: true, action });
  });

  it('stays within Discord’s 100-character custom id whatever the query length', () => {
    const long = `${'mot '.repeat(2000)}fin`;
    const id = encodeAction({ kind: 'search', query: long, page: 9999, from: '2021-12-01', to: '2022-01-31' });
    expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
    const terms = Array.from({ length: 100 }, (_, i) => `terme${i}`);
    expect(encodeAction({ kind: 'excerpts', terms, page: 9999 }).length).toBeLessThanOrEqual(LIMITS.customId);
  });

  it('shortens a long query at a word boundary, and the first page uses the same shortened query', () => {
    const query = `${'négociations '.repeat(20)}Genève`;
    const first = searchAction(query);
    expect(first.query.length).toBeLessThan(query.length);
    expect(query.startsWith(first.query)).toBe(true);
    expect(first.query.endsWith('négociations')).toBe(true);
    const later = decodeAction(encodeAction({ ...first, page: 7 }));
    expect(later.ok && later.action.kind === 'search' && later.action.query).toBe(first.query);
  });

  it('recognises ids of an older version and refuses forged or broken ones', () => {
    expect(decodeAction('v0:s:1::x:query')).toEqual({ ok: false, reason: 'outdated' });
    for (const forged of ['', 'hello', 'v1', 'v1:s', 'v1:s:1', 'v1:s:-1::: q', 'v1:s:1:notadate::q', 'v1:s:1:::', 'v1:z:1:x', 'v1:a:1:', 'v1:x:1:', 'v1:a:99999:id', 'v1:a:1e3:id']) {
      expect(decodeAction(forged).ok, forged).toBe(false);
    }
  });
});
