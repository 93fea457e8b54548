import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { QuireClient } from '../../src-shared/contract';
import { produce } from '../../src-main/core/export/output';
import { newProject, seed, snapshot, tempFolder } from './support';

/** The seed interview (the foreman of Кольца, role "foreman"), a field note from the mine, codings and a memo. */
async function project(client: QuireClient) {
  const s = await seed(client);
  const role = await client.call('attributes.define', { name: 'Role', target: 'case', caseTypeId: s.informant.id, valueType: 'text' });
  await client.call('cases.update', { id: s.foreman.id, attributes: { [role.id]: 'foreman' } });
  const noteText = 'Директор шахты обещал путёвки. Мастер молчал.';
  const note = await client.call('documents.create', { title: 'Заметка о шахте', kind: 'field_note', date: '1992-10', text: noteText, caseIds: [s.mine.id] });
  const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const apply = (documentId: string, codeId: string, r: { start: number; end: number }) => client.call('codings.apply', { documentId, codeId, ...r });
  const dependence = await apply(s.interview.id, s.type2.id, at(s.text, 'Мастер даёт выгодную работу своим'));
  const father = await apply(s.interview.id, s.paternalism.id, at(s.text, 'Директор у нас как отец родной'));
  const promised = await apply(note.id, s.paternalism.id, at(noteText, 'обещал путёвки'));
  await client.call('memos.create', { targetType: 'coding', targetId: father.id, text: 'The classic <paternalist> image & its irony' });
  return { ...s, note, dependence, father, promised, role };
}

const docxText = async (data: Buffer): Promise<string> => (await mammoth.extractRawText({ buffer: data })).value;
const bytes = (file: { data: string | null }): Buffer => Buffer.from(file.data!, 'base64');

