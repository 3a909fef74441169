import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../src/core/corpus/partialDate.js';
import { parseUserDate } from '../../../src/core/digest/parseUserDate.js';

/** Thursday 27 January 2022. */
const today = { year: 2022, month: 1, day: 27 };
const parsed = (text: string, ref = today): string | undefined => {
  const d = parseUserDate(text, ref);
  return d === undefined ? undefined : `${formatIsoDate(d)} ${d.precision}`;
};

describe('parseUserDate', () => {
  it.each([
    ['2022-01-10', '2022-01-10 day'],
    ['2022-01', '2022-01 month'],
    ['2021', '2021 year'],
    ['10/01/2022', '2022-01-10 day'],
    ['10.01.2022', '2022-01-10 day'],
    ['10/01/22', '2022-01-10 day'],
    ['01/2022', '2022-01 month'],
    ['10 janvier 2021', '2021-01-10 day'],
    ['lundi 10 janvier 2022', '2022-01-10 day'],
    ['le 1er mars 2020', '2020-03-01 day'],
    ['janvier 2021', '2021-01 month'],
    ['January 10, 2021', '2021-01-10 day'],
    ['10 January 2021', '2021-01-10 day'],
  ])('reads %s', (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });

  it.each([
    ['hier', '2022-01-26 day'],
    ["aujourd'hui", '2022-01-27 day'],
    ['Aujourd’hui', '2022-01-27 day'],
    ['avant-hier', '2022-01-25 day'],
    ['demain', '2022-01-28 day'],
    ['yesterday', '2022-01-26 day'],
    ['today', '2022-01-27 day'],
    ['lundi', '2022-01-24 day'],
    ['lundi dernier', '2022-01-24 day'],
    ['jeudi', '2022-01-27 day'],
    ['jeudi dernier', '2022-01-20 day'],
    ['jeudi prochain', '2022-02-03 day'],
    ['last Monday', '2022-01-24 day'],
    ['next friday', '2022-01-28 day'],
  ])('reads %s relative to today', (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });

  it('places a date without a year in the twelve months that end three months after today', () => {
    expect(parsed('10 janvier')).toBe('2022-01-10 day');
    expect(parsed('10/01')).toBe('2022-01-10 day');
    expect(parsed('January 10')).toBe('2022-01-10 day');
    expect(parsed('Jan 10')).toBe('2022-01-10 day');
    expect(parsed('mardi 28 décembre')).toBe('2021-12-28 day');
    expect(parsed('1er mars')).toBe('2022-03-01 day'); // a month ahead: planned events
    expect(parsed('10 juin')).toBe('2021-06-10 day'); // more than three months ahead: last June
    expect(parsed('décembre')).toBe('2021-12 month');
    expect(parsed('avril')).toBe('2022-04 month');
    // browsing an archive that ends in December 2021: the caller passes its latest date as today
    expect(parsed('10 janvier', { year: 2021, month: 12, day: 31 })).toBe('2022-01-10 day');
    expect(parsed('10 juin', { year: 2021, month: 12, day: 31 })).toBe('2021-06-10 day');
  });

  it.each(['', 'foo', '31/02/2022', '32 janvier', '2022-13', '2022-02-30', '29 février 2022', '10 foo', 'lundi prochain dernier'])(
    'refuses %j',
    (text) => {
      expect(parsed(text)).toBeUndefined();
    },
  );
});
