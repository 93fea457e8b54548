import { describe, expect, it } from 'vitest';
import type { InputOf, QuireClient } from '../../src-shared/contract';
import { newProject, seed } from './support';

/**
 * The seed interview, coded by hand so that every operator has a known answer:
 *
 *   И: Расскажите, как …                       a4 = A (interviewer's turn)
 *   Р: Мастер даёт выгодную работу своим. Кто ему помогал, тот и получает калым.
 *      a1 = A "Мастер даёт выгодную работу своим"
 *      b1 = B "выгодную работу своим. Кто ему помогал"       (overlaps a1)
 *      p1 = P (parent of A) "Кто ему помогал, тот и получает калым"
 *   И: А если кто-то опоздал?
 *   Р: Опоздал — мастер закроет глаза, но потом ты ему должен. Это у нас все знают.
 *      a2 = A "мастер закроет глаза",  b2 = B "Это у нас все знают"   (same turn, B after A)
 *   Р: Директор у нас как отец родной: квартиры даёт, путёвки.
 *      b3 = B "Директор у нас",  a3 = A "квартиры даёт"              (same turn, B before A)
 *
 * A = "Type 2: personal dependence", its parent P = "Informal relations", B = "Paternalism".
 */
async function coded() {
  const { client, file } = await newProject();
  const s = await seed(client);
  const role = await client.call('attributes.define', { name: 'Role', target: 'case', caseTypeId: s.informant.id, valueType: 'choice', choices: ['foreman', 'worker'] });
  const gender = await client.call('attributes.define', { name: 'Gender', target: 'case', caseTypeId: s.informant.id, valueType: 'choice', choices: ['female', 'male'] });
  await client.call('cases.update', { id: s.foreman.id, attributes: { [role.id]: 'foreman', [gender.id]: 'male' } });
  const span = (text: string, words: string, from = 0) => {
    const start = text.indexOf(words, from);
    if (start < 0) throw new Error(`"${words}" is not in the text`);
    return { start, end: start + words.length };
  };
  const t = s.text;
  const line3 = t.indexOf('Р: Опоздал');
  const at = {
    a1: span(t, 'Мастер даёт выгодную работу своим'),
    b1: span(t, 'выгодную работу своим. Кто ему помогал'),
    p1: span(t, 'Кто ему помогал, тот и получает калым'),
    a2: span(t, 'мастер закроет глаза', line3),
    b2: span(t, 'Это у нас все знают'),
    b3: span(t, 'Директор у нас'),
    a3: span(t, 'квартиры даёт'),
    a4: span(t, 'Расскажите'),
  };
  const A = s.type2.id;
  const B = s.paternalism.id;
  const P = s.informal.id;
  const code = (codeId: string, r: { start: number; end: number }, documentId = s.interview.id) => client.call('codings.apply', { documentId, codeId, ...r });
  const ids = {
    a1: (await code(A, at.a1)).id,
    b1: (await code(B, at.b1)).id,
    p1: (await code(P, at.p1)).id,
    a2: (await code(A, at.a2)).id,
    b2: (await code(B, at.b2)).id,
    b3: (await code(B, at.b3)).id,
    a3: (await code(A, at.a3)).id,
    a4: (await code(A, at.a4)).id,
  };
  return { client, file, s, at, ids, A, B, P, role, gender };
}

type RunInput = InputOf<'retrieval.run'>;
const run = (client: QuireClient, input: RunInput) => client.call('retrieval.run', input);
const quotes = async (client: QuireClient, input: RunInput) => (await run(client, input)).excerpts.map((e) => e.quote);

