import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { QuireClient } from '../../src-shared/contract';
import { cellFilter, inPeriod, resolveColumnsBy } from '../../src-renderer/views/compare/model';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src-main/cli/main';
import { newProject, seed, tempFolder } from './support';

/** The seed, a later interview at the mine, and "мастер" coded wherever it is a word. */
async function material(client: QuireClient) {
  const s = await seed(client);
  const miner = await client.call('cases.create', { typeId: s.informant.id, parentId: s.mine.id, name: 'Шахтёр Сидоров' });
  await client.call('documents.create', {
    title: 'Интервью с шахтёром',
    kind: 'interview',
    date: 'Q1 1994',
    text: ['И: Как у вас мастер?', 'Р: Мастер у нас свой человек, мастер нас прикрывает, мастер и путёвки достаёт.'].join('\n'),
    caseIds: [s.mine.id, miner.id],
    speakers: { Р: miner.id },
  });
  await client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: s.type2.id });
  await client.call('autocode.apply', { pattern: 'путёвк', codeId: s.paternalism.id });
  return s;
}

const bytes = (base64: string): Buffer => Buffer.from(base64, 'base64');

describe('exporting the code × case matrix', () => {
  it('writes CSV with a byte-order mark, Cyrillic column headers and the matrix’s figures', async () => {
    const { client } = await newProject();
    const s = await material(client);
    const file = await client.call('reports.matrixExport', { columns: 'enterprise', format: 'csv' });
    expect(file).toMatchObject({ fileName: 'quire-enterprise-codings.csv', mimeType: 'text/csv;charset=utf-8' });
    const data = bytes(file.data);
    expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(data.toString('utf8').slice(1)) as string[][];
    expect(records[0]).toEqual(['Code', 'Кольца', 'Шахта', 'Total (whole project)']);
    expect(records.slice(1, 4)).toEqual([
      ['Informal relations', '0', '0', '0'],
      ['Informal relations › Type 2: personal dependence', '2', '4', '6'],
      ['Paternalism', '1', '1', '2'],
    ]);
    expect(records[4]).toEqual(['Documents', '1', '1', '']);
    void s;
  });

  it('writes CSV for Excel in Russian: semicolons, decimal commas, Russian headers, periods written out', async () => {
    const { client } = await newProject();
    const s = await material(client);
    const matrix = await client.call('reports.matrix', { columns: 'region', measure: 'per10k', codeId: s.type2.id, period: 'quarter' });
    const file = await client.call('reports.matrixExport', { columns: 'region', measure: 'per10k', codeId: s.type2.id, period: 'quarter', format: 'csv', delimiter: ';', language: 'ru' });
    expect(file.fileName).toBe('quire-region-per10k-quarter.csv');
    const lines = bytes(file.data).toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Код;Самара · 2 кв. 1993;Самара · 1 кв. 1994;Всего (весь проект)');
    expect(lines[1]).toBe(['Type 2: personal dependence', ...matrix.rows[0]!.cells, matrix.rows[0]!.total].map((v) => String(v).replace('.', ',')).join(';'));
    expect(lines[1]).toMatch(/;\d+,\d;/);
  });

  it('writes an Excel workbook with the numbers, the codings behind them and what was compared', async () => {
    const { client } = await newProject();
    const s = await material(client);
    const matrix = await client.call('reports.matrix', { columns: 'enterprise', measure: 'per10k' });
    const file = await client.call('reports.matrixExport', { columns: 'enterprise', measure: 'per10k', format: 'xlsx' });
    expect(file.fileName).toBe('quire-enterprise-per10k.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes(file.data) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Matrix', 'Codings', 'About']);
    const sheet = workbook.getWorksheet('Matrix')!;
    expect(sheet.getCell('A1').value).toBe('Codings per 10,000 words');
    expect(sheet.getRow(2).values).toEqual([undefined, 'Code', 'Кольца', 'Шахта', 'Total (whole project)']);
    const type2 = matrix.rows.find((r) => r.codeId === s.type2.id)!;
    expect(sheet.getRow(4).values).toEqual([undefined, type2.path, ...type2.cells, type2.total]);
    expect(sheet.getCell('B4').numFmt).toBe('0.0');
    expect(sheet.getRow(4).outlineLevel).toBe(1);
    // 2 codings at Кольца, below the threshold of 5: grey.
    expect(sheet.getCell('B4').font?.color?.argb).toBe('FF868E96');
    expect(sheet.getRow(6).values).toEqual([undefined, 'Documents', 1, 1]);
    const counts = workbook.getWorksheet('Codings')!;
    expect(counts.getRow(4).values).toEqual([undefined, type2.path, 2, 4, 6]);
    expect(workbook.getWorksheet('About')!.getCell('B2').value).toBe('enterprise');
  });

  it('heads a workbook split by period with each case over its periods', async () => {
    const { client } = await newProject();
    await material(client);
    const file = await client.call('reports.matrixExport', { columns: 'region', period: 'year', format: 'xlsx', language: 'ru' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes(file.data) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Матрица')!;
    expect(sheet.getCell('A1').value).toBe('Кодировки');
    expect(sheet.getCell('B2').value).toBe('Самара');
    expect(sheet.getCell('C2').isMerged).toBe(true);
    expect(sheet.getRow(3).values).toEqual([undefined, 'Код', '1993', '1994', 'Всего (весь проект)']);
    expect(sheet.getRow(5).values).toEqual([undefined, 'Informal relations › Type 2: personal dependence', 2, 4, 6]);
  });

  it('refuses what the matrix refuses', async () => {
    const { client } = await newProject();
    await seed(client);
    await expect(client.call('reports.matrixExport', { columns: 'shoe size', format: 'csv' })).rejects.toMatchObject({ message: expect.stringContaining('no case type or attribute called "shoe size"') });
    // @ts-expect-error: not a format
    await expect(client.call('reports.matrixExport', { columns: 'enterprise', format: 'pdf' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('quire report matrix --out', () => {
  it('writes the matrix as CSV or Excel, by the file’s extension', async () => {
    const { client, file: project } = await newProject();
    await material(client);
    await client.call('project.close', {});
    const folder = tempFolder();
    let err = '';
    const quire = (...argv: string[]) => main(['--as', 'Ирина Соколова', ...argv], { out: () => undefined, err: (t) => (err += t) });
    const csv = path.join(folder, 'матрица.csv');
    const code = await quire('report', 'matrix', project, '--cols', 'enterprise', '--measure', 'per10k', '--out', csv, '--delimiter', ';', '--language', 'ru');
    expect(code, err).toBe(0);
    expect(err).toContain(`Wrote ${csv}`);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFКод;Кольца;Шахта;Всего (весь проект)\r\n')).toBe(true);
    const xlsx = path.join(folder, 'matrix.xlsx');
    expect(await quire('report', 'matrix', project, '--cols', 'industry', '--by', 'year', '--out', xlsx)).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.getWorksheet('Matrix')!.getCell('B2').value).toBe('machine-building');
    expect(await quire('report', 'matrix', project, '--cols', 'enterprise', '--out', path.join(folder, 'm.pdf'))).toBe(2);
    expect(err).toContain('--out names a .csv or .xlsx file');
    expect(await quire('report', 'matrix', project, '--cols', 'enterprise', '--out', csv, '--delimiter', 'tab')).toBe(2);
  });
});

describe('the passages behind a cell of the Compare view', () => {
  it('are the codings the cell counts, for case and attribute columns, split by period or not', async () => {
    const { client } = await newProject();
    const s = await material(client);
    // A third document at Кольца, a year later: the split by year has work to do.
    await client.call('documents.create', { title: 'Заметка', date: '1994-03', text: 'Мастер опять раздал путёвки.', caseIds: [s.rings.id] });
    // Dated across the new year: the matrix places it by its start (1993), retrieval by overlap.
    await client.call('documents.create', { title: 'Отчёт за зиму', date: '1993-12..1994-01', text: 'Мастер, мастер и снова мастер.', caseIds: [s.mine.id] });
    await client.call('documents.create', { title: 'Без даты', text: 'Мастер без даты.', caseIds: [s.mine.id] });
    await client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: s.type2.id });
    const caseTypes = await client.call('caseTypes.list', {});
    const attributes = await client.call('attributes.list', {});
    let checked = 0;
    for (const input of [{ columns: 'enterprise' }, { columns: 'industry' }, { columns: 'enterprise', period: 'year' as const }, { columns: 'region', period: 'month' as const }]) {
      const matrix = await client.call('reports.matrix', input);
      const by = resolveColumnsBy(matrix.columnsBy, caseTypes, attributes)!;
      for (const row of matrix.rows) {
        for (const [c, column] of matrix.columns.entries()) {
          const filter = cellFilter(column, by);
          const page = await client.call('retrieval.run', { codeIds: [row.codeId], ...filter, limit: 1000 });
          const codings = page.excerpts.filter((e) => inPeriod(column, matrix.period, e.documentDate)).flatMap((e) => e.codingIds);
          expect(codings.length, `${row.name} × ${column.label}`).toBe(row.counts[c]);
          checked += codings.length;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
