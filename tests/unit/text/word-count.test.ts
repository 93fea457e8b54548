import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { countWords } from '../../../src-main/core/db/derived';

/** The definition the word count keeps to: runs of letters and digits. */
const byExpression = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

describe('countWords', () => {
  it('counts runs of letters and digits', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('Кое-что в 1993 году')).toBe(5);
    expect(countWords('Ёлки, ёжик; Ѐ ѯ҂x')).toBe(5);
    expect(countWords('café naïve Straße ½ x² 𝔘𝔫𝔦 ٣')).toBe(7);
    expect(countWords('во\u0301время')).toBe(2);
  });

  it('finds what the expression finds, in any script and with surrogates', () => {
    const pieces = fc.constantFrom('a', 'Z', '9', ' ', '-', '\n', 'ё', 'Ё', 'Ѐ', 'я', 'ѯ', '҂', '\u0483', 'é', 'ß', '٣', '𝔘', '😀', '\ud800', '\udc00', '\u0301', '²', '½', 'Ⅻ', '中', '_', '’', '\u200d', 'ǅ');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => countWords(parts.join('')) === byExpression(parts.join(''))), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => countWords(text) === byExpression(text)), { numRuns: 2000 });
  });
});
