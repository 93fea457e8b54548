import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { QuireClient } from '../../src-shared/contract';
import { suggestMapping } from '../../src-shared/model/column-mapping';
import { newProject, seed, snapshot } from './support';

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

async function stage(client: QuireClient, fileName: string, bytes: Uint8Array): Promise<string> {
  const staged = await client.call('imports.stage', { fileName, data: base64(bytes) });
  if (!staged.ok) throw new Error(staged.reason);
  expect(staged.format).toBe('table');
  return staged.stagedId;
}

/** An informant list as a Russian field team keeps it, saved from Excel as CSV (Windows-1251, `;`). */
const INFORMANTS = [
  'ФИО;Другие имена;Предприятие;Пол;Год рождения;Член профсоюза;Дата интервью;Должность;Примечание;Смена',
  'Иванова Анна;Аня;Кольца;female;1948;да;июнь 1993;крановщица;Работает на заводе с 1970 года;первая',
  'петров в. и.;Виктор Петров;Rings;MALE;1941;нет;12.06.93;мастер;;вторая',
  'Сидоров;;Шахта;мужской;19x5;да;весна 1993;шахтёр;;первая',
  ';;Кольца;female;;;;;Имя забыли записать;',
  'Иванова Анна;;Кольца;female;1948;;;;;',
  'Ёлкин;Елкин Ю.;Завод-призрак;male;1960;нет;1993;слесарь;;вторая',
  'Фёдорова;;;female;1955,0;ИСТИНА;1993-07;;;первая',
].join('\r\n');

async function informantProject() {
  const opened = await newProject();
  const { client } = opened;
  const s = await seed(client);
  await client.call('cases.update', { id: s.foreman.id, aliases: ['Петров В. И.'] });
  const define = (name: string, valueType: 'choice' | 'number' | 'boolean' | 'date', choices: string[] | null = null) =>
    client.call('attributes.define', { name, target: 'case', caseTypeId: s.informant.id, valueType, choices });
  const gender = await define('Gender', 'choice', ['female', 'male']);
  const born = await define('Year of birth', 'number');
  const union = await define('Union member', 'boolean');
  const interviewed = await define('Дата интервью', 'date');
  return { ...opened, ...s, gender, born, union, interviewed };
}