describe('retrieval operators', () => {
  it('any: every passage of the codes, in text order; sub-codes on request', async () => {
    const { client, A, B, P } = await coded();
    expect(await quotes(client, { codeIds: [A] })).toEqual(['Расскажите', 'Мастер даёт выгодную работу своим', 'мастер закроет глаза', 'квартиры даёт']);
    const both = await run(client, { codeIds: [A, B] });
    expect(both.total).toBe(7);
    expect(both.documents).toBe(1);
    expect(await quotes(client, { codeIds: [P] })).toEqual(['Кто ему помогал, тот и получает калым']);
    expect((await run(client, { codeIds: [P], includeSubcodes: true })).total).toBe(5);
  });

  it('any: codings of one passage come by code, whichever was made first', async () => {
    const { client, s, at, ids, A, B } = await coded();
    // "квартиры даёт" has A's coding; B's comes after it. "Директор у нас" has B's; A's comes after.
    const later = {
      a3: (await client.call('codings.apply', { documentId: s.interview.id, codeId: B, ...at.a3 })).id,
      b3: (await client.call('codings.apply', { documentId: s.interview.id, codeId: A, ...at.b3 })).id,
    };
    const byCode = (pairs: [string, string][]): string[] => pairs.sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([, id]) => id);
    const excerpts = (await run(client, { codeIds: [A, B] })).excerpts;
    expect(excerpts.find((e) => e.quote === 'квартиры даёт')!.codingIds).toEqual(byCode([[A, ids.a3], [B, later.a3]]));
    expect(excerpts.find((e) => e.quote === 'Директор у нас')!.codingIds).toEqual(byCode([[B, ids.b3], [A, later.b3]]));
  });

  it('all: only where the codes overlap, as the shared words', async () => {
    const { client, A, B, ids } = await coded();
    const page = await run(client, { codeIds: [A, B], operator: 'all' });
    expect(page.excerpts.map((e) => e.quote)).toEqual(['выгодную работу своим']);
    expect(page.excerpts[0]!.codingIds).toEqual([ids.a1]);
    expect(page.excerpts[0]!.related.map((r) => r.id)).toEqual([ids.b1]);
    expect(page.excerpts[0]!.codes.map((c) => c.name)).toEqual(['Type 2: personal dependence', 'Paternalism']);
  });

  it('not and overlaps: A with no B over it, and A with B over it', async () => {
    const { client, A, B, ids } = await coded();
    expect(await quotes(client, { codeIds: [A, B], operator: 'not' })).toEqual(['Расскажите', 'мастер закроет глаза', 'квартиры даёт']);
    const over = await run(client, { codeIds: [A, B], operator: 'overlaps' });
    expect(over.excerpts.map((e) => [e.quote, e.related.map((r) => r.id)])).toEqual([['Мастер даёт выгодную работу своим', [ids.b1]]]);
    // The context reaches far enough to show the related passage.
    expect(over.excerpts[0]!.contextAfter).toContain('Кто ему помогал');
    await expect(run(client, { codeIds: [A], operator: 'overlaps' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('at least one more') });
  });

  it('sameSegment: A and B in one turn, overlapping or not', async () => {
    const { client, A, B } = await coded();
    expect(await quotes(client, { codeIds: [A, B], operator: 'sameSegment' })).toEqual(['Мастер даёт выгодную работу своим', 'мастер закроет глаза', 'квартиры даёт']);
  });

  it('within and follows: by the characters between the passages', async () => {
    const { client, A, B, at } = await coded();
    const afterA2 = at.b2.start - at.a2.end; // B follows A in the fourth turn
    const beforeA3 = at.a3.start - at.b3.end; // B comes before A in the fifth
    expect(afterA2).not.toBe(beforeA3);
    const near = Math.min(afterA2, beforeA3);
    expect(await quotes(client, { codeIds: [A, B], operator: 'within', distance: 0 })).toEqual(['Мастер даёт выгодную работу своим']);
    expect(await quotes(client, { codeIds: [A, B], operator: 'within', distance: near })).toEqual([
      'Мастер даёт выгодную работу своим',
      near === afterA2 ? 'мастер закроет глаза' : 'квартиры даёт',
    ]);
    expect((await run(client, { codeIds: [A, B], operator: 'within', distance: Math.max(afterA2, beforeA3) })).total).toBe(3);
    expect(await quotes(client, { codeIds: [A, B], operator: 'follows', distance: afterA2 })).toEqual(['мастер закроет глаза']);
    expect(await quotes(client, { codeIds: [A, B], operator: 'follows', distance: afterA2 - 1 })).toEqual([]);
    // With a long reach every A followed by some B comes in, but never one with B only before it.
    expect(await quotes(client, { codeIds: [A, B], operator: 'follows', distance: 10_000 })).toEqual(['Расскажите', 'Мастер даёт выгодную работу своим', 'мастер закроет глаза']);
  });

  it('pages through the excerpts with a total', async () => {
    const { client, A, B } = await coded();
    const first = await run(client, { codeIds: [A, B], limit: 3 });
    const second = await run(client, { codeIds: [A, B], limit: 3, offset: 3 });
    const all = await run(client, { codeIds: [A, B] });
    expect([first.total, second.total]).toEqual([7, 7]);
    expect([...first.excerpts, ...second.excerpts].map((e) => e.key)).toEqual(all.excerpts.slice(0, 6).map((e) => e.key));
  });
});

