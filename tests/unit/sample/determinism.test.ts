import { describe, expect, it } from 'vitest';
import { SAMPLE_GENERATOR_VERSION, generateSample } from '../../../fixtures/sample';
import { Rng } from '../../../fixtures/sample/random';

/** 53-bit string hash (cyrb53): enough to tell two multi-megabyte JSON dumps apart. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

describe('sample generator determinism', () => {
  it('exposes a positive integer version for cache keys', () => {
    expect(Number.isInteger(SAMPLE_GENERATOR_VERSION)).toBe(true);
    expect(SAMPLE_GENERATOR_VERSION).toBeGreaterThan(0);
  });

  it('gives byte-identical output for the same options', () => {
    const a = JSON.stringify(generateSample());
    const b = JSON.stringify(generateSample({ scale: 'sample' }));
    expect(hash(b)).toBe(hash(a));
    expect(b === a).toBe(true);
  });

  it('gives identical output at a small programme scale', () => {
    const a = JSON.stringify(generateSample({ scale: 0.02, seed: 7 }));
    const b = JSON.stringify(generateSample({ scale: 0.02, seed: 7 }));
    expect(hash(b)).toBe(hash(a));
  });

  it('gives a different project for a different seed, with the same shape', () => {
    const a = generateSample({ seed: 1 });
    const b = generateSample({ seed: 2 });
    expect(hash(JSON.stringify(a.documents))).not.toBe(hash(JSON.stringify(b.documents)));
    expect(b.documents.length).toBe(a.documents.length);
    expect(b.codes.length).toBe(a.codes.length);
  });

  it('derives PRNG streams from labels only', () => {
    const parent = new Rng('x');
    const early = parent.fork('child').next();
    for (let i = 0; i < 100; i++) parent.next();
    expect(parent.fork('child').next()).toBe(early);
    const r = new Rng('range');
    for (let i = 0; i < 1000; i++) {
      const v = r.next();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });

  it('rejects an invalid scale', () => {
    expect(() => generateSample({ scale: 0 })).toThrow(RangeError);
    expect(() => generateSample({ scale: -1 })).toThrow(RangeError);
    expect(() => generateSample({ scale: Number.NaN })).toThrow(RangeError);
  });
});
