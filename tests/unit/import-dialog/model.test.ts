import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportSuggestion, StageResult } from '../../../src-shared/contract/imports';
import { importMethods } from '../../../src-shared/contract/imports';
import { parseFuzzyDate, typedFuzzyDate } from '../../../src-shared/model/dates';
import {
  applySuggestion,
  cleanupCount,
  commitItem,
  encodingChoices,
  encodingLabel,
  formatSize,
  isSpreadsheet,
  rowErrors,
  rowFromPreview,
  sortStaged,
  withPreview,
} from '../../../src-renderer/views/import/model';
import { BASE64_CHUNK, fromBase64, toBase64 } from '../../../src-renderer/api/base64';

const NO_CHANGES = { replaceReplacementChars: 0, removeRunningHeaders: 0, joinHyphenation: 0, unwrapLines: 0, normaliseQuotesAndDashes: 0 };
const ID = (n: number): string => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    stagedId: ID(1),
    fileName: 'Кольца_1993-06_интервью_Иванов.txt',
    size: 1234,
    format: 'text',
    encoding: { name: 'windows-1251', detected: true, confidence: 0.9, alternatives: ['koi8-r', 'x-mac-cyrillic'] },
    title: null,
    length: 400,
    excerpt: 'И: Как вы работаете?',
    pages: 0,
    paragraphs: 0,
    turns: 4,
    directions: 0,
    speakers: [
      { label: 'И', turns: 2, caseId: null },
      { label: 'Р', turns: 2, caseId: ID(50) },
    ],
    suggestedCleanup: { joinHyphenation: true },
    cleanup: { joinHyphenation: true },
    changes: { ...NO_CHANGES, joinHyphenation: 1 },
    warnings: [],
    ...over,
  };
}

const suggestion = (over: Partial<ImportSuggestion> = {}): ImportSuggestion => ({
  stagedId: ID(1),
  fileName: 'Кольца_1993-06_интервью_Иванов.txt',
  title: 'Кольца_1993-06_интервью_Иванов',
  kind: 'interview',
  language: 'ru',
  date: parseFuzzyDate('1993-06'),
  caseIds: [ID(40), ID(50)],
  speakers: { Р: ID(50) },
  problems: [],
  ...over,
});

/** Bytes 0–255 over and over, with some noise, so every base64 alphabet position is exercised. */
function bytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 7 + (i >> 8)) & 0xff;
  return out;
}

describe('reading files for staging', () => {
  it('encodes bytes as base64 exactly as Node does, around every chunk boundary', () => {
    for (const length of [0, 1, 2, 3, 4, BASE64_CHUNK - 1, BASE64_CHUNK, BASE64_CHUNK + 1, BASE64_CHUNK * 2 + 2]) {
      const data = bytes(length);
      expect(toBase64(data), `length ${length}`).toBe(Buffer.from(data).toString('base64'));
    }
  });

  it('keeps chunks a multiple of three bytes, so no padding lands inside the string', () => {
    expect(BASE64_CHUNK % 3).toBe(0);
    expect(toBase64(bytes(BASE64_CHUNK * 3 + 1)).slice(0, -4)).not.toContain('=');
  });

  it('encodes a large file without overflowing the stack, and decodes it back', () => {
    const data = bytes(2 * 1024 * 1024 + 5);
    const encoded = toBase64(data);
    expect(encoded.length).toBe(Math.ceil(data.length / 3) * 4);
    // What the contract will accept, and what comes back from documents.original.
    expect(importMethods['imports.stage'].input.safeParse({ fileName: 'big.pdf', data: encoded }).success).toBe(true);
    expect(Buffer.from(fromBase64(encoded)).equals(Buffer.from(data))).toBe(true);
  });
});

describe('sorting staged files', () => {
  it('tells spreadsheets (manifests) from documents and failures', () => {
    expect(isSpreadsheet('manifest.CSV')).toBe(true);
    expect(isSpreadsheet('опись.xlsx')).toBe(true);
    expect(isSpreadsheet('cases.tsv')).toBe(true);
    expect(isSpreadsheet('report.docx')).toBe(false);
    expect(isSpreadsheet('csv-notes.txt')).toBe(false);

    const results: StageResult[] = [
      { ok: true, ...preview() },
      { ok: true, ...preview({ stagedId: ID(2), fileName: 'manifest.csv', format: 'table' }) },
      { ok: false, stagedId: null, fileName: 'broken.docx', reason: 'This is not a Word file.' },
    ];
    const sorted = sortStaged(results);
    expect(sorted.rows.map((r) => r.fileName)).toEqual(['Кольца_1993-06_интервью_Иванов.txt']);
    expect(sorted.rows[0]!.preview).not.toHaveProperty('ok');
    expect(sorted.manifests).toEqual([{ stagedId: ID(2), fileName: 'manifest.csv' }]);
    expect(sorted.failures).toEqual([{ fileName: 'broken.docx', reason: 'This is not a Word file.' }]);
  });

  it('starts a row from what the file says: its title or name, interview when it has turns, matched speakers, suggested clean-up', () => {
    const row = rowFromPreview(preview());
    expect(row).toMatchObject({ title: 'Кольца_1993-06_интервью_Иванов', kind: 'interview', date: '', speakers: { Р: ID(50) }, cleanup: { joinHyphenation: true }, encoding: null });
    expect(row.detectedEncoding).toBe('windows-1251');
    expect(rowFromPreview(preview({ title: 'Отчёт', turns: 0 }))).toMatchObject({ title: 'Отчёт', kind: 'other' });
  });
});