describe('retrieval filters', () => {
  it('keeps informants’ or the interviewer’s words', async () => {
    const { client, A, s } = await coded();
    const informants = await run(client, { codeIds: [A], speakers: 'informants' });
    expect(informants.excerpts.map((e) => e.speaker)).toEqual(['Р', 'Р', 'Р']);
    expect(informants.excerpts[0]!.speakerCaseId).toBe(s.foreman.id);
    expect(await quotes(client, { codeIds: [A], speakers: 'interviewer' })).toEqual(['Расскажите']);
    // An unlinked label is an informant's unless it reads as an interviewer's or names one.
    const me = (await client.call('project.info', {})).actor;
    const doc = await client.call('documents.create', {
      title: 'Group interview',
      kind: 'interview',
      interviewerIds: [me.id],
      text: 'Q: What changed?\nIvan: The pay.\nИрина Соколова: And the bonus?\nInterviewer 2: Anything else?\n— Nothing.',
    });
    for (const words of ['What changed', 'The pay', 'And the bonus', 'Anything else', 'Nothing']) {
      const start = (await client.call('documents.get', { id: doc.id })).text.indexOf(words);
      await client.call('codings.apply', { documentId: doc.id, codeId: A, start, end: start + words.length });
    }
    const scoped = { codeIds: [A], documentLanguages: ['ru'], kinds: ['interview' as const] };
    expect(await quotes(client, { ...scoped, speakers: 'informants' })).toEqual(expect.arrayContaining(['The pay']));
    expect(await quotes(client, { ...scoped, speakers: 'informants' })).not.toEqual(expect.arrayContaining(['Nothing', 'What changed']));
    expect(await quotes(client, { ...scoped, speakers: 'interviewer' })).toEqual(expect.arrayContaining(['What changed', 'And the bonus', 'Anything else']));
    expect(await quotes(client, { ...scoped, speakers: 'interviewer' })).not.toEqual(expect.arrayContaining(['The pay', 'Nothing']));
  });

  it('filters by attribute values through nested cases, by case, kind, date and coder', async () => {
    const { client, A, s } = await coded();
    // A field note from the mine (autumn 1992) and a note linked only to the foreman, who sits inside Кольца.
    const note = await client.call('documents.create', { title: 'Заметка о шахте', kind: 'field_note', date: '1992-10', text: 'Начальник участка раздаёт наряды своим.', caseIds: [s.mine.id] });
    const foremanNote = await client.call('documents.create', { title: 'Заметка о мастере', kind: 'field_note', date: '1993-02', text: 'Мастер снова раздал калым своим.', caseIds: [s.foreman.id] });
    const other = await client.call('members.create', { name: 'Пётр Бизюков' });
    await client.call('codings.apply', { documentId: note.id, codeId: A, start: 0, end: 17 });
    await client.call('codings.applyMany', { codings: [{ documentId: foremanNote.id, codeId: A, start: 0, end: 6, coderId: other.id }] });
    const titles = async (input: Omit<RunInput, 'codeIds'>) => [...new Set((await run(client, { codeIds: [A], ...input })).excerpts.map((e) => e.documentTitle))];

    expect(await titles({ attributes: [{ attributeId: s.industry.id, values: ['machine-building'] }] })).toEqual(['Заметка о мастере', 'Интервью с мастером, Кольца']);
    expect(await titles({ attributes: [{ attributeId: s.industry.id, values: ['mining'] }] })).toEqual(['Заметка о шахте']);
    expect(await titles({ attributes: [{ attributeId: s.industry.id, values: ['mining', 'machine-building'] }] })).toHaveLength(3);
    expect(await titles({ caseIds: [s.rings.id] })).toEqual(['Заметка о мастере', 'Интервью с мастером, Кольца']);
    expect(await titles({ caseIds: [s.samara.id] })).toHaveLength(3);
    expect(await titles({ caseIds: [s.mine.id, s.foreman.id] })).toEqual(['Заметка о шахте', 'Заметка о мастере', 'Интервью с мастером, Кольца']);
    expect(await titles({ kinds: ['field_note'] })).toEqual(['Заметка о шахте', 'Заметка о мастере']);
    expect(await titles({ from: '1993-01', to: '1993-03' })).toEqual(['Заметка о мастере']);
    expect(await titles({ from: '1993' })).toEqual(['Заметка о мастере', 'Интервью с мастером, Кольца']);
    expect(await titles({ to: 'autumn 1992' })).toEqual(['Заметка о шахте']);
    expect(await titles({ coderIds: [other.id] })).toEqual(['Заметка о мастере']);
    expect(await titles({ documentLanguages: ['en'] })).toEqual([]);
    // Documents come in date order, undated last.
    expect(await titles({})).toEqual(['Заметка о шахте', 'Заметка о мастере', 'Интервью с мастером, Кольца']);
  });
});

