import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import mammoth from 'mammoth';
import type { QuireClient } from '../../src-shared/contract';
import { newProject, seed, snapshot } from './support';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-02T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const at = (iso: string) => vi.setSystemTime(new Date(iso));

/** Codes the first occurrence of `words` in the seed interview. */
async function code(client: QuireClient, s: Awaited<ReturnType<typeof seed>>, words: string, codeId: string, coderId?: string) {
  const start = s.text.indexOf(words);
  expect(start).toBeGreaterThanOrEqual(0);
  await client.call('codings.applyMany', { codings: [{ documentId: s.interview.id, codeId, start, end: start + words.length, ...(coderId ? { coderId } : {}) }] });
  const all = await client.call('codings.list', { documentId: s.interview.id });
  return all.find((c) => c.start === start && c.codeId === codeId && (!coderId || c.coderId === coderId))!;
}

/**
 * The Samara team met on 9 November; since then: Olga coded a passage as Type 2, Irina coded one
 * as Paternalism and recoded her old one, a memo on Type 2, a new document about the mine; a
 * coding made and undone. Another team met in between.
 */
async function scripted() {
  const { client, file } = await newProject();
  const s = await seed(client);
  const olga = await client.call('members.create', { name: 'Ольга Кузнецова', team: 'Samara' });
  const old = await code(client, s, 'Мастер даёт выгодную работу своим', s.type2.id);
  const untouched = await code(client, s, 'Кто ему помогал', s.type2.id);
  at('2026-11-09T10:00:00Z');
  const previous = await client.call('meetings.create', { team: 'Samara', heldAt: '2026-11-09T10:00', title: 'Week 45' });
  at('2026-11-10T09:00:00Z');
  await client.call('meetings.create', { team: 'Moscow', heldAt: '2026-11-10T10:00' });
  const byOlga = await code(client, s, 'мастер закроет глаза', s.type2.id, olga.id);
  const paternal = await code(client, s, 'Директор у нас как отец родной', s.paternalism.id);
  const recoded = await client.call('codings.recode', { id: old.id, codeId: s.paternalism.id });
  const memo = await client.call('memos.create', { targetType: 'code', targetId: s.type2.id, title: 'Type 2 or 3?', content: null, text: 'Is owing the foreman a favour type 2?' });
  const mineDoc = await client.call('documents.create', { title: 'Записка о шахте', kind: 'field_note', text: 'Шахта стоит третий месяц.', caseIds: [s.mine.id] });
  await code(client, s, 'путёвки', s.paternalism.id);
  await client.call('history.undo', {});
  await client.call('codings.comment', { id: untouched.id, comment: 'Type 3?' });
  await client.call('history.undo', {});
  at('2026-11-16T08:00:00Z');
  const meeting = await client.call('meetings.create', { team: 'Samara', heldAt: '2026-11-16T10:00', title: 'Week 46', attendeeIds: [olga.id] });
  return { client, file, s, olga, old, previous, meeting, byOlga, paternal, recoded, memo, mineDoc };
}

const ids = (proposal: { groups: readonly { candidates: readonly { targetId: string }[] }[] }) => proposal.groups.flatMap((g) => g.candidates.map((c) => c.targetId));

