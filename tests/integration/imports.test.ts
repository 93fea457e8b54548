import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { newProject } from './support';
import type { QuireClient } from '../../src-shared/contract';
import { CP1251_INTERVIEW, DOCX_HEADING, INFORMANTS } from '../../fixtures/import/texts';
import { fixture } from '../unit/import/helpers/fixtures';

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

async function enterprise(client: QuireClient) {
  const types = await Promise.all([client.call('caseTypes.create', { name: 'Enterprise' }), client.call('caseTypes.create', { name: 'Informant' })]);
  const rings = await client.call('cases.create', { typeId: types[0].id, name: 'Кольца', aliases: ['Rings'] });
  const ivanov = await client.call('cases.create', { typeId: types[1].id, name: 'Иванов', aliases: ['Р'] });
  return { rings, ivanov };
}

describe('importing files', () => {
  it('reads a Windows-1251 transcript, proposes details from the file name, imports it with its original', async () => {
    const { client } = await newProject();
    const { rings, ivanov } = await enterprise(client);
    const transcript = fixture('interview-cp1251.txt').bytes;
    const staged = await client.call('imports.stage', { fileName: 'Кольца_1993-06_интервью_Иванов.txt', data: base64(transcript) });
    if (!staged.ok) throw new Error(staged.reason);
    expect(staged.encoding).toMatchObject({ name: 'windows-1251', detected: true });
    expect(staged).toMatchObject({ format: 'text', turns: 6, paragraphs: 1, directions: 0 });
    expect(staged.speakers).toEqual([
      { label: 'И', turns: 3, caseId: null },
      { label: 'Р', turns: 3, caseId: ivanov.id },
    ]);

    const [suggestion] = await client.call('imports.suggest', { stagedIds: [staged.stagedId], pattern: '{enterprise}_{date}_{kind}_{informant}' });
    expect(suggestion).toMatchObject({ kind: 'interview', language: 'ru', caseIds: [rings.id, ivanov.id], speakers: { Р: ivanov.id }, problems: [] });
    expect(suggestion!.date).toMatchObject({ start: '1993-06-01', precision: 'month' });

    const report = await client.call('imports.commit', { items: [suggestion!] });
    expect(report.skipped).toEqual([]);
    expect(report.imported[0]).toMatchObject({ fileName: 'Кольца_1993-06_интервью_Иванов.txt', encoding: 'windows-1251', turns: 6 });
    const detail = await client.call('documents.get', { id: report.imported[0]!.documentId });
    expect(detail.text).toBe(CP1251_INTERVIEW);
    expect(detail.speakers).toContainEqual({ speaker: 'Р', caseId: ivanov.id });
    const asides = detail.segments.flatMap((s) => s.asides).map((a) => detail.text.slice(a.start, a.end));
    expect(asides).toEqual(['(смеётся)', '[неразборчиво]']);

    const original = await client.call('documents.original', { documentId: detail.id });
    expect(Buffer.from(original!.data, 'base64').equals(transcript)).toBe(true);
    expect(original!.options.encoding).toBe('windows-1251');
  });

  it('imports the meeting record with its role-labelled turns, stage directions and asides', async () => {
    const { client } = await newProject();
    const staged = await client.call('imports.stage', { fileName: 'meeting-record.txt', data: base64(fixture('meeting-record.txt').bytes) });
    if (!staged.ok) throw new Error(staged.reason);
    expect(staged).toMatchObject({ format: 'text', turns: 6, directions: 2, paragraphs: 3 });
    expect(staged.speakers.map((s) => [s.label, s.turns])).toEqual([
      ['Председатель', 2],
      ['Директор', 1],
      ['Из зала', 1],
      ['Начальник ОТК', 1],
      ['Работница', 1],
    ]);
    const [item] = await client.call('imports.suggest', { stagedIds: [staged.stagedId], defaults: { kind: 'meeting_record' } });
    const { imported } = await client.call('imports.commit', { items: [item!] });
    const detail = await client.call('documents.get', { id: imported[0]!.documentId });
    expect(detail.segments.filter((s) => s.kind === 'direction').map((s) => detail.text.slice(s.start, s.end))).toEqual(['(Шум в зале.)', '(Сильный шум.)']);
    expect(detail.segments.flatMap((s) => s.asides).map((a) => detail.text.slice(a.start, a.end))).toEqual(['(показывая прошлый договор)', '[Далее неразборчиво, говорят несколько человек.]', '(плачет)']);
  });

  it('imports a batch as one undoable operation, skips what cannot be read, and keeps originals over undo and redo', async () => {
    const { client } = await newProject();
    const docx = fixture('interview-table-footnotes.docx').bytes;
    const good = await client.call('imports.stage', { fileName: 'report.docx', data: base64(docx) });
    const note = await client.call('imports.stage', { fileName: 'note.md', data: base64(fixture('fieldnote.md').bytes) });
    const broken = await client.call('imports.stage', { fileName: 'broken.docx', data: base64(Buffer.from('PK\u0003\u0004 not really a zip')) });
    expect(broken).toMatchObject({ ok: false, fileName: 'broken.docx' });
    if (!good.ok || !note.ok) throw new Error('staging failed');
    expect(good.excerpt.split('\n')[0]).toBe(DOCX_HEADING);
    expect(good).toMatchObject({ turns: 6, warnings: [expect.stringContaining('2 footnotes')] });
    expect(note.excerpt.startsWith('Полевой дневник, 15 июня 1993 г.\n\nЗавод «Кольца»')).toBe(true);
    expect(note).toMatchObject({ format: 'markdown', turns: 5, speakers: [] });

    const suggestions = await client.call('imports.suggest', { stagedIds: [good.stagedId, note.stagedId], defaults: { kind: 'enterprise_report' } });
    const report = await client.call('imports.commit', { items: suggestions });
    expect(report.imported.map((d) => d.format)).toEqual(['docx', 'markdown']);
    expect((await client.call('documents.list', {})).length).toBe(2);

    await client.call('history.undo', {});
    expect((await client.call('documents.list', {})).length).toBe(0);
    await client.call('history.redo', {});
    const documents = await client.call('documents.list', {});
    expect(documents.length).toBe(2);
    const original = await client.call('documents.original', { documentId: documents.find((d) => d.sourceFileName === 'report.docx')!.id });
    expect(Buffer.from(original!.data, 'base64').equals(Buffer.from(docx))).toBe(true);

    // All or nothing: an unreadable file in the batch keeps every file out.
    const again = await client.call('imports.stage', { fileName: 'again.md', data: base64(Buffer.from('Ещё одна заметка.')) });
    const other = await client.call('imports.stage', { fileName: 'other.txt', data: base64(Buffer.from('Записка мастера.')) });
    if (!again.ok || !other.ok) throw new Error('staging failed');
    const [first, second] = await client.call('imports.suggest', { stagedIds: [again.stagedId, other.stagedId] });
    const batch = [first!, { ...second!, encoding: 'martian-7' }];
    await expect(client.call('imports.commit', { items: batch, allOrNothing: true })).rejects.toThrow(/Nothing was imported[^]*other\.txt/);
    expect((await client.call('documents.list', {})).length).toBe(2);
    expect((await client.call('imports.commit', { items: batch })).skipped).toEqual([{ fileName: 'other.txt', reason: expect.stringContaining('martian-7') }]);
    await client.call('history.undo', {});

    // Deleting the document takes its original link along, and undo brings both back.
    const id = documents[0]!.id;
    await client.call('documents.delete', { id });
    expect(await client.call('documents.original', { documentId: id })).toBeNull();
    await client.call('history.undo', {});
    expect(await client.call('documents.original', { documentId: id })).not.toBeNull();
  });

  it('lets the researcher override the encoding and the clean-up, and explains bad patterns and manifests', async () => {
    const { client } = await newProject();
    const wrapped = 'Мастер цеха сказал, что премию в этом месяце не дадут никому из тех, кто произ-\nводственное задание не выполнил.';
    const staged = await client.call('imports.stage', { fileName: 'scan.txt', data: base64(iconv.encode(wrapped, 'koi8-r')) });
    if (!staged.ok) throw new Error(staged.reason);
    expect(staged.suggestedCleanup.joinHyphenation).toBe(true);
    expect(staged.excerpt).toContain('производственное');

    const raw = await client.call('imports.preview', { stagedId: staged.stagedId, cleanup: {} });
    expect(raw.excerpt).toContain('произ-\nводственное');
    const misread = await client.call('imports.preview', { stagedId: staged.stagedId, encoding: 'windows-1251' });
    expect(misread.encoding).toMatchObject({ name: 'windows-1251', detected: false });
    expect(misread.excerpt).not.toContain('Мастер');
    await expect(client.call('imports.preview', { stagedId: staged.stagedId, encoding: 'martian-7' })).rejects.toThrow(/martian-7/);

    await expect(client.call('imports.suggest', { stagedIds: [staged.stagedId], pattern: '{date}{kind}' })).rejects.toThrow(/nothing between/);
    const [unmatched] = await client.call('imports.suggest', { stagedIds: [staged.stagedId], pattern: '{enterprise}_{date}' });
    expect(unmatched!.problems[0]).toMatch(/does not fit the pattern/);

    const manifest = await client.call('imports.stage', { fileName: 'manifest.csv', data: base64(Buffer.from('файл;название;дата;вид;цех\nscan.txt;Собрание в цехе;12.06.93;собрание;литейный\n')) });
    if (!manifest.ok) throw new Error(manifest.reason);
    const [fromManifest] = await client.call('imports.suggest', { stagedIds: [staged.stagedId], manifestId: manifest.stagedId });
    expect(fromManifest).toMatchObject({ title: 'Собрание в цехе', kind: 'meeting_record', date: { start: '1993-06-12', precision: 'day' } });
    expect(fromManifest!.problems).toEqual([expect.stringMatching(/“цех” is neither a document detail/)]);

    await client.call('imports.discard', { stagedIds: [staged.stagedId] });
    await expect(client.call('imports.preview', { stagedId: staged.stagedId })).rejects.toThrow(/no longer waiting/);
  });
});

