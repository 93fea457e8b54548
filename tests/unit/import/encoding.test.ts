import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { QuireError } from '../../../src-shared/contract/errors';
import { decodeBytes, decodeText, encodingDisplayName, resolveEncodingLabel } from '../../../src-main/core/import';
import { RU_BACKCHANNEL, RU_OPENERS, RU_PROMPTS, RU_TAILS } from '../../../fixtures/sample/phrases';

const INTERVIEW =
  'И: Расскажите, пожалуйста, как вы пришли в волонтёрство? Это был долгий путь или всё случилось быстро?\n' +
  'Р: Ну, это долгая история. Ёлки-палки, я даже не помню точно, когда это началось. Мы тогда жили в маленьком городе.';

const LEGACY = [
  ['cp1251', 'windows-1251'],
  ['koi8-r', 'koi8-r'],
  ['cp866', 'ibm866'],
] as const;

function caught(run: () => unknown): QuireError {
  try {
    run();
  } catch (error) {
    if (error instanceof QuireError) return error;
    throw error;
  }
  throw new Error('expected a QuireError');
}

describe('decodeBytes: Unicode', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const plain = decodeBytes(Buffer.from(INTERVIEW, 'utf8'), 'a.txt');
    expect(plain.text).toBe(INTERVIEW);
    expect(plain.encoding).toEqual({ name: 'utf-8', detected: true, confidence: 1, alternatives: [] });
    const bom = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(INTERVIEW, 'utf8')]), 'a.txt');
    expect(bom.text).toBe(INTERVIEW);
    expect(bom.encoding.detected).toBe(false);
  });

  it('reads UTF-16 LE and BE with a byte-order mark', () => {
    expect(decodeBytes(iconv.encode(INTERVIEW, 'utf16le', { addBOM: true }), 'a.txt').text).toBe(INTERVIEW);
    const be = decodeBytes(iconv.encode(INTERVIEW, 'utf16be', { addBOM: true }), 'a.txt');
    expect(be.text).toBe(INTERVIEW);
    expect(be.encoding.name).toBe('utf-16be');
  });

  it('recognises UTF-16 without a byte-order mark', () => {
    const decoded = decodeBytes(iconv.encode('Interview notes, 12 May: Анна', 'utf16le'), 'a.txt');
    expect(decoded.text).toBe('Interview notes, 12 May: Анна');
    expect(decoded.encoding.name).toBe('utf-16le');
  });

  it('refuses binary data', () => {
    const error = caught(() => decodeBytes(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41, 0x00, 0x07, 0x08, 0x10, 0x11]), 'photo.txt'));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('"photo.txt"');
    expect(error.message).toContain('binary data');
  });
});

