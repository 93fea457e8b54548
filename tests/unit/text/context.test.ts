import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { contextAround, snapToWordBoundaries } from '../../../src-shared/text';

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** True when a string begins with a low surrogate or ends with a high one. */
const hasHalfPairAtEdge = (s: string): boolean =>
  s.length > 0 && (isLow(s.charCodeAt(0)) || isHigh(s.charCodeAt(s.length - 1)));

describe('contextAround', () => {
  const text = 'Р: Зарплату задерживали по три месяца, а потом выдавали продукцией.';

  it('returns up to size code units on each side', () => {
    const start = text.indexOf('по три');
    const end = start + 'по три месяца'.length;
    expect(contextAround(text, start, end, 10)).toEqual({ before: 'держивали ', after: ', а потом ' });
  });

  it('stops at the edges of the text', () => {
    expect(contextAround(text, 0, 2)).toEqual({ before: '', after: text.slice(2, 62) });
    expect(contextAround(text, text.length - 1, text.length, 5)).toEqual({ before: 'кцией', after: '' });
  });

  it('defaults to 60 code units', () => {
    const long = 'x'.repeat(100) + 'CODE' + 'y'.repeat(100);
    const ctx = contextAround(long, 100, 104);
    expect(ctx.before).toBe('x'.repeat(60));
    expect(ctx.after).toBe('y'.repeat(60));
  });

  it('never starts or ends the context inside a surrogate pair', () => {
    const s = '😀😀😀CODE😀😀😀';
    // 3 code units before start 6 would begin in the middle of the second emoji.
    expect(contextAround(s, 6, 10, 3)).toEqual({ before: '😀', after: '😀' });
  });

  it('clamps out-of-range and reversed offsets', () => {
    expect(contextAround('abc', 5, -1, 1)).toEqual({ before: '', after: '' });
    expect(contextAround('abcdef', 4, 2, 1)).toEqual({ before: 'b', after: 'e' });
  });

  it('never splits a pair at its window edges (property)', () => {
    const unit = fc.constantFrom('a', 'ж', ' ', '\n', '😀', '𝐀');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.nat(), fc.nat(), fc.nat({ max: 12 }), (s, x, y, size) => {
        const start = x % (s.length + 1);
        const end = start + (y % (s.length - start + 1));
        // Ranges the caller chose must not start or end inside a pair for this check to apply.
        fc.pre(!(start > 0 && isLow(s.charCodeAt(start))) && !(end > 0 && isLow(s.charCodeAt(end))));
        const { before, after } = contextAround(s, start, end, size);
        expect(before.length).toBeLessThanOrEqual(size);
        expect(after.length).toBeLessThanOrEqual(size);
        expect(s.slice(0, start).endsWith(before)).toBe(true);
        expect(s.slice(end).startsWith(after)).toBe(true);
        expect(hasHalfPairAtEdge(before) || hasHalfPairAtEdge(after)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('snapToWordBoundaries', () => {
  const text = 'Р: Зарплату задерживали по три месяца.';
  const range = (word: string): [number, number] => {
    const at = text.indexOf(word);
    return [at, at + word.length];
  };

  it('widens a selection that starts and ends inside Cyrillic words', () => {
    const [s] = range('рплату');
    const [, e] = range('задерж');
    expect(snapToWordBoundaries(text, s, e)).toEqual({ start: range('Зарплату')[0], end: range('задерживали')[1] });
  });

  it('leaves a selection on word boundaries as it is', () => {
    const [s, e] = range('по три');
    expect(snapToWordBoundaries(text, s, e)).toEqual({ start: s, end: e });
  });

  it('trims whitespace from the selection before snapping', () => {
    const [s, e] = range(' по три ');
    expect(snapToWordBoundaries(text, s, e)).toEqual({ start: s + 1, end: e - 1 });
  });

  it('does not swallow punctuation next to a word', () => {
    const [s, e] = range('месяц');
    expect(snapToWordBoundaries(text, s + 1, e)).toEqual({ start: s, end: s + 'месяца'.length });
  });

  it('treats digits as word characters', () => {
    const t = 'в 1987 году';
    expect(snapToWordBoundaries(t, 3, 5)).toEqual({ start: 2, end: 6 });
  });

  it('keeps an apostrophe inside a word', () => {
    const t = "they don't know";
    expect(snapToWordBoundaries(t, 6, 8)).toEqual({ start: 5, end: 10 });
  });

  it('handles letters outside the BMP', () => {
    const t = 'x 𝐀𝐁𝐂 y';
    expect(snapToWordBoundaries(t, 4, 6)).toEqual({ start: 2, end: 8 });
  });

  it('collapses a whitespace-only selection', () => {
    expect(snapToWordBoundaries('a   b', 1, 3)).toEqual({ start: 1, end: 1 });
  });

  it('clamps and orders its arguments', () => {
    expect(snapToWordBoundaries('слово', 10, -3)).toEqual({ start: 0, end: 5 });
  });

  it('returns a trimmed range that contains the selection and cuts no word (property)', () => {
    const unit = fc.constantFrom('a', 'Б', 'ё', '1', ' ', '\n', '.', ',', "'", '𝐀', '😀');
    const word = /[\p{L}\p{M}\p{N}]/u;
    const charBefore = (s: string, i: number): string => (i > 0 ? String.fromCodePoint(s.codePointAt(isLow(s.charCodeAt(i - 1)) && i > 1 ? i - 2 : i - 1) ?? 0) : '');
    const charAt = (s: string, i: number): string => (i < s.length ? String.fromCodePoint(s.codePointAt(i) ?? 0) : '');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.nat(), fc.nat(), (s, x, y) => {
        const a = x % (s.length + 1);
        const b = y % (s.length + 1);
        const r = snapToWordBoundaries(s, a, b);
        expect(0 <= r.start && r.start <= r.end && r.end <= s.length).toBe(true);
        const selected = s.slice(r.start, r.end);
        expect(selected).toBe(selected.trim());
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        const inner = s.slice(lo, hi).trim();
        if (inner !== '') {
          expect(r.start).toBeLessThanOrEqual(lo + s.slice(lo, hi).search(/\S/));
          expect(r.end).toBeGreaterThanOrEqual(lo + s.slice(lo, hi).trimEnd().length);
          expect(word.test(charBefore(s, r.start)) && word.test(charAt(s, r.start))).toBe(false);
          expect(word.test(charBefore(s, r.end)) && word.test(charAt(s, r.end))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
