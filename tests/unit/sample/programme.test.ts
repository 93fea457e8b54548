import { describe, expect, it } from 'vitest';
import { generateSample } from '../../../fixtures/sample';
import { BASE_CODE_COUNT, buildCodebook } from '../../../fixtures/sample/codebook';
import { checkSample } from '../../../fixtures/sample/validate';

// 2% of programme scale: 40 documents, ~2,000 codings. Full scale is exercised by the bench.
const small = generateSample({ scale: 0.02 });
const half = generateSample({ scale: 0.05 });

describe('programme scale (small multiples)', () => {
  it('passes every structural check', () => {
    expect(checkSample(small)).toEqual([]);
    expect(checkSample(half)).toEqual([]);
  });

  it('scales documents and codings with the number', () => {
    expect(small.documents.length).toBe(40);
    expect(half.documents.length).toBe(100);
    expect(Math.abs(small.codings.length - 2000)).toBeLessThanOrEqual(100);
    expect(Math.abs(half.codings.length - 5000)).toBeLessThanOrEqual(250);
    expect(small.codes.length).toBe(BASE_CODE_COUNT);
  });

  it('averages about 20,000 characters per document', () => {
    for (const p of [small, half]) {
      const chars = p.documents.reduce((s, d) => s + d.text.length, 0);
      expect(chars / p.documents.length).toBeGreaterThan(12000);
      expect(chars / p.documents.length).toBeLessThan(32000);
    }
  });

  it('uses 16 enterprises in 4 regions and coders from every team', () => {
    for (const p of [small, half]) {
      expect(p.cases.filter((c) => c.typeKey === 'enterprise').length).toBe(16);
      expect(p.cases.filter((c) => c.typeKey === 'region').length).toBe(4);
      expect(new Set(p.members.map((m) => m.team)).size).toBe(4);
      for (const c of p.codings) expect(p.members.some((m) => m.key === c.coderKey)).toBe(true);
    }
  });

  it('grows the codebook with aspect sub-codes above the base size', () => {
    const book = buildCodebook(300);
    expect(book.codes.length).toBe(300);
    const keys = new Set(book.codes.map((c) => c.key));
    expect(keys.size).toBe(300);
    expect(new Set(book.codes.map((c) => c.color)).size).toBe(300);
    const sub = book.codes.filter((c) => /-\d+$/.test(c.key));
    expect(sub.length).toBe(300 - BASE_CODE_COUNT);
    for (const c of sub) expect(keys.has(c.parentKey ?? '')).toBe(true);

    const p = generateSample({ scale: 0.3, seed: 3 });
    expect(p.codes.length).toBe(Math.max(BASE_CODE_COUNT, 90));
    const used = new Set(p.codings.map((c) => c.codeKey));
    expect(p.codes.filter((c) => /-\d+$/.test(c.key)).some((c) => used.has(c.key))).toBe(true);
  });
});