describe('excerpts', () => {
  it('carry their document, codes, coder, speaker and context', async () => {
    const { client, A, ids, s, at } = await coded();
    const [excerpt] = (await run(client, { codeIds: [A], speakers: 'informants', limit: 1, context: 10 })).excerpts;
    expect(excerpt).toMatchObject({
      documentId: s.interview.id,
      documentTitle: 'Интервью с мастером, Кольца',
      documentKind: 'interview',
      documentDate: { start: '1993-06-01', end: '1993-06-30', precision: 'month' },
      start: at.a1.start,
      end: at.a1.end,
      quote: 'Мастер даёт выгодную работу своим',
      contextBefore: 'игаде.\nР: ',
      contextAfter: '. Кто ему ',
      codingIds: [ids.a1],
      coderName: 'Ирина Соколова',
      speaker: 'Р',
      needsReview: false,
    });
    expect(excerpt!.codes.map((c) => c.name)).toEqual(['Type 2: personal dependence']);
  });

  it('are cited in the field’s convention, in English and Russian', async () => {
    const { client, A, s, gender } = await coded();
    const cite = async (language: 'en' | 'ru', extra: Omit<RunInput, 'codeIds'> = {}) => (await run(client, { codeIds: [A], speakers: 'informants', language, ...extra })).excerpts.map((e) => e.citation);
    expect((await cite('en'))[0]).toBe('(interview with a foreman, Кольца, June 1993)');
    expect((await cite('ru'))[0]).toBe('(интервью с мастером, Кольца, июнь 1993 г.)');
    // The interviewer's question is cited to the document's one informant too.
    expect((await run(client, { codeIds: [A], speakers: 'interviewer' })).excerpts[0]!.citation).toBe('(interview with a foreman, Кольца, June 1993)');
    const note = await client.call('documents.create', { title: 'Заметка', kind: 'field_note', date: 'autumn 1992', text: 'Директор шахты обещал путёвки.', caseIds: [s.mine.id] });
    await client.call('codings.apply', { documentId: note.id, codeId: A, start: 0, end: 8 });
    expect(await cite('en', { kinds: ['field_note'], speakers: 'all' })).toEqual(['(field notes, Шахта, autumn 1992)']);
    expect(await cite('ru', { kinds: ['field_note'], speakers: 'all' })).toEqual(['(полевые заметки, Шахта, осень 1992)']);
    // A woman worker, and a role the builder does not know (cited as entered).
    const worker = await client.call('cases.create', { typeId: s.informant.id, parentId: s.mine.id, name: 'Нина', attributes: { [gender.id]: 'female' } });
    const roleId = (await client.call('attributes.list', {})).find((a) => a.name === 'Role')!.id;
    await client.call('attributes.set', { attributeId: roleId, entityId: worker.id, value: 'worker' });
    const talk = await client.call('documents.create', { title: 'Беседа', kind: 'interview', date: '1993', text: 'И: Как платят?\nН: Плохо платят.', caseIds: [worker.id], speakers: { Н: worker.id } });
    await client.call('codings.apply', { documentId: talk.id, codeId: A, start: 17, end: 29 });
    expect(await cite('ru', { caseIds: [worker.id] })).toEqual(['(интервью с работницей, Шахта, 1993)']);
    expect(await cite('en', { caseIds: [worker.id] })).toEqual(['(interview with a worker, Шахта, 1993)']);
  });
});