describe('suggestions', () => {
  it('fill the row, keeping a date the suggestion lacks and the speaker links already made', () => {
    const typed = { ...rowFromPreview(preview()), date: '1993', speakers: { И: ID(60) } };
    const row = applySuggestion(typed, suggestion());
    expect(row).toMatchObject({ language: 'ru', kind: 'interview', date: '1993-06', caseIds: [ID(40), ID(50)], speakers: { И: ID(60), Р: ID(50) } });
    expect(applySuggestion(typed, suggestion({ date: null, caseIds: [], problems: ['no such case'] }))).toMatchObject({ date: '1993', caseIds: [], problems: ['no such case'] });
  });

  it('write dates back as they parse', () => {
    for (const text of ['1993-06-12', '1993-06', '1993', 'Q2 1993', 'summer 1993', '1992-03-01..1992-05-31']) {
      const date = parseFuzzyDate(text)!;
      expect(parseFuzzyDate(typedFuzzyDate(date)), text).toEqual(date);
    }
    expect(typedFuzzyDate(null)).toBe('');
  });
});

describe('committing', () => {
  it('builds items with the row’s edits, its encoding and its clean-up spelled out', () => {
    const row = { ...applySuggestion(rowFromPreview(preview()), suggestion()), title: '  Интервью с Ивановым ', encoding: 'koi8-r', speakers: { Р: ID(50), Гость: ID(70) } };
    const item = commitItem(row);
    expect(item).toEqual({
      stagedId: ID(1),
      title: 'Интервью с Ивановым',
      kind: 'interview',
      language: 'ru',
      date: { start: '1993-06-01', end: '1993-06-30', precision: 'month' },
      caseIds: [ID(40), ID(50)],
      // A label the text does not have (any more) is left out.
      speakers: { Р: ID(50) },
      interviewerIds: [],
      encoding: 'koi8-r',
      cleanup: { replaceReplacementChars: false, removeRunningHeaders: false, joinHyphenation: true, unwrapLines: false, normaliseQuotesAndDashes: false },
    });
    expect(importMethods['imports.commit'].input.safeParse({ items: [item] }).success).toBe(true);
  });

  it('leaves the encoding to detection when none was chosen, and sends no date for an empty one', () => {
    const item = commitItem({ ...rowFromPreview(preview()), language: 'ru' });
    expect(item).not.toHaveProperty('encoding');
    expect(item.date).toBeNull();
  });

  it('names what stops a row: no title, a date Quire cannot read, no language', () => {
    const row = { ...rowFromPreview(preview()), language: 'ru' };
    expect(rowErrors(row)).toEqual([]);
    expect(rowErrors({ ...row, title: ' ', date: '32.13.93', language: '' })).toEqual(['title', 'date', 'language']);
    expect(rowErrors({ ...row, date: 'июнь 1993' })).toEqual([]);
  });
});

describe('reading options', () => {
  it('offers the detected encoding, the alternatives and the common Russian ones, once each', () => {
    const row = withPreview(rowFromPreview(preview()), preview({ encoding: { name: 'koi8-r', detected: false, confidence: 1, alternatives: [] } }));
    expect(encodingChoices(row)).toEqual(['windows-1251', 'koi8-r', 'utf-8', 'ibm866']);
    expect(encodingChoices(rowFromPreview(preview()))).toEqual(['windows-1251', 'koi8-r', 'x-mac-cyrillic', 'utf-8', 'ibm866']);
    expect(encodingChoices(rowFromPreview(preview({ encoding: null, format: 'docx' })))).toEqual([]);
    expect(encodingLabel('windows-1251')).toBe('Windows-1251');
    expect(encodingLabel('ibm866')).toBe('CP866 (DOS)');
    expect(encodingLabel('gb18030')).toBe('GB18030');
  });

  it('counts what a ticked step changed and what an unticked one would', () => {
    const row = rowFromPreview(preview());
    expect(cleanupCount(row, 'joinHyphenation')).toBe(1);
    expect(cleanupCount(row, 'unwrapLines')).toBeNull();
    expect(cleanupCount({ ...row, potential: { ...NO_CHANGES, unwrapLines: 12, joinHyphenation: 1 } }, 'unwrapLines')).toBe(12);
    // Just unticked, the new preview not back yet: the last real count stays rather than a 0.
    expect(cleanupCount({ ...row, cleanup: {} }, 'joinHyphenation')).toBe(1);
  });

  it('keeps speaker links over a new preview and adds the newly matched ones', () => {
    const row = { ...rowFromPreview(preview({ speakers: [] })), speakers: { И: ID(60) } };
    const next = withPreview(row, preview({ cleanup: {} }));
    expect(next.speakers).toEqual({ Р: ID(50), И: ID(60) });
    expect(next.cleanup).toEqual({});
  });

  it('formats sizes by locale', () => {
    expect(formatSize(512, 'en')).toBe('512 byte');
    expect(formatSize(1536, 'en')).toBe('1.5 kB');
    expect(formatSize(12.3 * 1024 * 1024, 'ru')).toMatch(/^12,3\sМБ$/u);
  });
});
