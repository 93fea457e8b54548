import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ExtractExcerpt, ExtractFormat, ExtractShow, ExtractsModel } from '../../../src-shared/model/extracts';
import { shownTexts } from '../../../src-shared/model/extracts';
import { writerFor } from '../../../src-main/core/export/formats';
import { MemoryOutput } from '../../../src-main/core/export/output';
import { writeModel } from '../../../src-main/core/export/writer';

const excerpt = (over: Partial<ExtractExcerpt>): ExtractExcerpt => ({
  text: 'Мастер даёт выгодную работу своим.',
  contextBefore: 'И: Как распределяется работа?',
  contextAfter: 'Кто ему помогал, тот и получает калым.',
  citation: '(interview with a foreman, Rings, June 1993)',
  quoteId: 'REM-INT-1993-06-014:q3',
  translations: { en: 'The foreman gives the good jobs to his own people.' },
  codes: ['Informal relations › Type 2', 'Klassnost'],
  coder: 'Ирина Соколова',
  documentTitle: 'Интервью с мастером',
  documentDate: 'June 1993',
  speaker: 'Р',
  caseName: 'Мастер Петров',
  attributes: { Role: 'foreman', industry: 'machine-building' },
  memo: 'Compare with <Shakhta> & the mine',
  documentId: '0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f60',
  start: 10,
  end: 44,
  ...over,
});

const MODEL: ExtractsModel = {
  title: 'Coded extracts: Klassnost',
  grouping: 'code',
  language: 'en',
  attributeNames: ['Role', 'industry', 'region'],
  translationLanguages: ['en'],
  total: 3,
  exportedAt: '2026-11-27T12:00:00.000Z',
  groups: [
    { heading: 'Klassnost', excerpts: [excerpt({}), excerpt({ text: 'Директор у нас как отец родной.', translations: {}, quoteId: null, memo: '', citation: '(field notes, Shakhta, October 1992)' })] },
    { heading: 'Paternalism', excerpts: [excerpt({ text: 'Квартиры даёт, путёвки.', translations: { en: 'He gives flats and holidays.' } })] },
  ],
};

const SHOW: ExtractShow = { context: true, coder: true, memo: true, translation: 'both', translationLanguage: 'en' };

async function write(format: ExtractFormat, model: ExtractsModel = MODEL, show: ExtractShow = SHOW): Promise<Buffer> {
  const out = new MemoryOutput();
  await writeModel(model, (await writerFor(format))(out, model, show));
  return out.bytes();
}

describe('shownTexts', () => {
  it('shows the original, the translation or both, and the original when a translation is missing', () => {
    const e = excerpt({});
    expect(shownTexts(e, { translation: 'original', translationLanguage: 'en' })).toEqual({ original: e.text, translation: null, missing: false });
    expect(shownTexts(e, { translation: 'translation', translationLanguage: 'en' })).toEqual({ original: null, translation: e.translations.en, missing: false });
    expect(shownTexts(e, { translation: 'both', translationLanguage: 'en' })).toEqual({ original: e.text, translation: e.translations.en, missing: false });
    expect(shownTexts(e, { translation: 'translation', translationLanguage: 'de' })).toEqual({ original: e.text, translation: null, missing: true });
  });
});

