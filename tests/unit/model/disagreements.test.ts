import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { disagreementKey, findDisagreements, kindOfPair } from '../../../src-shared/model/disagreements';
import type { CodingSpan } from '../../../src-shared/model/disagreements';

const TEXT = 'Р: Мастер даёт выгодную работу своим. Кто ему помогал, тот и получает калым. Ёлки, тогда всё было иначе.';

function span(id: string, codeId: string, phrase: string, shift: { start?: number; end?: number } = {}): CodingSpan {
  const start = TEXT.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { id, codeId, start: start + (shift.start ?? 0), end: start + phrase.length + (shift.end ?? 0) };
}

const kinds = (as: CodingSpan[], bs: CodingSpan[], tolerance?: number) =>
  findDisagreements(TEXT, as, bs, tolerance).map((p) => `${p.kind}:${p.a?.id ?? '-'}/${p.b?.id ?? '-'}`);

describe('disagreements between two coders of one text', () => {
  it('agrees on the same words even when one selection cut into words (snapped to whole words)', () => {
    expect(kinds([span('a', 'x', 'выгодную работу')], [span('b', 'x', 'выгодную работу', { start: 1, end: -2 })], 0)).toEqual([]);
  });

  it('counts an end a few characters off as agreement within the tolerance, and not beyond', () => {
    // "своим." against "своим": one character, the full stop.
    const a = span('a', 'x', 'Мастер даёт выгодную работу своим.');
    const b = span('b', 'x', 'Мастер даёт выгодную работу своим');
    expect(kinds([a], [b], 1)).toEqual([]);
    expect(kinds([a], [b], 0)).toEqual(['boundaries:a/b']);
  });

  it('pairs a coding with the peer it overlaps most and lists each boundary pair once', () => {
    const big = span('b', 'x', 'Мастер даёт выгодную работу своим. Кто ему помогал');
    const one = span('a1', 'x', 'Мастер даёт');
    const two = span('a2', 'x', 'Кто ему помогал');
    expect(kinds([one, two], [big])).toEqual(['boundaries:a1/b', 'boundaries:a2/b']);
  });

  it('pairs different codes on the same passage, the largest overlap first, and leaves the rest alone', () => {
    const a = span('a', 'x', 'тот и получает калым');
    const b1 = span('b1', 'y', 'получает калым');
    const b2 = span('b2', 'z', 'калым. Ёлки');
    expect(kinds([a], [b1, b2])).toEqual(['codes:a/b1', 'only-b:-/b2']);
  });

  it('does not call a passage “only A” when B has the same code there, whatever else B did', () => {
    const a = span('a', 'x', 'Ёлки, тогда всё было иначе.');
    expect(kinds([a], [span('b', 'x', 'Ёлки, тогда всё было иначе.'), span('c', 'y', 'Ёлки')])).toEqual(['only-b:-/c']);
  });

  it('names a disagreement the same whichever coder is A', () => {
    const a = span('a', 'x', 'Мастер');
    const b = span('b', 'y', 'Мастер');
    expect(disagreementKey(a, b)).toBe(disagreementKey(b, a));
    expect(disagreementKey(a, null)).not.toBe(disagreementKey(a, b));
    expect([kindOfPair(a, b), kindOfPair(a, null), kindOfPair(null, b), kindOfPair(a, { ...b, codeId: 'x' })]).toEqual(['codes', 'only-a', 'only-b', 'boundaries']);
  });

  it('is symmetric, and every coding that does not agree appears (property)', () => {
    const arbSpan = (prefix: string) =>
      fc.tuple(fc.nat({ max: TEXT.length - 1 }), fc.integer({ min: 1, max: 30 }), fc.constantFrom('x', 'y', 'z')).map(([start, len, codeId]) => ({ start, end: Math.min(TEXT.length, start + len), codeId, prefix }));
    fc.assert(
      fc.property(fc.array(arbSpan('a'), { maxLength: 8 }), fc.array(arbSpan('b'), { maxLength: 8 }), (ra, rb) => {
        const as = ra.map((s, i) => ({ id: `a${i}`, codeId: s.codeId, start: s.start, end: s.end }));
        const bs = rb.map((s, i) => ({ id: `b${i}`, codeId: s.codeId, start: s.start, end: s.end }));
        const forward = findDisagreements(TEXT, as, bs);
        const backward = findDisagreements(TEXT, bs, as);
        const flip = { 'only-a': 'only-b', 'only-b': 'only-a', codes: 'codes', boundaries: 'boundaries' } as const;
        expect(new Set(backward.map((p) => `${flip[p.kind]}|${disagreementKey(p.b, p.a)}`))).toEqual(new Set(forward.map((p) => `${p.kind}|${disagreementKey(p.a, p.b)}`)));
        const listed = new Set(forward.flatMap((p) => [p.a?.id, p.b?.id]));
        for (const c of [...as, ...bs]) {
          const others = c.id.startsWith('a') ? bs : as;
          const agreed = others.some((o) => o.codeId === c.codeId && Math.min(o.end, c.end) > Math.max(o.start, c.start));
          if (!agreed) expect(listed.has(c.id)).toBe(true);
        }
      }),
    );
  });
});