describe('saved queries', () => {
  it('saves, lists, re-runs, replaces by name and deletes, each undoable', async () => {
    const { client, A, B, s } = await coded();
    const query = { codeIds: [A, B], operator: 'sameSegment' as const, speakers: 'informants' as const, from: 'June 1993', attributes: [{ attributeId: s.industry.id, values: ['machine-building'] }] };
    const saved = await client.call('retrieval.save', { name: 'Dependence near paternalism', query });
    expect(saved.query).toMatchObject({ codeIds: [A, B], operator: 'sameSegment', from: { start: '1993-06-01', precision: 'month' } });
    const [listed] = await client.call('retrieval.saved', {});
    expect(listed).toEqual(saved);
    expect((await run(client, listed!.query)).total).toBe((await run(client, query)).total);
    expect((await run(client, listed!.query)).total).toBe(3);

    await client.call('retrieval.save', { name: 'dependence NEAR paternalism', query: { codeIds: [A] } });
    const replaced = await client.call('retrieval.saved', {});
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).toMatchObject({ id: saved.id, name: 'dependence NEAR paternalism', query: { codeIds: [A], operator: 'any' } });
    await client.call('history.undo', {});
    expect((await client.call('retrieval.saved', {}))[0]!.name).toBe('Dependence near paternalism');

    await client.call('retrieval.deleteSaved', { id: saved.id });
    expect(await client.call('retrieval.saved', {})).toEqual([]);
    await client.call('history.undo', {});
    expect(await client.call('retrieval.saved', {})).toHaveLength(1);
    await expect(client.call('retrieval.save', { name: 'bad', query: { codeIds: [A], operator: 'not' } })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('bulk actions on excerpts', () => {
  it('recodes a selection as one undoable operation, merging with a coding already there', async () => {
    const { client, A, B, ids, at, s } = await coded();
    const kalym = await client.call('codes.create', { name: 'Kalym' });
    // Kalym is already on a2's words by the same coder, with a memo on a2 that must survive.
    const twin = await client.call('codings.apply', { documentId: s.interview.id, codeId: kalym.id, ...at.a2 });
    await client.call('memos.create', { targetType: 'coding', targetId: ids.a2, title: 'why', text: 'because' });
    const page = await run(client, { codeIds: [A], speakers: 'informants' });
    const before = (await client.call('history.list', { limit: 100 })).length;
    const result = await client.call('retrieval.recode', { codingIds: page.excerpts.flatMap((e) => e.codingIds), codeId: kalym.id });
    expect(result).toEqual({ recoded: 2, merged: 1 });
    const history = await client.call('history.list', { limit: 100 });
    expect(history.length).toBe(before + 1);
    expect(history[0]).toMatchObject({ method: 'retrieval.recode', summary: 'Recoded 3 passages as Kalym' });
    expect(await quotes(client, { codeIds: [A] })).toEqual(['Расскажите']);
    expect((await run(client, { codeIds: [kalym.id] })).total).toBe(3);
    expect((await client.call('memos.list', { targetType: 'coding', targetId: twin.id })).map((m) => m.title)).toEqual(['why']);
    // Relations see the new code at once.
    expect(await quotes(client, { codeIds: [kalym.id, B], operator: 'overlaps' })).toEqual(['Мастер даёт выгодную работу своим']);

    await client.call('history.undo', {});
    expect((await run(client, { codeIds: [A] })).total).toBe(4);
    expect((await run(client, { codeIds: [kalym.id] })).total).toBe(1);
    expect((await client.call('memos.list', { targetType: 'coding', targetId: ids.a2 })).map((m) => m.title)).toEqual(['why']);
  });

  it('uncodes a selection as one undoable operation', async () => {
    const { client, A, B } = await coded();
    const page = await run(client, { codeIds: [A, B], operator: 'not' });
    const before = await client.call('history.list', { limit: 100 });
    expect(await client.call('retrieval.uncode', { codingIds: page.excerpts.flatMap((e) => e.codingIds) })).toEqual({ removed: 3 });
    const after = await client.call('history.list', { limit: 100 });
    expect(after.length).toBe(before.length + 1);
    // Three deletions, and the document remembering the highest quote number removed (never given again).
    expect(after[0]).toMatchObject({ method: 'retrieval.uncode', summary: 'Removed 3 codings', changeCount: 4 });
    expect((await run(client, { codeIds: [A] })).total).toBe(1);
    await client.call('history.undo', {});
    expect((await run(client, { codeIds: [A] })).total).toBe(4);
  });

  it('refuses an archived code, and leaves everything as it was', async () => {
    const { client, A, B } = await coded();
    await client.call('codes.archive', { id: B });
    const page = await run(client, { codeIds: [A] });
    await expect(client.call('retrieval.recode', { codingIds: page.excerpts.flatMap((e) => e.codingIds), codeId: B })).rejects.toMatchObject({ message: expect.stringContaining('archived') });
    expect((await run(client, { codeIds: [A] })).total).toBe(4);
  });
});
