import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readTable } from '../../../src-main/core/import';
import { detectDelimiter } from '../../../src-main/core/import/csv';
import { INFORMANTS } from '../../../fixtures/import/texts';
import { fixture } from './helpers/fixtures';
import { makeZip, patchDeclaredSizes } from './helpers/zip';

const csv = (text: string, fileName = 'cases.csv') => readTable(Buffer.from(text, 'utf8'), fileName);

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the committed informant lists', () => {
  it('reads the Windows-1251 CSV from Russian Excel: encoding, semicolons, a quoted semicolon', async () => {
    const { bytes, fileName } = fixture('informants.csv');
    const table = await readTable(bytes, fileName);
    expect(table.encoding).toMatchObject({ name: 'windows-1251', detected: true });
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(INFORMANTS[0]);
    expect(table.rows).toEqual(INFORMANTS.slice(1));
    expect(table.rows[4]![3]).toBe('экономист; профорг');
    expect(table.warnings).toEqual([]);
  });

  it('reads the same list from the workbook, numbers as typed', async () => {
    const { bytes, fileName } = fixture('informants.xlsx');
    const table = await readTable(bytes, fileName);
    expect(table.sheetNames).toEqual(['Информанты']);
    expect(table.headers).toEqual(INFORMANTS[0]);
    expect(table.rows).toEqual(INFORMANTS.slice(1));
    expect(table.encoding).toBeNull();
  });
});

describe('CSV case lists', () => {
  it('reads comma, semicolon and tab delimited files', async () => {
    for (const d of [',', ';', '\t']) {
      const table = await csv(['Имя', 'Возраст', 'Город'].join(d) + '\n' + ['Анна', '34', 'Казань'].join(d) + '\n' + ['Пётр', '51', 'Пермь'].join(d) + '\n');
      expect(table.delimiter).toBe(d);
      expect(table.headers).toEqual(['Имя', 'Возраст', 'Город']);
      expect(table.rows).toEqual([
        ['Анна', '34', 'Казань'],
        ['Пётр', '51', 'Пермь'],
      ]);
      expect(table.sheetNames).toEqual([]);
    }
  });

  it('prefers ";" when "," is the decimal separator, as in Russian Excel', () => {
    expect(detectDelimiter('Имя;Доход;Стаж\nАнна;12,5;3\nПётр;7,25;10\n')).toBe(';');
  });

  it('handles quotes, embedded delimiters and line breaks, a BOM, and CRLF', async () => {
    const table = await readTable(Buffer.from('\ufeffName,Notes\r\n"Smith, Anna","said ""no""\r\nthen left"\r\nLee,ok\r\n', 'utf8'), 'c.csv');
    expect(table.headers).toEqual(['Name', 'Notes']);
    expect(table.rows).toEqual([
      ['Smith, Anna', 'said "no"\r\nthen left'],
      ['Lee', 'ok'],
    ]);
  });

  it('decodes a Windows-1251 export and reports the encoding', async () => {
    const table = await readTable(iconv.encode('Респондент;Возраст;Профессия\nИванова Мария;45;учительница\nПетров Сергей;38;слесарь\n', 'cp1251'), 'cases.csv');
    expect(table.encoding?.name).toBe('windows-1251');
    expect(table.rows[0]).toEqual(['Иванова Мария', '45', 'учительница']);
  });

  it('names blank headers, pads short rows, widens for long ones', async () => {
    const table = await csv('id,,city\n1,Анна\n2,Пётр,Пермь,extra\n\n');
    expect(table.headers).toEqual(['id', 'Column 2', 'city', 'Column 4']);
    expect(table.rows).toEqual([
      ['1', 'Анна', '', ''],
      ['2', 'Пётр', 'Пермь', 'extra'],
    ]);
    expect(table.warnings.join(' ')).toContain('more cells than the header');
  });

  it('accepts a chosen delimiter and encoding, and refuses a bad delimiter', async () => {
    const table = await readTable(iconv.encode('a|b\n1|2\n', 'koi8-r'), 'x.txt', { delimiter: '|', encoding: 'koi8-r' });
    expect(table.headers).toEqual(['a', 'b']);
    await expect(readTable(Buffer.from('a,b'), 'x.csv', { delimiter: '\n' })).rejects.toThrow(/cannot be split/);
  });

  it('refuses empty and binary files', async () => {
    await expect(readTable(new Uint8Array(0), 'empty.csv')).rejects.toThrow(/"empty.csv" is empty/);
    await expect(readTable(Buffer.from('\n\n  \n'), 'blank.csv')).rejects.toThrow(/contains no rows/);
    await expect(readTable(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'photo.csv')).rejects.toThrow(/looks like an image \(PNG\)/);
  });
});

