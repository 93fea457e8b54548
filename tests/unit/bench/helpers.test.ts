import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { growthExponent, median, percentile, summarize } from '../../bench/stats';
import { codePointToUtf16 } from '../../bench/offsets';

describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('uses the nearest rank for p95', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
    expect(percentile(twenty, 95)).toBe(19);
    expect(percentile([10, 20, 30], 95)).toBe(30);
    expect(percentile(Array.from({ length: 100 }, (_, i) => 100 - i), 95)).toBe(95);
  });

  it('does not depend on the order of the samples and does not reorder them', () => {
    const samples = [9, 2, 7, 4];
    expect(summarize(samples)).toEqual({ n: 4, median: 5.5, p95: 9, min: 2, max: 9 });
    expect(samples).toEqual([9, 2, 7, 4]);
  });

  it('keeps min ≤ median ≤ p95 ≤ max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        const s = summarize(xs);
        expect(s.min).toBeLessThanOrEqual(s.median);
        expect(s.median).toBeLessThanOrEqual(s.p95);
        expect(s.p95).toBeLessThanOrEqual(s.max);
      }),
    );
  });

  it('refuses empty or non-finite samples', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => summarize([1, Number.NaN])).toThrow(RangeError);
  });

  it('reads growth as an exponent', () => {
    expect(growthExponent(1, 10, 2, 20)).toBeCloseTo(1);
    expect(growthExponent(1, 10, 4, 160)).toBeCloseTo(2);
    expect(growthExponent(0.25, 5, 2, 5)).toBeCloseTo(0);
  });
});

describe('code-point offsets to UTF-16', () => {
  it('is the identity on text without astral characters', () => {
    const text = 'Завод и цех: ёлка, plant.';
    const to16 = codePointToUtf16(text);
    expect(to16(0)).toBe(0);
    expect(to16(5)).toBe(5);
    expect(to16(text.length)).toBe(text.length);
  });

  it('counts each astral character as two units after it', () => {
    const text = 'a😀b𝄞c'; // code points: a 😀 b 𝄞 c
    const to16 = codePointToUtf16(text);
    expect([0, 1, 2, 3, 4, 5].map(to16)).toEqual([0, 1, 3, 4, 6, 7]);
  });

  it('agrees with slicing by code points for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(), fc.nat(), (text, a, b) => {
        const points = [...text];
        const start = a % (points.length + 1);
        const end = start + (b % (points.length - start + 1));
        const to16 = codePointToUtf16(text);
        expect(text.slice(to16(start), to16(end))).toBe(points.slice(start, end).join(''));
      }),
    );
  });

  it('refuses offsets outside the text', () => {
    const to16 = codePointToUtf16('a😀');
    expect(() => to16(3)).toThrow(RangeError);
    expect(() => to16(-1)).toThrow(RangeError);
    expect(() => codePointToUtf16('abc')(4)).toThrow(RangeError);
  });
});