describe('decodeBytes: legacy Cyrillic', () => {
  for (const [iconvName, name] of LEGACY) {
    it(`detects ${name}`, () => {
      const decoded = decodeBytes(iconv.encode(INTERVIEW, iconvName), 'old.txt');
      expect(decoded.text).toBe(INTERVIEW);
      expect(decoded.encoding.name).toBe(name);
      expect(decoded.encoding.detected).toBe(true);
      expect(decoded.encoding.confidence).toBeGreaterThan(0.8);
      expect(decoded.encoding.alternatives).toHaveLength(3);
      expect(decoded.encoding.alternatives).not.toContain(name);
      expect(decoded.warnings).toEqual([]);
    });
  }

  it('tells Windows-1251 from KOI8-R in all-capital and all-lower-case text', () => {
    for (const text of ['ИНТЕРВЬЮ С РЕСПОНДЕНТОМ НОМЕР ТРИ', 'привет как дела что нового у тебя на работе']) {
      for (const [iconvName, name] of LEGACY) expect(decodeBytes(iconv.encode(text, iconvName), 'x.txt').encoding.name, `${text} in ${name}`).toBe(name);
    }
  });

  it('reads Western European text in Windows-1252', () => {
    const text = 'Le café est une boisson très populaire en France. Ça coûte peu, même à Paris. Schöne Grüße.';
    const decoded = decodeBytes(iconv.encode(text, 'cp1252'), 'fr.txt');
    expect(decoded.text).toBe(text);
    expect(decoded.encoding.name).toBe('windows-1252');
  });

  it('is unsure about a single word, and says so', () => {
    const decoded = decodeBytes(iconv.encode('Привет', 'cp1251'), 'short.txt');
    expect(decoded.text).toBe('Привет');
    expect(decoded.encoding.confidence).toBeLessThan(0.5);
    expect(decoded.warnings[0]).toContain('not sure');
  });

  it('detects each legacy encoding for any mix of interview phrases (property)', () => {
    const phrases = [...RU_OPENERS, ...RU_TAILS, ...RU_BACKCHANNEL, ...RU_PROMPTS].filter((p) =>
      LEGACY.every(([enc]) => iconv.decode(iconv.encode(p, enc), enc) === p),
    );
    expect(phrases.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...phrases), { minLength: 6, maxLength: 30 }), fc.constantFrom(...LEGACY), (picked, [enc, name]) => {
        const text = picked.join(' ');
        const decoded = decodeBytes(iconv.encode(text, enc), 'x.txt');
        expect(decoded.encoding.name).toBe(name);
        expect(decoded.text).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});

describe('decodeBytes: the user’s choice', () => {
  it('honours a valid override, in any common spelling', () => {
    const bytes = iconv.encode(INTERVIEW, 'koi8-r');
    for (const label of ['koi8-r', 'KOI8-R', 'koi8']) {
      const decoded = decodeBytes(bytes, 'a.txt', { override: label });
      expect(decoded.text).toBe(INTERVIEW);
      expect(decoded.encoding).toEqual({ name: 'koi8-r', detected: false, confidence: 1, alternatives: [] });
    }
    expect(decodeBytes(iconv.encode(INTERVIEW, 'cp866'), 'a.txt', { override: 'cp866' }).text).toBe(INTERVIEW);
  });

  it('refuses an unknown encoding name with a clear message', () => {
    const error = caught(() => decodeBytes(Buffer.from('abc'), 'notes.txt', { override: 'cyrillic-dos' }));
    expect(error.message).toContain('"notes.txt"');
    expect(error.message).toContain('"cyrillic-dos"');
    expect(error.message).toContain('windows-1251');
    expect(() => resolveEncodingLabel('', 'x.txt')).toThrow(QuireError);
  });

  it('refuses UTF-8 chosen for a file that is not UTF-8', () => {
    const error = caught(() => decodeBytes(iconv.encode(INTERVIEW, 'cp1251'), 'old.txt', { override: 'utf-8' }));
    expect(error.message).toContain('is not in UTF-8');
  });

  it('warns when a chosen 8-bit encoding reads as garbage', () => {
    const decoded = decodeBytes(iconv.encode(INTERVIEW, 'cp1251'), 'old.txt', { override: 'koi8-r' });
    expect(decoded.encoding.name).toBe('koi8-r');
    expect(decoded.warnings.join(' ')).toContain('Windows-1251');
  });

  it('names encodings for people', () => {
    expect(encodingDisplayName('windows-1251')).toBe('Windows-1251 (Cyrillic)');
    expect(encodingDisplayName('ibm866')).toBe('DOS 866 (Cyrillic)');
  });
});

describe('decodeText (command line)', () => {
  it('still reads UTF-8 and UTF-16', () => {
    expect(decodeText(Buffer.from('Привет', 'utf8'), 'a.txt')).toBe('Привет');
    expect(decodeText(iconv.encode('Привет', 'utf16le', { addBOM: true }), 'a.txt')).toBe('Привет');
    expect(decodeText(new Uint8Array(0), 'empty.txt')).toBe('');
  });

  it('now reads a legacy Cyrillic file when the detection is sure', () => {
    expect(decodeText(iconv.encode(INTERVIEW, 'cp1251'), 'old.txt')).toBe(INTERVIEW);
    expect(decodeText(iconv.encode(INTERVIEW, 'cp866'), 'dos.txt')).toBe(INTERVIEW);
  });

  it('refuses a legacy file too short to be sure about, naming the likely encoding', () => {
    const error = caught(() => decodeText(Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), 'old.txt'));
    expect(error.message).toContain('not in UTF-8');
    expect(error.message).toContain('Windows-1251');
  });

  it('accepts an encoding the user names', () => {
    expect(decodeText(Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), 'old.txt', { encoding: 'windows-1251' })).toBe('Привет');
  });

  it('refuses binary data as before', () => {
    expect(() => decodeText(Buffer.from([0, 1, 2, 3, 4, 5, 6, 0]), 'x.txt')).toThrow(/binary data/);
  });
});
