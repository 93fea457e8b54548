import { describe, expect, it } from 'vitest';
import { formatPeriod, periodOfDate, periodRange } from '../../../src-shared/model/matrix-periods';

describe('matrix periods', () => {
  it('place a date in its month, quarter or year, as the core splits columns', () => {
    expect(periodOfDate('1993-05-14', 'month')).toBe('1993-05');
    expect(periodOfDate('1993-05-14', 'quarter')).toBe('1993-Q2');
    expect(periodOfDate('1993-12-01', 'quarter')).toBe('1993-Q4');
    expect(periodOfDate('1993-05-14', 'year')).toBe('1993');
    expect(periodOfDate(null, 'year')).toBe('undated');
  });

  it('know the dates a period covers, leap years included', () => {
    expect(periodRange('1993')).toEqual({ start: '1993-01-01', end: '1993-12-31', precision: 'year' });
    expect(periodRange('1993-Q1')).toEqual({ start: '1993-01-01', end: '1993-03-31', precision: 'quarter' });
    expect(periodRange('1993-Q4')).toEqual({ start: '1993-10-01', end: '1993-12-31', precision: 'quarter' });
    expect(periodRange('1992-02')).toEqual({ start: '1992-02-01', end: '1992-02-29', precision: 'month' });
    expect(periodRange('1993-13')).toBeNull();
    expect(periodRange('undated')).toBeNull();
  });

  it('write periods short, by language', () => {
    expect(formatPeriod('1993', 'ru', 'без даты')).toBe('1993');
    expect(formatPeriod('1993-Q2', 'en', 'undated')).toBe('Q2 1993');
    expect(formatPeriod('1993-Q2', 'ru', 'без даты')).toBe('2 кв. 1993');
    expect(formatPeriod('1993-06', 'en', 'undated')).toBe('Jun 1993');
    // ICU's short stand-alone month: "июнь" (or "июн." in older data).
    expect(formatPeriod('1993-06', 'ru', 'без даты')).toMatch(/^июн\S* 1993$/u);
    expect(formatPeriod('undated', 'ru', 'без даты')).toBe('без даты');
    expect(formatPeriod('someday', 'en', 'undated')).toBe('someday');
  });

  it('place a date in the team’s wave (both ends included), or outside them, and write waves by name', () => {
    const waves = [
      { name: 'Wave 1', start: '1992-04-01', end: '1992-12-31' },
      { name: 'Wave 2', start: '1993-06-01', end: '1993-08-31' },
    ];
    expect(periodOfDate('1992-04-01', 'wave', waves)).toBe('wave:Wave 1');
    expect(periodOfDate('1992-12-31', 'wave', waves)).toBe('wave:Wave 1');
    expect(periodOfDate('1993-01-15', 'wave', waves)).toBe('wave:');
    expect(periodOfDate(null, 'wave', waves)).toBe('undated');
    expect(periodRange('wave:Wave 2', waves)).toEqual({ start: '1993-06-01', end: '1993-08-31', precision: 'range' });
    expect(periodRange('wave:', waves)).toBeNull();
    expect(formatPeriod('wave:Wave 2', 'ru', 'без даты')).toBe('Wave 2');
    expect(formatPeriod('wave:', 'ru', 'без даты')).toBe('вне волн');
    expect(formatPeriod('wave:', 'en', 'undated')).toBe('outside the waves');
  });
});