describe('export.extracts', () => {
  it('writes a DOCX per code with citations, memo and context; read back with mammoth', async () => {
    const { client } = await newProject();
    const p = await project(client);
    const file = await client.call('export.extracts', { query: { codeIds: [p.paternalism.id, p.type2.id] }, format: 'docx', context: true });
    expect(file.fileName).toBe('quire-coded-extracts-paternalism-informal-relations-type-2-personal-dependence.docx');
    expect(file.items).toBe(3);
    const html = (await mammoth.convertToHtml({ buffer: bytes(file) })).value;
    expect(html).toMatch(/<h1>Informal relations › Type 2: personal dependence<\/h1>.*<h1>Paternalism<\/h1>/s);
    const text = await docxText(bytes(file));
    expect(text).toContain('Директор у нас как отец родной');
    expect(text).toContain('(interview with a foreman, Кольца, June 1993)');
    expect(text).toContain('(field notes, Шахта, October 1992)');
    expect(text).toContain('Memo: The classic <paternalist> image & its irony');
    expect(text).toContain('Coder: Ирина Соколова');
    // Context: the words before the director passage.
    expect(text).toMatch(/….*Это у нас все знают\./);
    // Reading order inside a group: the 1992 note before the 1993 interview.
    const paternalism = text.slice(text.lastIndexOf('Paternalism'));
    expect(paternalism.indexOf('обещал путёвки')).toBeLessThan(paternalism.indexOf('Директор у нас'));
  });

  it('writes a tidy CSV (BOM, Cyrillic) and an XLSX with every case attribute, one row per excerpt', async () => {
    const { client } = await newProject();
    const p = await project(client);
    const csv = bytes(await client.call('export.extracts', { query: { codeIds: [p.paternalism.id] }, format: 'csv', grouping: 'none', language: 'ru' }));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      Ссылка: '(интервью с мастером, Кольца, июнь 1993 г.)',
      Фрагмент: 'Директор у нас как отец родной',
      Случай: 'Мастер Петров',
      Role: 'foreman',
      industry: 'machine-building',
      Заметка: 'The classic <paternalist> image & its irony',
      'Дата документа': 'июнь 1993 г.',
    });
    expect(rows[0]).toMatchObject({ Фрагмент: 'обещал путёвки', industry: 'mining', Role: '' });

    const xlsx = bytes(await client.call('export.extracts', { query: { codeIds: [p.paternalism.id] }, format: 'xlsx', grouping: 'document' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, name: string): unknown => sheet.getRow(row).getCell(header.indexOf(name) + 1).value;
    expect(sheet.rowCount).toBe(3);
    expect(cell(2, 'Group')).toBe('Заметка о шахте');
    expect(cell(3, 'Group')).toBe('Интервью с мастером, Кольца');
    expect(cell(3, 'Citation')).toBe('(interview with a foreman, Кольца, June 1993)');
    expect(cell(3, 'Role')).toBe('foreman');
  });

  it('groups by case, keeps only a selection, and writes Markdown and HTML', async () => {
    const { client } = await newProject();
    const p = await project(client);
    const preview = await client.call('export.preview', { query: { codeIds: [p.paternalism.id, p.type2.id] }, grouping: 'case' });
    expect(preview.total).toBe(3);
    expect(preview.groups.map((g) => [g.heading, g.excerpts.length])).toEqual([
      ['Мастер Петров', 2],
      ['No case', 1],
    ]);
    const selected = await client.call('export.preview', { query: { codeIds: [p.paternalism.id, p.type2.id] }, grouping: 'none', codingIds: [p.father.id] });
    expect(selected.groups.flatMap((g) => g.excerpts.map((e) => e.text))).toEqual(['Директор у нас как отец родной']);
    const limited = await client.call('export.preview', { query: { codeIds: [p.paternalism.id] }, limit: 1 });
    expect(limited.total).toBe(2);
    expect(limited.groups.flatMap((g) => g.excerpts)).toHaveLength(1);

    const md = bytes(await client.call('export.extracts', { query: { codeIds: [p.paternalism.id] }, format: 'md' })).toString('utf8');
    expect(md).toContain('## Paternalism');
    expect(md).toContain('> Директор у нас как отец родной');
    expect(md).toContain('**Memo:** The classic \\<paternalist\\> image & its irony');
    const html = bytes(await client.call('export.extracts', { query: { codeIds: [p.paternalism.id] }, format: 'html' })).toString('utf8');
    expect(html).toContain('The classic &#60;paternalist&#62; image &#38; its irony');
  });

  it('writes in place atomically; a path that cannot be written gives a clear error and leaves nothing', async () => {
    const { client } = await newProject();
    const p = await project(client);
    const folder = tempFolder();
    const target = path.join(folder, 'Патернализм.docx');
    const written = await client.call('export.extracts', { query: { codeIds: [p.paternalism.id] }, format: 'docx', path: target });
    expect(written).toMatchObject({ path: target, data: null, items: 2 });
    expect(fs.statSync(target).size).toBe(written.bytes);
    expect(await docxText(fs.readFileSync(target))).toContain('обещал путёвки');
    expect(fs.readdirSync(folder)).toEqual(['Патернализм.docx']);

    const missing = path.join(folder, 'no such folder', 'out.csv');
    await expect(client.call('export.extracts', { query: { codeIds: [p.paternalism.id] }, format: 'csv', path: missing })).rejects.toMatchObject({
      code: 'file_error',
      message: expect.stringContaining('the folder does not exist'),
    });
    await expect(client.call('export.extracts', { query: { codeIds: [p.paternalism.id] }, format: 'csv', path: folder })).rejects.toMatchObject({ code: 'file_error', message: expect.stringContaining('it is a folder') });
    expect(fs.readdirSync(folder)).toEqual(['Патернализм.docx']);
  });

  it('leaves no partial file, and the older file intact, when writing fails half-way', async () => {
    const folder = tempFolder();
    const target = path.join(folder, 'extracts.csv');
    fs.writeFileSync(target, 'the older export');
    await expect(
      produce(target, async (out) => {
        out.write('a first part');
        throw new Error('the disk went away');
      }),
    ).rejects.toThrow('the disk went away');
    expect(fs.readdirSync(folder)).toEqual(['extracts.csv']);
    expect(fs.readFileSync(target, 'utf8')).toBe('the older export');
  });

  it('refuses an export with neither a query nor a draft', async () => {
    const { client } = await newProject();
    await expect(client.call('export.extracts', { format: 'csv' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Choose the excerpts to export') });
  });
});

describe('quote bank', () => {
  it('marks excerpts used in a draft, lists where each is used and a draft’s quotes, exports them; undoable', async () => {
    const { client, file } = await newProject();
    const p = await project(client);
    const before = snapshot(file);
    expect(await client.call('quoteBank.mark', { draft: 'Chapter 3', codingIds: [p.father.id, p.promised.id] })).toEqual({ marked: 2 });
    expect(await client.call('quoteBank.mark', { draft: 'chapter 3', codingIds: [p.father.id] })).toEqual({ marked: 0 });
    await client.call('quoteBank.mark', { draft: 'ASA paper', codingIds: [p.father.id] });
    expect(await client.call('quoteBank.uses', { codingIds: [p.father.id, p.promised.id, p.dependence.id] })).toEqual({
      [p.father.id]: ['ASA paper', 'Chapter 3'],
      [p.promised.id]: ['Chapter 3'],
    });
    expect((await client.call('quoteBank.drafts', {})).map((d) => [d.name, d.quotes])).toEqual([
      ['ASA paper', 1],
      ['Chapter 3', 2],
    ]);
    expect((await client.call('quoteBank.list', { draft: 'CHAPTER 3' })).map((q) => [q.quote, q.codeName, q.documentTitle])).toEqual([
      ['обещал путёвки', 'Paternalism', 'Заметка о шахте'],
      ['Директор у нас как отец родной', 'Paternalism', 'Интервью с мастером, Кольца'],
    ]);
    const exported = await client.call('export.extracts', { draft: 'Chapter 3', format: 'docx', grouping: 'none' });
    expect(exported.items).toBe(2);
    const text = await docxText(bytes(exported));
    expect(text.startsWith('Chapter 3\n')).toBe(true);
    expect(text).toContain('обещал путёвки');
    expect(text).not.toContain('Мастер даёт');
    await expect(client.call('export.extracts', { draft: 'Nothing yet', format: 'csv' })).rejects.toMatchObject({ code: 'not_found' });

    expect(await client.call('quoteBank.unmark', { draft: 'ASA paper', codingIds: [p.father.id] })).toEqual({ unmarked: 1 });
    expect(await client.call('quoteBank.uses', { codingIds: [p.father.id] })).toEqual({ [p.father.id]: ['Chapter 3'] });
    await client.call('history.undo', {});
    expect(await client.call('quoteBank.uses', { codingIds: [p.father.id] })).toEqual({ [p.father.id]: ['ASA paper', 'Chapter 3'] });
    // Marking what was already marked changed nothing, so left nothing to undo: two marks remain.
    for (let i = 0; i < 2; i++) await client.call('history.undo', {});
    expect(snapshot(file)).toBe(before);
  });
});

describe('export.codebook', () => {
  it('writes the methods appendix (definitions, criteria, examples, counts, history) as DOCX, Markdown and CSV', async () => {
    const { client } = await newProject();
    const p = await project(client);
    await client.call('codes.update', { id: p.paternalism.id, definition: 'The enterprise as a family; the director as its father.', inclusion: 'Benefits given by the director.', example: 'Директор у нас как отец родной\nквартиры даёт' });
    const docx = await docxText(bytes(await client.call('export.codebook', { format: 'docx' })));
    expect(docx).toContain('Codebook');
    expect(docx).toContain('Paternalism');
    expect(docx).toContain('Definition. The enterprise as a family; the director as its father.');
    expect(docx).toContain('When to use. Benefits given by the director.');
    expect(docx).toContain('2 codings in 2 documents');
    expect(docx).toContain('Created the code "Paternalism"');
    expect(docx).toContain('Edited the code "Paternalism"');
    expect(docx).toContain('Informal relations › Type 2: personal dependence');

    const md = bytes(await client.call('export.codebook', { format: 'md', language: 'ru' })).toString('utf8');
    expect(md).toContain('# Кодовая книга');
    expect(md).toContain('### Informal relations › Type 2: personal dependence');
    expect(md).toContain('*2 кодировки в 2 документах*');

    const csv = bytes(await client.call('export.codebook', { format: 'csv' })).toString('utf8');
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.path, r.codings, r.documents])).toEqual([
      ['Informal relations', '0', '0'],
      ['Informal relations › Type 2: personal dependence', '1', '1'],
      ['Paternalism', '2', '2'],
    ]);
    expect(rows[2]!.definition).toBe('The enterprise as a family; the director as its father.');
    // A line break inside a field is quoted, so readers that split records at any line break (pandas, R) keep it in its field.
    expect(rows[2]!.example).toBe('Директор у нас как отец родной\nквартиры даёт');
    expect(csv).toContain('"Директор у нас как отец родной\nквартиры даёт"');
    // The CSV reads back in as a codebook.
    const again = await newProject();
    expect(await again.client.call('codebook.importCsv', { csv: csv.slice(1) })).toEqual({ created: 3, updated: 0 });
  });
});