describe('meetings', () => {
  it('creates, lists, updates and removes meetings, each undoable, with clear errors', async () => {
    const { client, file } = await newProject();
    const olga = await client.call('members.create', { name: 'Ольга Кузнецова', team: 'Samara' });
    const before = snapshot(file);
    const m = await client.call('meetings.create', { team: 'Samara', heldAt: '2026-11-16', attendeeIds: [olga.id, olga.id] });
    expect(m).toMatchObject({ team: 'Samara', heldAt: '2026-11-16T00:00:00.000Z', attendees: [{ id: olga.id, name: 'Ольга Кузнецова' }], items: [], previousMeetingId: null });
    await client.call('meetings.create', { team: 'Moscow', heldAt: '2026-11-17' });
    expect((await client.call('meetings.list', {})).map((x) => x.team)).toEqual(['Moscow', 'Samara']);
    expect((await client.call('meetings.list', { team: 'Samara' })).map((x) => x.id)).toEqual([m.id]);
    expect(await client.call('meetings.update', { id: m.id, title: 'Week 47' })).toMatchObject({ title: 'Week 47', team: 'Samara' });
    await client.call('meetings.remove', { id: m.id });
    await expect(client.call('meetings.get', { id: m.id })).rejects.toMatchObject({ code: 'not_found' });
    await client.call('history.undo', {});
    expect((await client.call('meetings.get', { id: m.id })).title).toBe('Week 47');
    for (let i = 0; i < 3; i++) await client.call('history.undo', {});
    expect(snapshot(file)).toBe(before);

    await expect(client.call('meetings.create', { team: 'Samara', heldAt: 'next Monday' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('2026-11-27') });
    await expect(client.call('meetings.create', { team: ' ', heldAt: '2026-11-16' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.call('meetings.create', { team: 'Samara', heldAt: '2026-11-16', attendeeIds: ['0190a000-0000-7000-8000-000000000000'] })).rejects.toMatchObject({ code: 'not_found' });
    expect(await client.call('meetings.list', {})).toHaveLength(0);
  });

  it('proposes what is new since the team’s previous meeting, grouped, without undone work', async () => {
    const t = await scripted();
    const proposal = await t.client.call('meetings.proposeAgenda', { meetingId: t.meeting.id });
    expect(proposal.since).toBe(t.previous.heldAt);
    expect(t.meeting.previousMeetingId).toBe(t.previous.id);
    expect(proposal.groups.map((g) => [g.label, g.candidates.map((c) => [c.targetId, c.change])])).toEqual([
      ['Type 2: personal dependence', [[t.byOlga.id, 'added']]],
      ['Paternalism', [[t.paternal.id, 'added'], [t.old.id, 'changed']]],
      ['New documents', [[t.mineDoc.id, 'added']]],
      ['Memos', [[t.memo.id, 'added']]],
    ]);
    const first = proposal.groups[0]!.candidates[0]!;
    expect(first).toMatchObject({ quote: 'мастер закроет глаза', personName: 'Ольга Кузнецова', documentTitle: 'Интервью с мастером, Кольца', onAgenda: false });

    // The same answer for the team, from today; a given moment overrides the previous meeting.
    expect(ids(await t.client.call('meetings.proposeAgenda', { team: 'Samara' }))).toEqual(ids(proposal));
    expect(ids(await t.client.call('meetings.proposeAgenda', { team: 'Samara', since: '2026-11-01' }))).toContain(t.s.interview.id);
    // The other team never met before its meeting: everything counts.
    expect(ids(await t.client.call('meetings.proposeAgenda', { team: 'Kazan' }))).toContain(t.s.interview.id);
  });

  it('counts redone work again', async () => {
    const t = await scripted();
    at('2026-11-16T09:00:00Z');
    const redone = await code(t.client, t.s, 'путёвки', t.s.paternalism.id);
    await t.client.call('history.undo', {});
    expect(ids(await t.client.call('meetings.proposeAgenda', { meetingId: t.meeting.id }))).not.toContain(redone.id);
    await t.client.call('history.redo', {});
    expect(ids(await t.client.call('meetings.proposeAgenda', { meetingId: t.meeting.id }))).toContain(redone.id);
  });

  it('filters the proposal by code (with sub-codes), enterprise case and coder', async () => {
    const t = await scripted();
    const propose = async (filters: object) => ids(await t.client.call('meetings.proposeAgenda', { meetingId: t.meeting.id, filters }));
    expect(await propose({ codeIds: [t.s.informal.id] })).toEqual([t.byOlga.id, t.memo.id]);
    expect(await propose({ codeIds: [t.s.paternalism.id] })).toEqual([t.paternal.id, t.old.id]);
    expect(await propose({ caseIds: [t.s.mine.id] })).toEqual([t.mineDoc.id]);
    expect(await propose({ caseIds: [t.s.rings.id] })).toEqual([t.byOlga.id, t.paternal.id, t.old.id]);
    expect((await propose({ caseIds: [t.s.samara.id] })).sort()).toEqual([t.byOlga.id, t.paternal.id, t.old.id, t.mineDoc.id].sort());
    expect(await propose({ coderIds: [t.olga.id] })).toEqual([t.byOlga.id]);
    expect(await propose({ teamMembersOnly: true })).toEqual([t.byOlga.id]);
    expect(await propose({ coderIds: [t.olga.id], codeIds: [t.s.paternalism.id] })).toEqual([]);
  });

  it('stores the agenda in order, keeps decisions when reordering, and undoes', async () => {
    const t = await scripted();
    const { client } = t;
    const agenda = await client.call('meetings.setAgenda', { meetingId: t.meeting.id, items: [{ kind: 'coding', targetId: t.paternal.id }, { kind: 'memo', targetId: t.memo.id }] });
    expect(agenda.items.map((i) => i.target.targetId)).toEqual([t.paternal.id, t.memo.id]);
    await client.call('meetings.decide', { itemId: agenda.items[0]!.id, outcome: 'flag-for-paper', paper: 'Paternalism paper' });
    const reordered = await client.call('meetings.setAgenda', { meetingId: t.meeting.id, items: [{ kind: 'memo', targetId: t.memo.id }, { kind: 'coding', targetId: t.paternal.id }, { kind: 'document', targetId: t.mineDoc.id }] });
    expect(reordered.items.map((i) => [i.target.targetId, i.decision?.details.paper ?? null])).toEqual([[t.memo.id, null], [t.paternal.id, 'Paternalism paper'], [t.mineDoc.id, null]]);
    expect((await client.call('meetings.proposeAgenda', { meetingId: t.meeting.id })).groups.flatMap((g) => g.candidates).filter((c) => c.onAgenda)).toHaveLength(3);
    const dropped = await client.call('meetings.setAgenda', { meetingId: t.meeting.id, items: [{ kind: 'document', targetId: t.mineDoc.id }] });
    expect(dropped.items).toHaveLength(1);
    await client.call('history.undo', {});
    expect((await client.call('meetings.get', { id: t.meeting.id })).items.map((i) => i.target.targetId)).toEqual([t.memo.id, t.paternal.id, t.mineDoc.id]);
    expect((await client.call('meetings.list', { team: 'Samara' }))[0]).toMatchObject({ itemCount: 3, decidedCount: 1 });
    await expect(client.call('meetings.setAgenda', { meetingId: t.meeting.id, items: [{ kind: 'memo', targetId: t.memo.id }, { kind: 'memo', targetId: t.memo.id }] })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.call('meetings.setAgenda', { meetingId: t.meeting.id, items: [{ kind: 'coding', targetId: t.mineDoc.id }] })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('applies decisions through the core as one undoable operation each', async () => {
    const t = await scripted();
    const { client, s } = t;
    const agenda = await client.call('meetings.setAgenda', {
      meetingId: t.meeting.id,
      items: [{ kind: 'coding', targetId: t.byOlga.id }, { kind: 'memo', targetId: t.memo.id }, { kind: 'coding', targetId: t.paternal.id }, { kind: 'document', targetId: t.mineDoc.id }],
    });
    const [olgaItem, memoItem, paternalItem, docItem] = agenda.items.map((i) => i.id) as [string, string, string, string];

    const recoded = await client.call('meetings.decide', { itemId: olgaItem, outcome: 'recode', codeId: s.paternalism.id, note: 'Owing a favour is paternalism here.' });
    expect(recoded.decision).toMatchObject({ outcome: 'recode', note: 'Owing a favour is paternalism here.', details: { fromCodeName: 'Type 2: personal dependence', toCodeName: 'Paternalism' }, decidedByName: 'Ирина Соколова' });
    expect((await client.call('codings.list', { codeId: s.paternalism.id })).map((c) => c.id)).toContain(t.byOlga.id);
    const [entry] = await client.call('history.list', { limit: 1 });
    expect(entry!.summary).toBe('Recoded a passage from Type 2: personal dependence to Paternalism at the meeting Week 46 (2026-11-16)');
    await client.call('history.undo', {});
    expect((await client.call('codings.list', { codeId: s.type2.id })).map((c) => c.id)).toContain(t.byOlga.id);
    expect((await client.call('meetings.get', { id: t.meeting.id })).items[0]!.decision).toBeNull();

    const refined = await client.call('meetings.decide', { itemId: memoItem, outcome: 'refine-definition', definition: 'Dependence on a person, repaid by favours.' });
    expect(refined.decision!.details).toMatchObject({ codeId: s.type2.id, before: { definition: '' }, after: { definition: 'Dependence on a person, repaid by favours.' } });
    expect((await client.call('codes.list', {})).find((c) => c.id === s.type2.id)!.definition).toBe('Dependence on a person, repaid by favours.');
    expect((await client.call('history.list', { limit: 1 }))[0]!.summary).toContain('Refined the definition of "Type 2: personal dependence" at the meeting Week 46');
    await client.call('history.undo', {});
    expect((await client.call('codes.list', {})).find((c) => c.id === s.type2.id)!.definition).toBe('');
    await client.call('history.redo', {});

    const disagreement = await client.call('meetings.decide', { itemId: olgaItem, outcome: 'disagreement', reviewerCodeId: s.paternalism.id });
    expect(disagreement.decision!.details).toMatchObject({ coderName: 'Ольга Кузнецова', fromCodeName: 'Type 2: personal dependence', reviewerName: 'Ирина Соколова', toCodeName: 'Paternalism' });
    expect((await client.call('codings.list', { codeId: s.type2.id })).map((c) => c.id)).toContain(t.byOlga.id);

    await expect(client.call('meetings.decide', { itemId: docItem, outcome: 'recode', codeId: s.paternalism.id })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('this agenda item is a document') });
    await expect(client.call('meetings.decide', { itemId: memoItem, outcome: 'refine-definition', definition: 'Dependence on a person, repaid by favours.' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('unchanged') });

    const split = await client.call('meetings.decide', { itemId: paternalItem, outcome: 'split', into: { name: 'Paternalism: housing', parentId: s.paternalism.id } });
    expect(split.decision!.details).toMatchObject({ fromCodeName: 'Paternalism', toCodeName: 'Paternalism: housing', codingIds: [t.paternal.id] });
    expect(split.target.label).toBe('Paternalism: housing');

    const merged = await client.call('meetings.decide', { itemId: paternalItem, outcome: 'merge', sourceId: split.decision!.details.toCodeId!, targetId: s.paternalism.id, note: 'Housing is paternalism, no sub-code.' });
    expect(merged.decision).toMatchObject({ outcome: 'merge', note: 'Housing is paternalism, no sub-code.', details: { fromCodeName: 'Paternalism: housing', toCodeName: 'Paternalism' } });
    expect((await client.call('codes.list', {})).map((c) => c.name)).not.toContain('Paternalism: housing');
    await client.call('history.undo', {});
    expect((await client.call('codes.list', {})).map((c) => c.name)).toContain('Paternalism: housing');
    expect((await client.call('meetings.get', { id: t.meeting.id })).items[2]!.decision!.outcome).toBe('split');
    expect((await client.call('meetings.decide', { itemId: docItem, outcome: 'keep' })).decision!.outcome).toBe('keep');

    // An item whose coding was removed since says so.
    await client.call('codings.remove', { id: t.byOlga.id });
    expect((await client.call('meetings.get', { id: t.meeting.id })).items[0]!.target.exists).toBe(false);
    await expect(client.call('meetings.decide', { itemId: olgaItem, outcome: 'recode', codeId: s.paternalism.id })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('was removed since the agenda was made') });

    // Decisions are not "new" for the next meeting.
    at('2026-11-20T09:00:00Z');
    const next = await client.call('meetings.create', { team: 'Samara', heldAt: '2026-11-23' });
    expect(ids(await client.call('meetings.proposeAgenda', { meetingId: next.id }))).toEqual([]);
    expect((await client.call('meetings.get', { id: next.id })).previousMeetingId).toBe(t.meeting.id);
  });

  it('writes minutes with attendees, excerpts, decisions and open questions', async () => {
    const t = await scripted();
    const { client, s } = t;
    const agenda = await client.call('meetings.setAgenda', {
      meetingId: t.meeting.id,
      items: [{ kind: 'coding', targetId: t.byOlga.id }, { kind: 'coding', targetId: t.paternal.id }, { kind: 'document', targetId: t.mineDoc.id }],
    });
    await client.call('meetings.decide', { itemId: agenda.items[0]!.id, outcome: 'disagreement', reviewerCodeId: s.paternalism.id, note: 'Come back to this with the Kazan team.', noteContent: '{"root":{}}' });
    expect((await client.call('meetings.get', { id: t.meeting.id })).items[0]!.decision).toMatchObject({ note: 'Come back to this with the Kazan team.', noteContent: '{"root":{}}' });
    await client.call('meetings.decide', { itemId: agenda.items[1]!.id, outcome: 'recode', codeId: s.type2.id });
    const minutes = await client.call('meetings.minutes', { id: t.meeting.id });
    expect(minutes).toMatchObject({ fileName: 'Minutes Samara 2026-11-16.md', mimeType: 'text/markdown' });
    const md = minutes.content;
    expect(md).toContain('# Week 46');
    expect(md).toMatch(/## Attendees\n\n- Ольга Кузнецова\n/);
    expect(md).toContain('### 1. Coding: Type 2: personal dependence — Интервью с мастером, Кольца');
    expect(md).toContain('> мастер закроет глаза');
    expect(md).toContain('**Decision:** Recoded (from Paternalism to Type 2: personal dependence)');
    expect(md).toContain('Come back to this with the Kazan team.');
    const open = md.slice(md.indexOf('## Open questions'));
    expect(open).toContain('- Item 1 (');
    expect(open).toContain('Ольга Кузнецова: Type 2: personal dependence; Ирина Соколова: Paternalism');
    expect(open).toContain('- Item 3 (Document: Записка о шахте): not discussed or undecided');
    expect(open).not.toContain('Item 2');

    // Edited by hand, the minutes are kept as written; cleared, they are generated again.
    await client.call('meetings.update', { id: t.meeting.id, minutes: `${md}\nAction: Olga recodes the rest of week 46.\n` });
    expect(await client.call('meetings.minutes', { id: t.meeting.id })).toMatchObject({ edited: true, content: expect.stringContaining('Action: Olga recodes') });
    await client.call('meetings.update', { id: t.meeting.id, minutes: null });
    expect(await client.call('meetings.minutes', { id: t.meeting.id })).toMatchObject({ edited: false, content: md });
  });

  it('writes the minutes to pass on with pseudonyms, leak-checked, and shows them to the team as they are', async () => {
    const t = await scripted();
    const { client, s } = t;
    await client.call('meetings.setAgenda', { meetingId: t.meeting.id, items: [{ kind: 'coding', targetId: t.byOlga.id }] });
    await client.call('meetings.update', { id: t.meeting.id, team: 'Кольца' });
    await client.call('pseudonyms.add', { kind: 'enterprise', realName: 'Кольца', pseudonym: 'Шестерня', caseId: s.rings.id });
    expect((await client.call('meetings.minutes', { id: t.meeting.id })).content).toContain('Интервью с мастером, Кольца');
    const passed = await client.call('meetings.minutes', { id: t.meeting.id, pseudonyms: true });
    expect(passed.fileName).toBe('Minutes Шестерня 2026-11-16.md');
    expect(passed.content).toContain('Интервью с мастером, Шестерня');
    expect(passed.content).not.toMatch(/Кольц|Колец/);
    expect(passed.leaks).toMatchObject({ clean: true });
    const docx = await client.call('meetings.minutes', { id: t.meeting.id, format: 'docx', pseudonyms: true });
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(docx.content, 'base64') })).value;
    expect(text).toContain('Шестерня');
    expect(text).not.toMatch(/Кольц|Колец/);
  });

  it('writes the minutes in Russian and as a Word document, edited minutes too', async () => {
    const t = await scripted();
    const { client, s } = t;
    const agenda = await client.call('meetings.setAgenda', { meetingId: t.meeting.id, items: [{ kind: 'coding', targetId: t.byOlga.id }, { kind: 'document', targetId: t.mineDoc.id }] });
    await client.call('meetings.decide', { itemId: agenda.items[0]!.id, outcome: 'refine-definition', definition: 'Зависимость, оплачиваемая услугами.', note: 'Уточнили после спора.' });
    const ru = await client.call('meetings.minutes', { id: t.meeting.id, language: 'ru' });
    expect(ru).toMatchObject({ fileName: 'Протокол Samara 2026-11-16.md', encoding: 'utf-8', edited: false });
    expect(ru.content).toMatch(/## Присутствовали\n\n- Ольга Кузнецова\n/);
    expect(ru.content).toContain(`**Решение:** Определение уточнено (${s.type2.name})`);
    expect(ru.content).toContain('Новое определение: Зависимость, оплачиваемая услугами.');
    expect(ru.content).toContain('- Вопрос 2 (Документ: Записка о шахте): не обсуждался или решение не принято');
    expect(ru.content).not.toMatch(/Decision|Attendees|Open questions/);

    const docx = await client.call('meetings.minutes', { id: t.meeting.id, format: 'docx', language: 'ru' });
    expect(docx).toMatchObject({ fileName: 'Протокол Samara 2026-11-16.docx', mimeType: expect.stringContaining('wordprocessingml'), encoding: 'base64' });
    const buffer = Buffer.from(docx.content, 'base64');
    const html = (await mammoth.convertToHtml({ buffer })).value;
    expect(html).toContain('<h1>Присутствовали</h1>');
    expect(html).toContain('<h2>2. Документ: Записка о шахте</h2>');
    expect(html).toContain('<li>Ольга Кузнецова</li>');
    expect(html).toContain('<strong>Решение:</strong> Определение уточнено');
    expect(html).toContain('<em>Решения пока нет.</em>');
    expect(html).not.toContain('**');

    // Edited by hand, the Word file is made from what was written, escapes printed as typed.
    await client.call('meetings.update', { id: t.meeting.id, minutes: '# Неделя 46\n\nРешили: \\*не\\* спешить.  \nДалее — **Ольга**.\n' });
    const edited = await client.call('meetings.minutes', { id: t.meeting.id, format: 'docx' });
    expect(edited.edited).toBe(true);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(edited.content, 'base64') })).value;
    expect(text).toContain('Неделя 46');
    expect(text).toContain('Решили: *не* спешить.');
    expect(text).toContain('Далее — Ольга.');
  });

  it('shows a coding item as an excerpt with context, citation and codes for presenting', async () => {
    const t = await scripted();
    const { client, s } = t;
    const agenda = await client.call('meetings.setAgenda', { meetingId: t.meeting.id, items: [{ kind: 'coding', targetId: t.byOlga.id }, { kind: 'memo', targetId: t.memo.id }] });
    const excerpt = await client.call('meetings.excerpt', { itemId: agenda.items[0]!.id, language: 'ru' });
    expect(excerpt).toMatchObject({ quote: 'мастер закроет глаза', coderName: 'Ольга Кузнецова', codes: [expect.objectContaining({ id: s.type2.id })] });
    expect(excerpt!.citation.length).toBeGreaterThan(0);
    expect(excerpt!.contextBefore.length + excerpt!.contextAfter.length).toBeGreaterThan(0);
    expect(await client.call('meetings.excerpt', { itemId: agenda.items[1]!.id })).toBeNull();
    await expect(client.call('meetings.excerpt', { itemId: '0190a000-0000-7000-8000-000000000000' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