describe('reading an imported document again', () => {
  it('undoes a clean-up after import as a new revision, keeping codings on their words', async () => {
    const { client } = await newProject();
    const text = 'Р: Мастер сказал, что премию в этом месяце не дадут никому из тех, кто произ-\nводственное задание не выполнил. А потом добавил, что и тринадцатой зарплаты не будет.';
    const staged = await client.call('imports.stage', { fileName: 'scan.txt', data: base64(Buffer.from(text)) });
    if (!staged.ok) throw new Error(staged.reason);
    const [item] = await client.call('imports.suggest', { stagedIds: [staged.stagedId] });
    const { imported } = await client.call('imports.commit', { items: [{ ...item!, cleanup: { joinHyphenation: true } }] });
    const id = imported[0]!.documentId;
    const before = await client.call('documents.get', { id });
    expect(before.text).toContain('производственное');
    const code = await client.call('codes.create', { name: 'Bonus withheld' });
    const start = before.text.indexOf('тринадцатой');
    await client.call('codings.apply', { documentId: id, codeId: code.id, start, end: start + 'тринадцатой зарплаты'.length });

    const reread = await client.call('documents.reread', { documentId: id, cleanup: {} });
    expect(reread.codings).toMatchObject({ moved: 1, needsReview: 0 });
    const after = await client.call('documents.get', { id });
    expect(after.text).toContain('произ-\nводственное');
    expect(after.revisionNumber).toBe(2);
    expect(after.text.slice(after.codings[0]!.start, after.codings[0]!.end)).toBe('тринадцатой зарплаты');
    expect((await client.call('documents.original', { documentId: id }))!.options.cleanup).toEqual({});

    await client.call('history.undo', {});
    expect((await client.call('documents.get', { id })).text).toBe(before.text);
    const typed = await client.call('documents.create', { title: 'Typed', text: 'Набрано вручную.' });
    await expect(client.call('documents.reread', { documentId: typed.id })).rejects.toThrow(/not imported from a file/);
  });
});

describe('staging a spreadsheet', () => {
  it('reads it as a table (a case list or manifest), not as a document', async () => {
    const { client } = await newProject();
    for (const fileName of ['informants.csv', 'informants.xlsx']) {
      const staged = await client.call('imports.stage', { fileName, data: base64(fixture(fileName).bytes) });
      expect(staged, fileName).toMatchObject({ ok: true, format: 'table', paragraphs: INFORMANTS.length - 1 });
      const table = await client.call('imports.table', { stagedId: staged.stagedId! });
      expect(table.headers).toEqual(INFORMANTS[0]);
      expect(table.rows).toEqual(INFORMANTS.slice(1));
    }
  });
});
