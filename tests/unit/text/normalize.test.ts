import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { foldForSearch, normalizeText } from '../../../src-shared/text';

/** Characters that exercise every rule of normalizeText, mixed with ordinary text. */
const tricky = fc.constantFrom(
  'a', 'Б', 'ё', 'Ё', ' ', ' ', '\t', '\n', '\n', '\r', '\r\n', '\u0000', '\u0007', '\u000b',
  '\u000c', '\u001f', '\u007f', '\u0085', '\u2028', '\u2029', '\uFEFF', 'e', '\u0301', '\u0308',
  'й', 'и\u0306', '😀', '\ud83d', '\ude00', 'İ', '\u00a0',
);
const messyText = fc.oneof(
  fc.string({ unit: tricky, maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 80 }),
);

describe('normalizeText', () => {
  it('strips a leading byte-order mark', () => {
    expect(normalizeText('\uFEFFИнтервью')).toBe('Интервью');
  });

  it('removes byte-order marks left in the middle by joined files', () => {
    expect(normalizeText('первый\n\uFEFFвторой')).toBe('первый\nвторой');
  });

  it('turns CRLF and CR into \\n', () => {
    expect(normalizeText('И: да\r\nР: нет\rИ: ну')).toBe('И: да\nР: нет\nИ: ну');
  });

  it('turns U+2028, U+2029, NEL, vertical tab and form feed into \\n', () => {
    expect(normalizeText('a\u2028b\u2029c\u0085d\u000be\u000cf')).toBe('a\nb\nc\nd\ne\nf');
  });

  it('composes to NFC', () => {
    expect(normalizeText('e\u0301')).toBe('\u00e9');
    expect(normalizeText('и\u0306')).toBe('й');
    expect(normalizeText('Е\u0308лка')).toBe('Ёлка');
  });

  it('composes a letter and its mark once a control between them is removed', () => {
    expect(normalizeText('e\u0000\u0301')).toBe('\u00e9');
  });

  it('removes NUL and other control characters but keeps tabs and newlines', () => {
    expect(normalizeText('a\u0000b\u0001c\u001fd\u007fe\tf\ng')).toBe('abcde\tf\ng');
  });

  it('trims spaces and tabs at line ends but keeps indentation', () => {
    expect(normalizeText('  первая строка \t\n\tвторая  ')).toBe('  первая строка\n\tвторая');
  });

  it('keeps one or two blank lines and collapses three or more to one', () => {
    expect(normalizeText('a\n\nb')).toBe('a\n\nb');
    expect(normalizeText('a\n\n\nb')).toBe('a\n\n\nb');
    expect(normalizeText('a\n\n\n\nb')).toBe('a\n\nb');
    expect(normalizeText('a\n\n \n\t\n\n\nb')).toBe('a\n\nb');
  });

  it('trims blank lines at the start and end', () => {
    expect(normalizeText('\n \n\nтекст\n\n  \n')).toBe('текст');
  });

  it('returns an empty string for blank input', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText(' \r\n\t\n\uFEFF')).toBe('');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(messyText, (raw) => {
        const once = normalizeText(raw);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('produces canonical text: NFC, \\n only, no stray controls, no trailing blanks', () => {
    fc.assert(
      fc.property(messyText, (raw) => {
        const text = normalizeText(raw);
        expect(text.normalize('NFC')).toBe(text);
        expect(text).not.toMatch(/[\r\u2028\u2029\uFEFF]/);
        // eslint-disable-next-line no-control-regex -- asserting their absence
        expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
        expect(text).not.toMatch(/[ \t]$/m);
        expect(text).not.toMatch(/^\n|\n$|\n{4}/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('foldForSearch', () => {
  it('lower-cases and writes ё as е', () => {
    expect(foldForSearch('Ёлка и ёж')).toBe('елка и еж');
    expect(foldForSearch('ЁЖИК')).toBe('ежик');
    expect(foldForSearch('Head of OTK')).toBe('head of otk');
  });

  it('keeps İ to one code unit so offsets stay valid', () => {
    expect(foldForSearch('İstanbul')).toBe('istanbul');
  });

  it('keeps astral letters and their case mapping', () => {
    expect(foldForSearch('𐐀😀')).toBe('𐐨😀');
  });

  it('preserves length, code unit for code unit', () => {
    fc.assert(
      fc.property(messyText, (s) => {
        expect(foldForSearch(s).length).toBe(s.length);
      }),
      { numRuns: 300 },
    );
  });

  it('maps each character on its own, so a slice of the fold is the fold of the slice', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('Ё', 'ё', 'Ж', 'ж', 'A', 'b', ' ', 'İ', 'Σ', '😀'), maxLength: 30 }), (s) => {
        const folded = foldForSearch(s);
        for (let i = 0; i < s.length; i++) {
          const ch = s[i] ?? '';
          if (ch === 'Σ' || /[\ud800-\udfff]/.test(ch)) continue;
          expect(folded[i]).toBe(foldForSearch(ch));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(messyText, (s) => {
        expect(foldForSearch(foldForSearch(s))).toBe(foldForSearch(s));
      }),
      { numRuns: 300 },
    );
  });
});
