import { describe, expect, it } from 'vitest';
import { formatFuzzyDate, parseFuzzyDate } from '../../../src-shared/model/dates';

describe('fuzzy dates as researchers write them', () => {
  it.each([
    ['12.06.93', '1993-06-12', '1993-06-12', 'day'],
    ['12 мая 1993 г.', '1993-05-12', '1993-05-12', 'day'],
    ['June 12, 1993', '1993-06-12', '1993-06-12', 'day'],
    ['июнь 1993', '1993-06-01', '1993-06-30', 'month'],
    ['1993-02', '1993-02-01', '1993-02-28', 'month'],
    ['зима 1993', '1992-12-01', '1993-02-28', 'season'],
    ['Q2 1993', '1993-04-01', '1993-06-30', 'quarter'],
    ['2 кв. 1993', '1993-04-01', '1993-06-30', 'quarter'],
    ['IV квартал 1992 г.', '1992-10-01', '1992-12-31', 'quarter'],
    ['3-й квартал 1994', '1994-07-01', '1994-09-30', 'quarter'],
    ['1993-Q1', '1993-01-01', '1993-03-31', 'quarter'],
    ['1994', '1994-01-01', '1994-12-31', 'year'],
    ['1992-03..1992-05', '1992-03-01', '1992-05-31', 'range'],
  ])('%s', (input, start, end, precision) => {
    expect(parseFuzzyDate(input)).toEqual({ start, end, precision });
  });

  it.each(['Q5 1993', '31.02.1993', 'вчера', '13-й квартал 1993'])('refuses %s', (input) => {
    expect(parseFuzzyDate(input)).toBeNull();
  });

  it('write a quarter the way each language does', () => {
    const q = parseFuzzyDate('Q3 1993')!;
    expect(formatFuzzyDate(q, 'en')).toBe('Q3 1993');
    expect(formatFuzzyDate(q, 'ru')).toBe('3 кв. 1993');
    expect(parseFuzzyDate(formatFuzzyDate(q, 'ru'))).toEqual(q);
  });
});
