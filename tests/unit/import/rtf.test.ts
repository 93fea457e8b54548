import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { QuireError } from '../../../src-shared/contract/errors';
import { normalizeText } from '../../../src-shared/text';
import { extractDocument } from '../../../src-main/core/import';
import type { ExtractedDocument } from '../../../src-main/core/import';
import { extractRtf } from '../../../src-main/core/import/rtf';
import { DEFAULT_LIMITS } from '../../../src-main/core/import/limits';
import * as T from '../../../fixtures/import/texts';
import { fixture, structure } from './helpers/fixtures';

const rtf = (source: string): Promise<ExtractedDocument> => extractDocument({ bytes: Buffer.from(source, 'latin1'), fileName: 'interview.rtf' });

/** Escapes Cyrillic as \'hh in the given codepage, as Word 97–2003 writes it. */
function hexEscaped(text: string, encoding: string): string {
  return [...iconv.encode(text, encoding)].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\'${b.toString(16).padStart(2, '0')}`)).join('');
}

/** Escapes every non-ASCII character as \uN followed by a '?' fallback. */
function unicodeEscaped(text: string, fallback = '?'): string {
  return [...text].map((c) => (c.charCodeAt(0) < 0x80 ? c : `\\u${c.charCodeAt(0) > 32767 ? c.charCodeAt(0) - 65536 : c.charCodeAt(0)}${fallback}`)).join('');
}

const HEADER = '{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0\\froman\\fcharset204 Times New Roman;}{\\f1\\fswiss Arial;}}' +
  '{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\s1 Heading 1;}}';

