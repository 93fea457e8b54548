import { describe, expect, it } from 'vitest';
import type { QuireClient } from '../../src-shared/contract';
import { newProject, seed } from './support';

const span = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
/** The same project, now open as `name` (one window switching who works). */
async function as(client: QuireClient, file: string, name: string): Promise<QuireClient> {
  await client.call('project.close', {});
  await client.call('project.open', { path: file, actor: { name } });
  return client;
}
const counts = async (client: QuireClient) => {
  const u = await client.call('circulation.unread', {});
  return { documents: u.documents, codings: u.codings };
};

/**
 * Samara: Irina (who works here) and Olga; Komi: Pavel. Irina adds the interview and codes in it
 * herself, for Olga and for Pavel; Pavel then adds a note from Komi and codes it.
 */
async function twoTeams() {
  const { client, file } = await newProject();
  const s = await seed(client);
  const irina = (await client.call('members.list', {})).find((m) => m.name === 'Ирина Соколова')!;
  await client.call('members.update', { id: irina.id, team: 'Samara' });
  const olga = await client.call('members.create', { name: 'Ольга Кузнецова', team: 'Samara' });
  const pavel = await client.call('members.create', { name: 'Павел Морозов', team: 'Komi' });
  await client.call('codings.applyMany', {
    codings: [
      { documentId: s.interview.id, codeId: s.type2.id, ...span(s.text, 'Мастер даёт') },
      { documentId: s.interview.id, codeId: s.type2.id, ...span(s.text, 'калым'), coderId: olga.id },
      { documentId: s.interview.id, codeId: s.paternalism.id, ...span(s.text, 'как отец родной'), coderId: pavel.id },
      { documentId: s.interview.id, codeId: s.type2.id, ...span(s.text, 'мастер закроет глаза'), coderId: pavel.id },
    ],
  });
  const komi = { client: await as(client, file, 'Павел Морозов') };
  const noteText = 'Шахта стоит третий месяц, зарплату дают углём.';
  const note = await komi.client.call('documents.create', { title: 'Записка из Коми', kind: 'field_note', text: noteText });
  await komi.client.call('codings.applyMany', { codings: [{ documentId: note.id, codeId: s.paternalism.id, ...span(noteText, 'зарплату дают углём') }] });
  await as(client, file, 'Ирина Соколова');
  return { s, file, client, olga, pavel, note, noteText };
}

describe('circulation', () => {
  it('shows each member what other teams added and they have not read, by document and by code', async () => {
    const t = await twoTeams();
    const u = await t.client.call('circulation.unread', {});
    expect(u).toMatchObject({ team: 'Samara', documents: 1, codings: 3 });
    expect(u.byDocument).toEqual([
      { documentId: t.note.id, title: 'Записка из Коми', document: true, codings: 1 },
      { documentId: t.s.interview.id, title: 'Интервью с мастером, Кольца', document: false, codings: 2 },
    ]);
    expect(Object.fromEntries(u.byCode.map((c) => [c.codeId, c.codings]))).toEqual({ [t.s.paternalism.id]: 2, [t.s.type2.id]: 1 });
    expect(u.items.map((i) => [i.kind, i.quote ?? i.documentTitle, i.personName, i.team])).toEqual([
      ['coding', 'зарплату дают углём', 'Павел Морозов', 'Komi'],
      ['document', 'Записка из Коми', 'Павел Морозов', 'Komi'],
      ['coding', 'мастер закроет глаза', 'Павел Морозов', 'Komi'],
      ['coding', 'как отец родной', 'Павел Морозов', 'Komi'],
    ]);
    expect((await t.client.call('circulation.unread', { codeId: t.s.type2.id })).items.map((i) => i.quote)).toEqual(['мастер закроет глаза']);
    expect((await t.client.call('circulation.unread', { documentId: t.note.id })).items.map((i) => i.kind)).toEqual(['coding', 'document']);

    // Pavel sees Samara's work: the interview and the three codings of Irina and Olga.
    expect(await counts(await as(t.client, t.file, 'Павел Морозов'))).toEqual({ documents: 1, codings: 2 });
  });

  it('marks one coding, a document, a document with its codings, or everything read, per member and not undoably', async () => {
    const t = await twoTeams();
    const [latest] = (await t.client.call('circulation.unread', { codeId: t.s.type2.id })).items;
    // Reading is not work: it does not take away what Ctrl+Y would bring back.
    await t.client.call('codes.update', { id: t.s.paternalism.id, definition: 'A first try.' });
    await t.client.call('history.undo', {});
    expect(await t.client.call('circulation.markRead', { kind: 'coding', id: latest!.id })).toEqual({ marked: 1 });
    expect((await t.client.call('history.redo', {})).entry.method).toBe('codes.update');
    expect(await counts(t.client)).toEqual({ documents: 1, codings: 2 });
    // Marking what is already read changes nothing (and logs nothing).
    expect(await t.client.call('circulation.markRead', { kind: 'coding', id: latest!.id })).toEqual({ marked: 0 });

    expect(await t.client.call('circulation.markRead', { kind: 'document', id: t.note.id })).toEqual({ marked: 1 });
    expect(await counts(t.client)).toEqual({ documents: 0, codings: 2 });
    expect(await t.client.call('circulation.markRead', { kind: 'document-all', id: t.s.interview.id })).toEqual({ marked: 1 });
    expect(await counts(t.client)).toEqual({ documents: 0, codings: 1 });

    // Reading is not work to undo: Ctrl+Z goes past it to the member's last real operation.
    await t.client.call('codes.update', { id: t.s.paternalism.id, definition: 'The director as a father.' });
    await t.client.call('circulation.markRead', { kind: 'document-all', id: t.note.id });
    expect(await counts(t.client)).toEqual({ documents: 0, codings: 0 });
    const { entry } = await t.client.call('history.undo', {});
    expect(entry.method).toBe('codes.update');
    expect(await counts(t.client)).toEqual({ documents: 0, codings: 0 });

    // A coding Pavel adds later to a document read as a whole is new again.
    const komi = await as(t.client, t.file, 'Павел Морозов');
    await komi.call('codings.applyMany', { codings: [{ documentId: t.note.id, codeId: t.s.type2.id, ...span(t.noteText, 'Шахта стоит') }] });
    expect(await counts(komi)).toEqual({ documents: 1, codings: 2 });
    expect(await counts(await as(t.client, t.file, 'Ирина Соколова'))).toEqual({ documents: 0, codings: 1 });

    expect(await t.client.call('circulation.markRead', { kind: 'all' })).toEqual({ marked: 1 });
    expect(await counts(t.client)).toEqual({ documents: 0, codings: 0 });
    await expect(t.client.call('circulation.markRead', { kind: 'document', id: '0190a000-0000-7000-8000-000000000000' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