describe('importing a case list', () => {
  it('guesses the mapping from Russian headers, previews row by row, and imports the valid rows of a Windows-1251 CSV', async () => {
    const p = await informantProject();
    const { client } = p;
    const stagedId = await stage(client, 'информанты.csv', iconv.encode(INFORMANTS, 'win1251'));
    const table = await client.call('imports.table', { stagedId });
    const attributes = (await client.call('attributes.list', {})).filter((a) => a.caseTypeId === p.informant.id);
    const suggested = suggestMapping(table.headers, attributes, { typeName: 'informant', parentTypeNames: ['region', 'enterprise'] });
    expect(suggested).toEqual({
      name: 0,
      aliases: 1,
      parent: 2,
      description: 8,
      attributes: { [p.gender.id]: 3, [p.born.id]: 4, [p.union.id]: 5, [p.interviewed.id]: 6 },
    });
    const mapping = {
      ...suggested,
      createAttributes: [
        { column: 7, name: 'Должность', valueType: 'text' as const },
        { column: 9, name: 'Смена', valueType: 'choice' as const },
      ],
    };

    const preview = await client.call('cases.previewTable', { stagedId, typeId: p.informant.id, mapping });
    expect(preview.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'create'],
      [3, 'update'],
      [4, 'problem'],
      [5, 'skip'],
      [6, 'skip'],
      [7, 'problem'],
      [8, 'create'],
    ]);
    expect(preview.counts).toEqual({ create: 2, update: 1, unchanged: 0, skip: 2, problem: 2 });
    expect(preview.rows[1]).toMatchObject({ caseId: p.foreman.id, parentId: p.rings.id, changes: ['aliases', 'Gender', 'Year of birth', 'Union member', 'Дата интервью', 'Должность', 'Смена'] });
    expect(preview.rows[2]!.messages).toEqual([
      expect.stringMatching(/“мужской” is not a valid Gender: .*female, male/),
      expect.stringMatching(/“19x5” is not a valid Year of birth/),
      expect.stringMatching(/“весна 1993” is not a valid Дата интервью/),
    ]);
    expect(preview.rows[3]!.messages[0]).toMatch(/No name/);
    expect(preview.rows[4]!.messages[0]).toMatch(/same informant as row 2/);
    expect(preview.rows[5]!.messages[0]).toMatch(/no case called “Завод-призрак”/);
    expect(preview.newAttributes).toEqual([
      { column: 7, name: 'Должность', valueType: 'text', choices: null },
      { column: 9, name: 'Смена', valueType: 'choice', choices: ['первая', 'вторая'] },
    ]);
    // A preview changes nothing.
    expect(await client.call('cases.list', { typeId: p.informant.id })).toHaveLength(1);

    const before = snapshot(p.file);
    const report = await client.call('cases.importTable', { stagedId, typeId: p.informant.id, mapping });
    expect(report).toMatchObject({ created: 2, updated: 1, unchanged: 0, skipped: 2, problemRows: 2, attributesCreated: ['Должность', 'Смена'] });
    expect(report.problems.map((x) => x.row)).toEqual([4, 4, 4, 7]);
    expect(report.skips.map((x) => x.row)).toEqual([5, 6]);

    const all = await client.call('attributes.list', {});
    const post = all.find((a) => a.name === 'Должность')!;
    const shift = all.find((a) => a.name === 'Смена')!;
    expect(shift).toMatchObject({ caseTypeId: p.informant.id, valueType: 'choice', choices: ['первая', 'вторая'] });
    const informants = await client.call('cases.list', { typeId: p.informant.id });
    expect(informants.map((c) => c.name).sort()).toEqual(['Иванова Анна', 'Мастер Петров', 'Фёдорова']);
    const ivanova = informants.find((c) => c.name === 'Иванова Анна')!;
    expect(ivanova).toMatchObject({
      parentId: p.rings.id,
      aliases: ['Аня'],
      description: 'Работает на заводе с 1970 года',
      attributes: { [p.gender.id]: 'female', [p.born.id]: 1948, [p.union.id]: true, [p.interviewed.id]: '1993-06', [post.id]: 'крановщица', [shift.id]: 'первая' },
    });
    const petrov = informants.find((c) => c.id === p.foreman.id)!;
    // Matched by its alias: the name stays, the row's other name is added, the values are set.
    expect(petrov).toMatchObject({
      name: 'Мастер Петров',
      parentId: p.rings.id,
      aliases: ['Петров В. И.', 'Виктор Петров'],
      attributes: { [p.gender.id]: 'male', [p.born.id]: 1941, [p.union.id]: false, [p.interviewed.id]: '1993-06-12', [post.id]: 'мастер', [shift.id]: 'вторая' },
    });
    const fedorova = informants.find((c) => c.name === 'Фёдорова')!;
    expect(fedorova).toMatchObject({ parentId: null, attributes: { [p.born.id]: 1955, [p.union.id]: true, [p.interviewed.id]: '1993-07' } });

    const history = await client.call('history.list', { limit: 1 });
    expect(history[0]!.summary).toBe('Imported informant cases from “информанты.csv”: 2 new, 1 updated');

    // The same list again: everything is there already.
    const again = await client.call('cases.previewTable', { stagedId, typeId: p.informant.id, mapping: suggested });
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, skip: 2, problem: 2 });

    // One undo takes all of it back: new cases, new attributes, changed values.
    await client.call('history.undo', {});
    expect(snapshot(p.file)).toBe(before);
  });

  it('reads a workbook sheet with numbers, dates and yes/no cells, finds parents of the parent type, and skips a row naming a case twice', async () => {
    const p = await newProject();
    const { client } = p;
    const s = await seed(client);
    const staff = await client.call('attributes.define', { name: 'Staff (headcount)', target: 'case', caseTypeId: s.enterprise.id, valueType: 'number' });
    const privatised = await client.call('attributes.define', { name: 'Дата приватизации', target: 'case', caseTypeId: s.enterprise.id, valueType: 'date' });
    const military = await client.call('attributes.define', { name: 'Military-industrial', target: 'case', caseTypeId: s.enterprise.id, valueType: 'boolean' });
    // A second region, for the new enterprise to go inside.
    await client.call('cases.create', { typeId: s.region.id, name: 'Тольятти' });

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Информанты').addRow(['ФИО']);
    const sheet = wb.addWorksheet('Предприятия');
    sheet.addRow(['Название', 'Регион', 'Численность', 'Дата приватизации', 'ВПК']);
    sheet.addRow(['Кольца', 'Самара', 5200, new Date(Date.UTC(1992, 10, 3)), true]);
    sheet.addRow(['Новый завод', 'Тольятти', 830.5, '1994', false]);
    sheet.addRow(['KOL’TSA', 'Самара', 5300, null, null]);
    sheet.addRow(['Третий', 'Нижний', 'много', null, 'может быть']);
    const stagedId = await stage(client, 'предприятия.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));

    const table = await client.call('imports.table', { stagedId, sheet: 'Предприятия' });
    expect(table.sheetNames).toEqual(['Информанты', 'Предприятия']);
    const attributes = (await client.call('attributes.list', {})).filter((a) => a.caseTypeId === s.enterprise.id);
    const mapping = suggestMapping(table.headers, attributes, { typeName: 'enterprise', parentTypeNames: ['region'] });
    expect(mapping).toEqual({ name: 0, parent: 1, attributes: { [staff.id]: 2, [privatised.id]: 3, [military.id]: 4 } });

    const report = await client.call('cases.importTable', { stagedId, sheet: 'Предприятия', typeId: s.enterprise.id, mapping });
    expect(report).toMatchObject({ created: 1, updated: 1, skipped: 1, problemRows: 1 });
    expect(report.skips).toEqual([{ row: 4, message: expect.stringMatching(/same enterprise as row 2/) }]);
    expect(report.problems).toEqual([
      { row: 5, message: expect.stringMatching(/no case called “Нижний”/) },
      { row: 5, message: expect.stringMatching(/“много” is not a valid Staff \(headcount\)/) },
      { row: 5, message: expect.stringMatching(/“может быть” is not a valid Military-industrial/) },
    ]);
    const enterprises = await client.call('cases.list', { typeId: s.enterprise.id });
    const rings = enterprises.find((c) => c.id === s.rings.id)!;
    expect(rings.attributes).toMatchObject({ [staff.id]: 5200, [privatised.id]: '1992-11-03', [military.id]: true, [s.industry.id]: 'machine-building' });
    const tolyatti = (await client.call('cases.list', { typeId: s.region.id })).find((c) => c.name === 'Тольятти')!;
    expect(enterprises.find((c) => c.name === 'Новый завод')).toMatchObject({ parentId: tolyatti.id, attributes: { [staff.id]: 830.5, [privatised.id]: '1994', [military.id]: false } });
  });

  it('refuses a mapping that does not fit the sheet or the type', async () => {
    const p = await informantProject();
    const { client } = p;
    const stagedId = await stage(client, 'list.csv', Buffer.from('Name;Gender\nAnna;female\n'));
    const input = { stagedId, typeId: p.informant.id };
    await expect(client.call('cases.previewTable', { ...input, mapping: { name: 5, attributes: {} } })).rejects.toThrow(/Column 6 is not in this sheet: it has 2 columns/);
    await expect(client.call('cases.previewTable', { ...input, mapping: { name: 0, attributes: { [p.industry.id]: 1 } } })).rejects.toThrow(/“industry” is not an attribute of informant cases/);
    await expect(client.call('cases.previewTable', { ...input, mapping: { name: 0, attributes: {}, createAttributes: [{ column: 1, name: 'gender', valueType: 'text' }] } })).rejects.toThrow(
      /already have an attribute called “gender”/,
    );
    // Nothing to write is no operation at all.
    const report = await client.call('cases.importTable', { ...input, mapping: { name: 0, attributes: { [p.gender.id]: 1 } } });
    expect(report.created).toBe(1);
    const noop = await client.call('cases.importTable', { ...input, mapping: { name: 0, attributes: { [p.gender.id]: 1 } } });
    expect(noop).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await client.call('history.list', { limit: 1 }))[0]!.summary).toMatch(/1 new/);
  });
});