describe('RTF', () => {
  it('reads the committed Word RTF: \\ansicpg1251 bytes and \\uN escapes alike, title from \\info, turns and asides', async () => {
    const { bytes, fileName } = fixture('interview-1251.rtf');
    const source = bytes.toString('latin1');
    expect(source).toContain('\\ansicpg1251');
    expect(source).toMatch(/\\u1056\\'d0/); // "Р" as \uN with its 1251 fallback
    const doc = await extractDocument({ bytes, fileName });
    expect(doc.format).toBe('rtf');
    expect(doc.title).toBe(T.RTF_TITLE);
    expect(doc.text).toBe(T.RTF_PARAGRAPHS.join('\n'));
    expect(doc.warnings).toEqual([]);
    expect(structure(doc.text).map(([kind, speaker, , asides]) => [kind, speaker, asides])).toEqual([
      ['paragraph', null, []],
      ['turn', 'И', []],
      ['turn', 'Р', ['(смеётся)']],
      ['turn', 'И', []],
      ['turn', 'Р', ['[неразборчиво]']],
    ]);
  });

  it('decodes \\\'hh through \\ansicpg1251 and splits paragraphs at \\par', async () => {
    const doc = await rtf(`${HEADER}\\pard ${hexEscaped('И: Как вы пришли в волонтёрство?', 'cp1251')}\\par\n${hexEscaped('Р: Ну, это долгая история.', 'cp1251')}\\par}`);
    expect(doc.format).toBe('rtf');
    expect(doc.text).toBe('И: Как вы пришли в волонтёрство?\nР: Ну, это долгая история.');
    expect(doc.warnings).toEqual([]);
    expect(doc.encoding).toBeNull();
  });

  it('uses the font’s \\fcharset when the document codepage is Western', async () => {
    const source = `{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0\\fnil\\fcharset0 Calibri;}{\\f1\\fnil\\fcharset204 Calibri;}}\\f0 Hello \\f1 ${hexEscaped('мир', 'cp1251')}\\f0  \\'e9t\\'e9\\par}`;
    expect((await rtf(source)).text).toBe('Hello мир été');
  });

  it('reads \\uN with the \\ucN fallback count', async () => {
    expect((await rtf(`{\\rtf1\\ansi ${unicodeEscaped('Ёлка и ёжик')}\\par}`)).text).toBe('Ёлка и ёжик');
    expect((await rtf(`{\\rtf1\\ansi\\uc0 ${unicodeEscaped('Ёж', '')}!\\par}`)).text).toBe('Ёж!');
    expect((await rtf(`{\\rtf1\\ansi\\uc2 \\u1025\\'c5\\'b8\\u1078??\\par}`)).text).toBe('Ёж');
    // A hex fallback counts as one character; the skip ends at a group boundary.
    expect((await rtf(`{\\rtf1\\ansi\\u1025\\'c5 x{\\u1078}y\\par}`)).text).toBe('Ё xжy');
    // Astral characters come as surrogate pairs.
    expect((await rtf(`{\\rtf1\\ansi \\u-10179?\\u-8704?\\par}`)).text).toBe('😀');
  });

  it('skips tables, info, pictures, field instructions and {\\* destinations', async () => {
    const source =
      `${HEADER}{\\info{\\title ${hexEscaped('Интервью №3', 'cp1251')}}{\\author Anna}}{\\*\\generator Msftedit 5.41;}` +
      `{\\*\\themedata 0102abcdef}{\\pict\\pngblip 89504e470d0a}` +
      `\\pard Before {\\field{\\*\\fldinst HYPERLINK "http://example.org"}{\\fldrslt link text}} after.\\par` +
      `{\\*\\unknowndestination should not appear}{\\header Page header}Last\\par}`;
    const doc = await rtf(source);
    expect(doc.text).toBe('Before link text after.\nLast');
    expect(doc.title).toBe('Интервью №3');
    expect(doc.warnings).toContain('1 picture was left out; only text is imported.');
  });

  it('keeps \\line, \\tab, escapes and special characters', async () => {
    const doc = await rtf(`{\\rtf1\\ansi a\\line b\\tab c \\{d\\} \\\\ e\\~f\\emdash g\\ldblquote h\\rdblquote\\-i\\par}`);
    expect(doc.text).toBe('a\nb\tc {d} \\ e\u00a0f—g“h”i');
  });

  it('drops hidden text and skips \\bin payloads', async () => {
    const doc = await rtf(`{\\rtf1\\ansi visible {\\v hidden} shown{\\*\\blob \\bin5 }}{}}} end\\par}`);
    expect(doc.text).toBe('visible  shown end');
  });

  it('turns table rows into "cell | cell" paragraphs', async () => {
    const row = (a: string, b: string): string => `\\trowd\\cellx1000\\cellx2000\\pard\\intbl ${a}\\cell ${b}\\cell\\row`;
    const doc = await rtf(`{\\rtf1\\ansi Before\\par ${row('Name', 'Age')}${row(hexEscaped('Анна', 'cp1251'), '34')}\\pard After\\par}`.replace('\\ansi', '\\ansi\\ansicpg1251'));
    expect(doc.text).toBe('Before\nName | Age\nАнна | 34\nAfter');
  });

  it('moves footnotes to the end with markers', async () => {
    const doc = await rtf(`{\\rtf1\\ansi Text{\\super\\chftn}{\\footnote\\pard{\\super\\chftn} A note.} goes on.\\par}`);
    expect(doc.text).toBe('Text[1] goes on.\n[1] A note.');
    expect(doc.warnings.join(' ')).toContain('footnote');
  });

  it('reads a file cut short, with a warning', async () => {
    const doc = await rtf(`{\\rtf1\\ansi First paragraph.\\par Second {\\b bold`);
    expect(doc.text).toBe('First paragraph.\nSecond bold');
    expect(doc.warnings.join(' ')).toContain('cut short');
  });

  it('reads on past a stray closing brace, with a warning', async () => {
    const doc = await rtf(`{\\rtf1\\ansi One.\\par}} Two.\\par}`);
    expect(doc.text).toBe('One.\nTwo.');
    expect(doc.warnings.join(' ')).toContain('unbalanced braces');
  });

  it('ignores what follows the end of the document when it is blank', async () => {
    const doc = await rtf(`{\\rtf1\\ansi One.\\par}\r\n\0`);
    expect(doc.warnings).toEqual([]);
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = `{\\rtf1 ${'{'.repeat(DEFAULT_LIMITS.maxRtfDepth + 5)}x${'}'.repeat(DEFAULT_LIMITS.maxRtfDepth + 5)}}`;
    expect(() => extractRtf(Buffer.from(deep, 'latin1'), 'deep.rtf', DEFAULT_LIMITS)).toThrow(/nests groups more than 512 deep/);
  });

  it('refuses an RTF with no text', async () => {
    await expect(rtf(`{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}{\\pict 0102}}`)).rejects.toThrow(/contains no text/);
  });

  it('refuses a .rtf file that is not RTF', async () => {
    await expect(extractDocument({ bytes: Buffer.from('just text'), fileName: 'x.rtf' })).rejects.toThrow(/is named like an RTF document but is not one/);
  });

  it('never throws anything but a QuireError, and always finishes (fuzz)', () => {
    const alphabet = fc.constantFrom('{', '}', '\\', '\\par ', '\\u1055?', '\\u-3 ', "\\'e0", "\\'", '\\*', '\\uc2 ', '\\bin3 ', '\\bin99999 ',
      '{\\fonttbl', '{\\*\\x ', '\\f1 ', '\\fcharset204 ', '\\ansicpg1251 ', '\\ansicpg99999 ', '\\cell ', '\\row ', '\\intbl ', '{\\footnote ',
      '{\\info{\\title ', 'a', 'б', ' ', '\n', '\\v ', '\\plain ', '\\tab ', '\\-', '\\~', '\\', '\u0000', '\\line');
    const input = fc.oneof(
      fc.array(alphabet, { maxLength: 200 }).map((parts) => `{\\rtf1 ${parts.join('')}`),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => `{\\rtf1 ${Buffer.from(bytes).toString('latin1')}`),
    );
    fc.assert(
      fc.property(input, (source) => {
        const started = Date.now();
        try {
          const doc = extractRtf(Buffer.from(source, 'latin1'), 'fuzz.rtf', DEFAULT_LIMITS);
          expect(normalizeText(doc.text)).toBe(doc.text);
        } catch (error) {
          expect(error).toBeInstanceOf(QuireError);
        }
        expect(Date.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 2000 },
    );
  });
});