describe('extract writers', () => {
  it('DOCX: headings per group, quotes with citations, quote ids, translations, context, coder and memo (read back with mammoth)', async () => {
    const bytes = await write('docx');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    expect(html).toMatch(/<h1>Klassnost<\/h1>.*<h1>Paternalism<\/h1>/s);
    expect(html).toContain('Мастер даёт выгодную работу своим.');
    expect(html).toContain('The foreman gives the good jobs to his own people.');
    expect(html).toContain('(interview with a foreman, Rings, June 1993)');
    expect(html).toContain('[REM-INT-1993-06-014:q3]');
    expect(html).toContain('Coder: Ирина Соколова');
    expect(html).toContain('Compare with &lt;Shakhta&gt; &amp; the mine');
    expect(html).toContain('…И: Как распределяется работа?');
    // The second excerpt has no translation: its original stands, with a note.
    expect(html).toContain('Директор у нас как отец родной.');
    expect(html).toContain('No en translation yet.');
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    expect(text.indexOf('Klassnost')).toBeLessThan(text.indexOf('Мастер даёт'));
    expect(text.indexOf('Мастер даёт')).toBeLessThan(text.indexOf('(interview with a foreman'));
  });

  it('DOCX: translation only, no context, coder or memo when not asked for', async () => {
    const bytes = await write('docx', MODEL, { context: false, coder: false, memo: false, translation: 'translation', translationLanguage: 'en' });
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    expect(text).toContain('The foreman gives the good jobs to his own people.');
    expect(text).not.toContain('Мастер даёт выгодную работу своим.');
    expect(text).not.toContain('Как распределяется');
    expect(text).not.toContain('Coder:');
    expect(text).not.toContain('Compare with');
  });

  it('CSV: a byte-order mark, one tidy row per excerpt with every attribute and translation, Cyrillic intact', async () => {
    const bytes = await write('csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      Group: 'Klassnost',
      Citation: '(interview with a foreman, Rings, June 1993)',
      'Quote id': 'REM-INT-1993-06-014:q3',
      Excerpt: 'Мастер даёт выгодную работу своим.',
      'Translation (en)': 'The foreman gives the good jobs to his own people.',
      Codes: 'Informal relations › Type 2; Klassnost',
      Role: 'foreman',
      industry: 'machine-building',
      region: '',
      Start: '10',
    });
    expect(rows[1]!['Translation (en)']).toBe('');
    expect(rows[2]!.Group).toBe('Paternalism');
  });

  it('XLSX: the same tidy rows on a sheet (read back with exceljs)', async () => {
    const bytes = await write('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Extracts');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['Group', 'Citation', 'Quote id', 'Excerpt', 'Translation (en)']);
    expect(sheet.rowCount).toBe(4);
    const row = (n: number): Record<string, unknown> => Object.fromEntries(header.map((h, i) => [h, sheet.getRow(n).getCell(i + 1).value]));
    expect(row(2)).toMatchObject({ Group: 'Klassnost', Excerpt: 'Мастер даёт выгодную работу своим.', Role: 'foreman', Start: 10 });
    expect(row(4)).toMatchObject({ Group: 'Paternalism', 'Translation (en)': 'He gives flats and holidays.' });
  });

  it('HTML: every text escaped, headings and context', async () => {
    const html = (await write('html')).toString('utf8');
    expect(html).toContain('<h2>Klassnost</h2>');
    expect(html).toContain('Compare with &#60;Shakhta&#62; &#38; the mine');
    expect(html).not.toContain('<Shakhta>');
    expect(html).toContain('<blockquote class="translation" lang="en">The foreman gives');
    expect(html).toContain('class="context"');
  });

  it('Markdown: headings, block quotes, citations; formatting characters escaped', async () => {
    const md = (await write('md', { ...MODEL, groups: [{ heading: 'Klassnost', excerpts: [excerpt({ text: 'Line *one*\nline two' })] }] })).toString('utf8');
    expect(md).toContain('## Klassnost');
    expect(md).toContain('> Line \\*one\\*\n> line two');
    expect(md).toContain('(interview with a foreman, Rings, June 1993) · `REM-INT-1993-06-014:q3` · Coder: Ирина Соколова');
    expect(md).toContain('**Memo:** Compare with \\<Shakhta\\> & the mine');
  });

  it('labels in Russian', async () => {
    const text = (await mammoth.extractRawText({ buffer: await write('docx', { ...MODEL, language: 'ru' }) })).value;
    expect(text).toContain('3 фрагмента');
    expect(text).toContain('Кодировщик: Ирина Соколова');
  });
});
