import { describe, expect, it } from 'vitest';
import { newProject } from './support';

const NOTE = ['Полевая заметка', 'Дата: 12 мая 1993 г.', 'Предприятие: кольца', 'Место: цех №3', 'Что произошло', 'Мастер раздаёт сверхурочные «своим».'].join('\n');

describe('a field note written in Quire', () => {
  it('is read back by memos.get, and null once gone', async () => {
    const { client } = await newProject();
    const memo = await client.call('memos.create', { targetType: 'project', title: 'Заметка', text: NOTE });
    expect((await client.call('memos.get', { id: memo.id }))?.text).toBe(NOTE);
    await client.call('memos.delete', { id: memo.id });
    expect(await client.call('memos.get', { id: memo.id })).toBeNull();
  });

  it('becomes a codable document with its labelled lines as metadata, in one undoable operation', async () => {
    const { client } = await newProject();
    const type = await client.call('caseTypes.create', { name: 'Enterprise' });
    const rings = await client.call('cases.create', { typeId: type.id, name: 'Кольца', aliases: ['Rings'] });
    const memo = await client.call('memos.create', { targetType: 'project', title: 'Полевая заметка, 12 мая', text: NOTE });

    const doc = await client.call('memos.toDocument', { id: memo.id, kind: 'field_note' });
    expect(doc).toMatchObject({ title: 'Полевая заметка, 12 мая', kind: 'field_note', language: 'ru', caseIds: [rings.id] });
    expect(doc.date).toEqual({ start: '1993-05-12', end: '1993-05-12', precision: 'day' });
    expect(await client.call('memos.get', { id: memo.id })).toBeNull();

    // Codable, and a later edit re-anchors the coding like any transcript's.
    const detail = await client.call('documents.get', { id: doc.id });
    const code = await client.call('codes.create', { name: 'Overtime favouritism' });
    const start = detail.text.indexOf('раздаёт');
    await client.call('codings.apply', { documentId: doc.id, codeId: code.id, start, end: start + 'раздаёт сверхурочные'.length });
    const revised = await client.call('documents.revise', { id: doc.id, text: detail.text.replace('Мастер', 'Старший мастер') });
    expect(revised.codings).toMatchObject({ moved: 1, needsReview: 0 });

    await client.call('history.undo', {}); // the revision
    await client.call('history.undo', {}); // the coding
    await client.call('history.undo', {}); // the new code
    await client.call('history.undo', {}); // the note made a document
    expect((await client.call('documents.list', {})).map((d) => d.id)).not.toContain(doc.id);
    expect((await client.call('memos.get', { id: memo.id }))?.text).toBe(NOTE);
  });

  it('takes a quarter from a report’s period and refuses an empty note', async () => {
    const { client } = await newProject();
    const report = await client.call('memos.create', { targetType: 'project', title: '', text: 'Quarterly enterprise report\nEnterprise: Unknown works\nPeriod: Q2 1993\nOutput and plan\nThe plan was met.' });
    const doc = await client.call('memos.toDocument', { id: report.id, kind: 'enterprise_report' });
    expect(doc).toMatchObject({ title: 'Quarterly enterprise report', language: 'en', caseIds: [] });
    expect(doc.date).toEqual({ start: '1993-04-01', end: '1993-06-30', precision: 'quarter' });

    const empty = await client.call('memos.create', { targetType: 'project', title: 'Empty' });
    await expect(client.call('memos.toDocument', { id: empty.id, kind: 'field_note' })).rejects.toThrow(/empty/);
  });
});
