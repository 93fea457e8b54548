import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ExtractExcerpt, ExtractsHead } from '../../../src-shared/model/extracts';
import { CHUNK, csvField, csvRecord, csvWriter } from '../../../src-main/core/export/csv';
import { MemoryOutput } from '../../../src-main/core/export/output';
import { tidyHeader } from '../../../src-main/core/export/tidy';

const HEAD: ExtractsHead = {
  title: 'Coded extracts: Klassnost',
  grouping: 'none',
  language: 'ru',
  attributeNames: ['Должность'],
  translationLanguages: [],
  total: 2,
  exportedAt: '2026-11-27T12:00:00.000Z',
};

const excerpt = (over: Partial<ExtractExcerpt>): ExtractExcerpt => ({
  text: 'Мастер даёт выгодную работу своим.',
  contextBefore: null,
  contextAfter: null,
  citation: '(интервью с мастером, Шестерня, июнь 1993 г.)',
  quoteId: 'SHE-INT-1993-06-014:q3',
  translations: {},
  codes: ['Klassnost'],
  coder: '',
  documentTitle: 'Интервью с мастером',
  documentDate: 'июнь 1993 г.',
  speaker: 'Р',
  caseName: null,
  attributes: { Должность: 'мастер' },
  memo: '',
  documentId: 'd1',
  start: 0,
  end: 34,
  ...over,
});

describe('CSV quoting (RFC 4180)', () => {
  it('leaves plain fields alone, Cyrillic included, and writes numbers as digits', () => {
    expect(csvField('Мастер даёт работу')).toBe('Мастер даёт работу');
    expect(csvField('')).toBe('');
    expect(csvField(42)).toBe('42');
    expect(csvField(' spaces kept ')).toBe(' spaces kept ');
  });

  it('quotes a field with a comma, a double quote or a line break, doubling the quotes inside', () => {
    expect(csvField('Шестерня, июнь 1993')).toBe('"Шестерня, июнь 1993"');
    expect(csvField('он сказал "нет"')).toBe('"он сказал ""нет"""');
    expect(csvField('строка 1\nстрока 2')).toBe('"строка 1\nстрока 2"');
    expect(csvField('строка 1\r\nстрока 2')).toBe('"строка 1\r\nстрока 2"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('«ёлочки» и „лапки“')).toBe('«ёлочки» и „лапки“');
  });

  it('ends each record with CRLF', () => {
    expect(csvRecord(['a', 'б,в', 3])).toBe('a,"б,в",3\r\n');
  });

  it('writes a byte-order mark and rows a CSV reader reads back field for field, line breaks and quotes inside', async () => {
    const out = new MemoryOutput();
    const writer = csvWriter(out, HEAD, { context: false, coder: false, memo: false, translation: 'original', translationLanguage: 'en' });
    const tricky = 'Р: «Классность» — это, значит, "второй класс".\nИ: А премия?\r\nР: Премия — отдельно.';
    writer.group(null);
    writer.excerpts([excerpt({}), excerpt({ text: tricky, memo: 'ещё, раз' })]);
    await writer.finish();
    const bytes = out.bytes();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8').slice(1), { relax_column_count: false }) as string[][];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(tidyHeader(HEAD));
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
    const column = (name: string): number => rows[0]!.indexOf(name);
    expect(rows[1]![column('Фрагмент')]).toBe('Мастер даёт выгодную работу своим.');
    expect(rows[2]![column('Фрагмент')]).toBe(tricky);
    expect(rows[2]![column('Ссылка')]).toBe('(интервью с мастером, Шестерня, июнь 1993 г.)');
    expect(rows[2]![column('Должность')]).toBe('мастер');
    expect(rows[2]![column('Конец')]).toBe('34');
  });

  it('writes the same rows whatever buffers it is handed to fill: a row longer than a chunk, and a smaller buffer left from one', async () => {
    const show = { context: false, coder: false, memo: false, translation: 'original', translationLanguage: 'en' } as const;
    // A passage coded whole: 400,000 Cyrillic characters, more than a 1 MiB chunk holds.
    const long = 'Р: Директор у нас как отец родной. '.repeat(12_000);
    const batch = [excerpt({}), excerpt({ text: long }), ...Array.from({ length: 40 }, (_, i) => excerpt({ text: `${long.slice(0, 30_000)} ${i}` }))];
    const written = async (out: MemoryOutput): Promise<Buffer> => {
      const writer = csvWriter(out, HEAD, show);
      writer.group(null);
      writer.excerpts(batch);
      await writer.finish();
      return out.bytes();
    };
    const expected = await written(new MemoryOutput());
    expect(parse(expected.toString('utf8').slice(1))).toHaveLength(batch.length + 1);
    for (const size of [CHUNK, CHUNK - 5, 64 * 1024]) expect((await written(new MemoryOutput([Buffer.alloc(size), Buffer.alloc(size)]))).equals(expected)).toBe(true);
  });
});