describe('XLSX case lists', () => {
  it('reads the first sheet, with dates, numbers, formulas, rich text and links as text', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Кейсы');
      ws.addRow(['Имя', 'Дата интервью', 'Время', 'Доля', 'Сумма', 'Заметка', 'Сайт', 'Согласие']);
      ws.addRow([
        'Анна',
        new Date(Date.UTC(1993, 4, 17)),
        new Date(Date.UTC(1993, 4, 17, 14, 30)),
        0.1 + 0.2,
        { formula: 'D2*10', result: 3 },
        { richText: [{ text: 'жирный ' , font: { bold: true } }, { text: 'и обычный' }] },
        { text: 'фонд', hyperlink: 'http://example.org' },
        true,
      ]);
      ws.addRow(['Пётр', null, null, 42]);
      wb.addWorksheet('Второй').addRow(['x']);
    });
    const table = await readTable(bytes, 'cases.xlsx');
    expect(table.sheetNames).toEqual(['Кейсы', 'Второй']);
    expect(table.sheet).toBe('Кейсы');
    expect(table.headers).toEqual(['Имя', 'Дата интервью', 'Время', 'Доля', 'Сумма', 'Заметка', 'Сайт', 'Согласие']);
    expect(table.rows).toEqual([
      ['Анна', '1993-05-17', '1993-05-17 14:30', '0.3', '3', 'жирный и обычный', 'фонд', 'TRUE'],
      ['Пётр', '', '', '42', '', '', '', ''],
    ]);
    expect(table.encoding).toBeNull();
  });

  it('reads a named sheet, and names the sheets when one is missing', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('A').addRow(['a']);
      const b = wb.addWorksheet('Люди');
      b.addRow(['name']);
      b.addRow(['Анна']);
    });
    expect((await readTable(bytes, 'w.xlsx', { sheet: 'Люди' })).rows).toEqual([['Анна']]);
    await expect(readTable(bytes, 'w.xlsx', { sheet: 'Нет' })).rejects.toThrow(/has no sheet called "Нет". Its sheets are: "A", "Люди"/);
  });

  it('refuses old .xls, damaged and bomb-like workbooks', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await expect(readTable(ole, 'old.xls')).rejects.toThrow(/old Excel 97–2003 workbook/);
    const good = await workbook((wb) => wb.addWorksheet('S').addRow(['a']));
    await expect(readTable(good.subarray(0, good.length - 100), 'cut.xlsx')).rejects.toThrow(/"cut.xlsx" could not be read/);
    const bomb = patchDeclaredSizes(await makeZip([{ name: 'xl/workbook.xml', content: '<x/>' }, { name: 'xl/a.xml', content: '<x/>' }]), 0xfff00000);
    await expect(readTable(bomb, 'bomb.xlsx')).rejects.toThrow(/unpacks to more than/);
    const docx = await makeZip([{ name: 'word/document.xml', content: '<x/>' }]);
    await expect(readTable(docx, 'doc.xlsx')).rejects.toThrow(/is not an Excel workbook/);
  });
});
