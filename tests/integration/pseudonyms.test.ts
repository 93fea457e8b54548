import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { newProject, seed, snapshot } from './support';

describe('pseudonym registry', () => {
  it('adds, lists, updates and removes entries, each one undoable', async () => {
    const { client, file } = await newProject();
    const s = await seed(client);
    const before = snapshot(file);
    const ivanov = await client.call('pseudonyms.add', { realName: 'Иванов', pseudonym: 'Петров', aliases: ['Ivanov', 'И. Иванов', 'Ivanov'], caseId: s.foreman.id });
    expect(ivanov).toMatchObject({ kind: 'person', realName: 'Иванов', aliases: ['Ivanov', 'И. Иванов'], caseName: 'Мастер Петров' });
    const rings = await client.call('pseudonyms.add', { kind: 'enterprise', realName: 'Кольца', pseudonym: 'Искра' });
    expect((await client.call('pseudonyms.list', {})).map((e) => e.realName)).toEqual(['Иванов', 'Кольца']);

    const changed = await client.call('pseudonyms.update', { id: rings.id, pseudonym: 'Маяк', aliases: ['Rings'] });
    expect(changed).toMatchObject({ pseudonym: 'Маяк', aliases: ['Rings'], kind: 'enterprise' });
    await client.call('pseudonyms.remove', { id: ivanov.id });
    expect((await client.call('pseudonyms.list', {})).map((e) => e.pseudonym)).toEqual(['Маяк']);

    const { entry } = await client.call('history.undo', {});
    expect(entry.summary).toBe('Removed the pseudonym Петров for Иванов');
    expect((await client.call('pseudonyms.list', {})).map((e) => e.pseudonym)).toEqual(['Петров', 'Маяк']);
    await client.call('history.undo', {});
    expect((await client.call('pseudonyms.list', {})).find((e) => e.id === rings.id)?.pseudonym).toBe('Искра');
    await client.call('history.undo', {});
    await client.call('history.undo', {});
    expect(snapshot(file)).toBe(before);
  });

  it('refuses collisions and empty names with clear messages', async () => {
    const { client } = await newProject();
    await client.call('pseudonyms.add', { realName: 'Иванов', pseudonym: 'Петров', aliases: ['Ivanov'] });
    const refused = (input: Parameters<typeof client.call<'pseudonyms.add'>>[1]) => expect(client.call('pseudonyms.add', input)).rejects;

    await refused({ realName: 'иванов', pseudonym: 'Сидоров' }).toMatchObject({ code: 'conflict', message: expect.stringContaining('already registered') });
    await refused({ realName: 'Смирнов', pseudonym: 'Орлов', aliases: ['IVANOV'] }).toMatchObject({ code: 'conflict' });
    await refused({ realName: 'Смирнов', pseudonym: 'Иванова' }).toMatchObject({ code: 'conflict', message: expect.stringContaining('form of the real name Иванов') });
    await refused({ realName: 'Смирнов', pseudonym: 'Петров' }).toMatchObject({ code: 'conflict', message: expect.stringContaining('already the pseudonym') });
    await refused({ realName: 'Петрова', pseudonym: 'Орлова' }).toMatchObject({ code: 'conflict', message: expect.stringContaining('pseudonym of Иванов') });
    await refused({ realName: 'Смирнов', pseudonym: 'Смирнову' }).toMatchObject({ code: 'conflict' });
    await refused({ realName: '  ', pseudonym: 'Орлов' }).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('The real name cannot be empty') });
    await refused({ realName: 'Смирнов', pseudonym: '' }).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('The pseudonym cannot be empty') });
    await refused({ realName: 'Смирнов', pseudonym: 'Орлов', caseId: '0190a000-0000-7000-8000-000000000000' }).toMatchObject({ code: 'not_found' });
    expect(await client.call('pseudonyms.list', {})).toHaveLength(1);
  });

  it('checks an update against the other entries only', async () => {
    const { client } = await newProject();
    const a = await client.call('pseudonyms.add', { realName: 'Иванов', pseudonym: 'Петров' });
    await client.call('pseudonyms.add', { realName: 'Смирнов', pseudonym: 'Орлов' });
    expect((await client.call('pseudonyms.update', { id: a.id, aliases: ['Iwanow'] })).aliases).toEqual(['Iwanow']);
    await expect(client.call('pseudonyms.update', { id: a.id, realName: 'Смирнов' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(client.call('pseudonyms.update', { id: '0190a000-0000-7000-8000-000000000000', pseudonym: 'Орлов' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps an entry when its linked case is deleted, showing no case until the deletion is undone', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const entry = await client.call('pseudonyms.add', { kind: 'enterprise', realName: 'Шахта', pseudonym: 'Рудник', caseId: s.mine.id });
    await client.call('cases.delete', { id: s.mine.id });
    expect((await client.call('pseudonyms.list', {}))[0]).toMatchObject({ id: entry.id, caseId: s.mine.id, caseName: null });
    await client.call('history.undo', {});
    expect((await client.call('pseudonyms.list', {}))[0]?.caseName).toBe('Шахта');
  });
});

describe('leak check', () => {
  it('reports every inflected form with its line, and nothing in a clean text', async () => {
    const { client } = await newProject();
    await client.call('pseudonyms.add', { realName: 'Иванов', pseudonym: 'Петров', aliases: ['Ivanov'] });
    const report = await client.call('pseudonyms.checkText', { text: 'Начальник цеха.\nМы говорили с Ивановой и Ivanov.\nИвановка — деревня.' });
    expect(report.clean).toBe(false);
    expect(report.hits.map((h) => [h.line, h.text, h.realName])).toEqual([
      [2, 'Ивановой', 'Иванов'],
      [2, 'Ivanov', 'Иванов'],
    ]);
    expect(report.hits[0]!.context).toBe('Мы говорили с Ивановой и Ivanov.');
    expect((await client.call('pseudonyms.checkText', { text: 'Мы говорили с Петровой.' })).clean).toBe(true);
  });

  it('reads the text of a spreadsheet, every sheet', async () => {
    const { client } = await newProject();
    await client.call('pseudonyms.add', { kind: 'enterprise', realName: 'Кольца', pseudonym: 'Искра' });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('excerpts').addRows([['quote', 'citation'], ['Работа', '(foreman, Искра, 1993)']]);
    book.addWorksheet('notes').addRows([['note'], ['директор «Колец»']]);
    const data = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const report = await client.call('pseudonyms.checkFile', { fileName: 'extracts.xlsx', data });
    expect(report.hits.map((h) => h.text)).toEqual(['Колец']);
  });

  it('says so when a file cannot be read', async () => {
    const { client } = await newProject();
    await expect(client.call('pseudonyms.checkFile', { fileName: 'photo.docx', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64') })).rejects.toMatchObject({
      message: expect.stringContaining('photo.docx'),
    });
  });
});
