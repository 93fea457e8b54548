import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { newProject, seed, tempFolder } from './support';

describe('codebook history', () => {
  it('keeps every change of a code with who, when and why, the meeting when it came from one, and not undone work', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const code = await client.call('codes.create', { name: 'Type 3', definition: 'Dependence on the brigade.' });
    await client.call('codes.update', { id: code.id, definition: 'Dependence on the brigade as a whole.', inclusion: 'The brigade decides pay.' });
    await client.call('codes.update', { id: code.id, name: 'Type 3: collective dependence' });
    await client.call('codes.move', { id: code.id, parentId: s.informal.id });
    await client.call('codes.archive', { id: code.id });
    await client.call('codes.archive', { id: code.id, archived: false });
    // Undone work is not history.
    await client.call('codes.update', { id: code.id, example: 'An example nobody kept' });
    await client.call('history.undo', {});

    const meeting = await client.call('meetings.create', { team: 'Samara', heldAt: '2026-11-16T10:00', title: 'Week 47' });
    const memo = await client.call('memos.create', { targetType: 'code', targetId: code.id, title: 'Type 2 or 3?', content: null, text: 'Where does the brigade end?' });
    const agenda = await client.call('meetings.setAgenda', { meetingId: meeting.id, items: [{ kind: 'memo', targetId: memo.id }] });
    await client.call('meetings.decide', {
      itemId: agenda.items[0]!.id,
      outcome: 'refine-definition',
      codeId: code.id,
      exclusion: 'Not when the foreman alone decides.',
      note: 'The foreman case is type 2.',
    });

    const history = await client.call('codebook.history', { codeId: code.id });
    expect(history.map((h) => h.action)).toEqual(['edited', 'restored', 'archived', 'moved', 'renamed', 'edited', 'created']);
    expect(history.some((h) => h.fields.some((f) => f.after === 'An example nobody kept'))).toBe(false);
    const [decided, , , moved, renamed, edited, created] = history;
    expect(decided).toMatchObject({
      actorName: 'Ирина Соколова',
      method: 'meetings.decide',
      fields: [{ field: 'exclusion', before: '', after: 'Not when the foreman alone decides.' }],
      meeting: { id: meeting.id, title: 'Week 47', team: 'Samara', heldAt: '2026-11-16T10:00:00.000Z', outcome: 'refine-definition', note: 'The foreman case is type 2.', exists: true },
      reason: 'The foreman case is type 2.',
    });
    expect(moved!.fields).toEqual([{ field: 'parent', before: null, after: 'Informal relations' }]);
    expect(renamed!.fields).toEqual([{ field: 'name', before: 'Type 3', after: 'Type 3: collective dependence' }]);
    expect(renamed!.reason).toBe('Renamed the code "Type 3" to "Type 3: collective dependence"');
    expect(edited!.fields).toEqual([
      { field: 'definition', before: 'Dependence on the brigade.', after: 'Dependence on the brigade as a whole.' },
      { field: 'inclusion', before: '', after: 'The brigade decides pay.' },
    ]);
    // What the code began with, walked back from today through the later changes.
    expect(created!.fields).toEqual([
      { field: 'name', before: null, after: 'Type 3' },
      { field: 'color', before: null, after: expect.stringMatching(/^#/) },
      { field: 'definition', before: null, after: 'Dependence on the brigade.' },
    ]);
    expect(created!.meeting).toBeNull();

    // The meeting deleted later: its history still names it, from the change log.
    await client.call('meetings.remove', { id: meeting.id });
    expect((await client.call('codebook.history', { codeId: code.id }))[0]!.meeting).toMatchObject({ title: 'Week 47', exists: false, note: 'The foreman case is type 2.' });

    // Undoing the decision takes its history entry away.
    await client.call('history.undo', {});
    await client.call('history.undo', {});
    expect((await client.call('codebook.history', { codeId: code.id }))[0]!.action).toBe('restored');

    await expect(client.call('codebook.history', { codeId: '0190a000-0000-7000-8000-000000000000' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('records merges and splits on both codes, and exports the history as CSV and Markdown', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const spans = ['Мастер даёт', 'калым', 'мастер закроет глаза'].map((w) => ({ start: s.text.indexOf(w), end: s.text.indexOf(w) + w.length }));
    await client.call('codings.applyMany', { codings: spans.map((r) => ({ documentId: s.interview.id, codeId: s.type2.id, ...r })) });
    const codings = await client.call('codings.list', { codeId: s.type2.id });
    const favours = await client.call('codes.split', { id: s.type2.id, codingIds: [codings[0]!.id], into: { name: 'Favours' } });
    await client.call('codes.merge', { sourceId: favours.id, targetId: s.paternalism.id });

    const type2 = await client.call('codebook.history', { codeId: s.type2.id });
    expect(type2[0]).toMatchObject({ action: 'split-into', otherCodeName: 'Favours', codings: 1 });
    const paternalism = await client.call('codebook.history', { codeId: s.paternalism.id });
    expect(paternalism[0]).toMatchObject({ action: 'merged-from', otherCodeId: favours.id, otherCodeName: 'Favours', codings: 1 });
    const gone = await client.call('codebook.history', { codeId: favours.id });
    expect(gone.map((h) => h.action)).toEqual(['merged-into', 'split-from', 'created']);
    expect(gone[0]).toMatchObject({ codeName: 'Favours', otherCodeName: 'Paternalism', codings: 1 });

    // A code merged without codings still shows on the code that took it.
    const empty = await client.call('codes.create', { name: 'Blat' });
    await client.call('codes.merge', { sourceId: empty.id, targetId: s.paternalism.id });
    expect((await client.call('codebook.history', { codeId: s.paternalism.id }))[0]).toMatchObject({ action: 'merged-from', otherCodeName: 'Blat', codings: 0 });
    await client.call('history.undo', {});
    await client.call('history.undo', {});

    const all = await client.call('codebook.history', {});
    expect(new Set(all.map((h) => h.codeId))).toEqual(new Set([s.informal.id, s.type2.id, s.paternalism.id, favours.id]));
    expect(all.map((h) => h.seq)).toEqual([...all.map((h) => h.seq)].sort((a, b) => b - a));

    const dir = tempFolder();
    const csvFile = path.join(dir, 'history.csv');
    const csv = await client.call('export.codebookHistory', { format: 'csv', codeId: s.type2.id, language: 'ru', path: csvFile });
    expect(csv).toMatchObject({ path: csvFile, items: type2.length });
    const csvText = fs.readFileSync(csvFile, 'utf8');
    expect(csvText.startsWith('\uFEFFдата,код,изменение,поле,было,стало,кто,почему,встреча,дата встречи')).toBe(true);
    expect(csvText).toContain('разделён, часть перенесена в Favours (1 кодировка)');
    const md = await client.call('export.codebookHistory', { format: 'md', language: 'en' });
    const mdText = Buffer.from(md.data!, 'base64').toString('utf8');
    expect(md.fileName).toBe('quire-codebook-history.md');
    expect(mdText).toContain('# Codebook history');
    expect(mdText).toContain('· Favours · merged into Paternalism (1 coding)');
    expect(mdText).toContain('**Who:** Ирина Соколова');

    // The methods appendix shows the same history.
    const appendix = await client.call('export.codebook', { format: 'md', language: 'en' });
    expect(Buffer.from(appendix.data!, 'base64').toString('utf8')).toContain('Split 1 codings of "Type 2: personal dependence" into "Favours"');
    const russian = await client.call('export.codebook', { format: 'md', language: 'ru' });
    expect(Buffer.from(russian.data!, 'base64').toString('utf8')).toContain('1 кодировка кода «Type 2: personal dependence» перенесена в код «Favours»');
  });

  it('quotes a definition written on several lines, so the CSV reads back with one record per change', async () => {
    const { client } = await newProject();
    const code = await client.call('codes.create', { name: 'Klassnost' });
    await client.call('codes.update', { id: code.id, definition: 'First line, with a comma\nsecond line "quoted"' });
    const file = path.join(tempFolder(), 'history.csv');
    await client.call('export.codebookHistory', { format: 'csv', codeId: code.id, language: 'en', path: file });
    const records = parse(fs.readFileSync(file, 'utf8'), { bom: true }) as string[][];
    expect(new Set(records.map((r) => r.length)).size).toBe(1);
    expect(records.flat()).toContain('First line, with a comma\nsecond line "quoted"');
  });
});
