import { describe, expect, it } from 'vitest';
import type { QuireClient } from '../../src-shared/contract';
import type { Disagreement } from '../../src-shared/contract/disagreements';
import { newProject, snapshot } from './support';

/**
 * The adjudication queue from codings scripted for two coders on one Russian interview: each kind
 * of disagreement, the tolerance on boundaries, and every decision with its undo.
 */
const TEXT = [
  'И: Как у вас распределяли работу в цеху?',
  'Р: Мастер распределял сам. Кто ему нравился, тот получал выгодные наряды, а остальным доставалась мелочь.',
  'И: А начальство знало?',
  'Р: Директор был как отец родной: квартиры давал, путёвки в Ялту, ёлку для детей на Новый год.',
  'Р: Зарплату задерживали по полгода, платили сахаром и тушёнкой.',
].join('\n');

/** [start, end) of `phrase` in the text, failing loudly when absent. */
function at(phrase: string): { start: number; end: number } {
  const start = TEXT.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

async function setUp() {
  const opened = await newProject('Анна Руденко');
  const { client } = opened;
  const anna = (await client.call('project.info', {})).actor;
  const boris = await client.call('members.create', { name: 'Борис Ельцов', initials: 'БЕ' });
  const doc = await client.call('documents.create', { title: 'Интервью 7, Кольца', kind: 'interview', text: TEXT });
  const power = await client.call('codes.create', { name: 'Власть мастера' });
  const paternalism = await client.call('codes.create', { name: 'Патернализм' });
  const pay = await client.call('codes.create', { name: 'Оплата труда' });
  const code = (coderId: string, codeId: string, phrase: string, shift: { start?: number; end?: number } = {}) => {
    const span = at(phrase);
    return { documentId: doc.id, codeId, coderId, start: span.start + (shift.start ?? 0), end: span.end + (shift.end ?? 0) };
  };
  return { ...opened, anna, boris, doc, power, paternalism, pay, code };
}

/** One disagreement of each kind between Anna (A) and Boris (B). */
function eachKind({ anna, boris, power, paternalism, pay, code }: Awaited<ReturnType<typeof setUp>>) {
  return [
    // Only Anna.
    code(anna.id, pay.id, 'Зарплату задерживали по полгода'),
    // Different codes on the same passage.
    code(anna.id, paternalism.id, 'Директор был как отец родной'),
    code(boris.id, power.id, 'Директор был как отец родной'),
    // Different boundaries of the same code.
    code(anna.id, paternalism.id, 'квартиры давал, путёвки в Ялту'),
    code(boris.id, paternalism.id, 'квартиры давал, путёвки в Ялту, ёлку для детей на Новый год.'),
    // Only Boris.
    code(boris.id, pay.id, 'платили сахаром и тушёнкой'),
  ];
}

const list = (client: QuireClient, coderA: string, coderB: string, extra: { tolerance?: number; codeIds?: string[]; documentIds?: string[] } = {}) =>
  client.call('disagreements.list', { coderA, coderB, ...extra });

const summary = (d: Disagreement) => ({ kind: d.kind, a: d.a?.quote ?? null, b: d.b?.quote ?? null });

describe('the disagreements of two coders', () => {
  it('finds each kind: coded by one alone, different codes, different boundaries; agreements are not listed', async () => {
    const s = await setUp();
    const { client, anna, boris, power, paternalism, pay, code } = s;
    await client.call('codings.applyMany', {
      // Agreement, the same code on the same words, besides one disagreement of each kind.
      codings: [code(anna.id, power.id, 'Мастер распределял сам.'), code(boris.id, power.id, 'Мастер распределял сам.'), ...eachKind(s)],
    });
    const page = await list(client, anna.id, boris.id);
    expect(page.total).toBe(4);
    expect(page.items.map(summary)).toEqual([
      { kind: 'codes', a: 'Директор был как отец родной', b: 'Директор был как отец родной' },
      { kind: 'boundaries', a: 'квартиры давал, путёвки в Ялту', b: 'квартиры давал, путёвки в Ялту, ёлку для детей на Новый год.' },
      { kind: 'only-a', a: 'Зарплату задерживали по полгода', b: null },
      { kind: 'only-b', a: null, b: 'платили сахаром и тушёнкой' },
    ]);
    expect(page.items[0]).toMatchObject({ documentTitle: 'Интервью 7, Кольца' });
    expect(page.items[0]!.a).toMatchObject({ coderId: anna.id, codeId: paternalism.id });
    expect(page.items[0]!.b).toMatchObject({ coderId: boris.id, codeId: power.id });

    // Swapping the coders swaps the sides and keeps the same disagreements.
    const swapped = await list(client, boris.id, anna.id);
    expect(swapped.items.map((d) => d.kind)).toEqual(['codes', 'boundaries', 'only-b', 'only-a']);
    expect(swapped.items.map((d) => d.key)).toEqual(page.items.map((d) => d.key));

    // Restricted to codes: a different-codes pair needs both its codes.
    expect((await list(client, anna.id, boris.id, { codeIds: [pay.id] })).items.map(summary)).toEqual([
      { kind: 'only-a', a: 'Зарплату задерживали по полгода', b: null },
      { kind: 'only-b', a: null, b: 'платили сахаром и тушёнкой' },
    ]);
    expect((await list(client, anna.id, boris.id, { codeIds: [paternalism.id] })).items.map((d) => d.kind)).toEqual(['only-a', 'boundaries']);
    // Paged.
    const second = await client.call('disagreements.list', { coderA: anna.id, coderB: boris.id, limit: 2, offset: 2 });
    expect(second.items.map((d) => d.kind)).toEqual(['only-a', 'only-b']);
    expect(second.total).toBe(4);
  });

  it('lets ends differ within the tolerance, after snapping both to whole words', async () => {
    const { client, anna, boris, power, code } = await setUp();
    await client.call('codings.applyMany', {
      codings: [
        // Boris started mid-word and stopped before the full stop: the same words once snapped, but one character short.
        code(anna.id, power.id, 'Кто ему нравился, тот получал выгодные наряды,'),
        code(boris.id, power.id, 'Кто ему нравился, тот получал выгодные наряды,', { start: 2, end: -1 }),
      ],
    });
    expect((await list(client, anna.id, boris.id, { tolerance: 1 })).total).toBe(0);
    expect((await list(client, anna.id, boris.id, { tolerance: 0 })).items.map((d) => d.kind)).toEqual(['boundaries']);
    // Three more words: beyond any small tolerance, within a large one.
    await client.call('codings.applyMany', {
      codings: [code(anna.id, power.id, 'Мастер распределял сам.'), code(boris.id, power.id, 'Мастер распределял сам. Кто', { start: 0, end: 0 })],
    });
    expect((await list(client, anna.id, boris.id, { tolerance: 3 })).items.map(summary)).toEqual([
      { kind: 'boundaries', a: 'Мастер распределял сам.', b: 'Мастер распределял сам. Кто' },
    ]);
    expect((await list(client, anna.id, boris.id, { tolerance: 4 })).total).toBe(0);
  });

  it('leaves out documents only one of the two has coded yet, and says how many', async () => {
    const { client, anna, boris, power, code } = await setUp();
    const other = await client.call('documents.create', { title: 'Интервью 8, Маяк', kind: 'interview', text: TEXT });
    await client.call('codings.applyMany', {
      codings: [code(anna.id, power.id, 'Мастер распределял сам.'), { ...code(anna.id, power.id, 'Директор был как отец родной'), documentId: other.id }],
    });
    const page = await list(client, anna.id, boris.id);
    expect(page).toMatchObject({ total: 0, oneSided: 2 });
    await client.call('codings.applyMany', { codings: [{ ...code(boris.id, power.id, 'Зарплату задерживали'), documentId: other.id }] });
    const now = await list(client, anna.id, boris.id);
    expect(now.oneSided).toBe(1);
    expect(now.items.map((d) => [d.documentTitle, d.kind])).toEqual([
      ['Интервью 8, Маяк', 'only-a'],
      ['Интервью 8, Маяк', 'only-b'],
    ]);
  });

  it('refuses the same coder twice and unknown coders, in plain words', async () => {
    const { client, anna } = await setUp();
    await expect(list(client, anna.id, anna.id)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('two different coders') });
    await expect(list(client, anna.id, '01234567-89ab-7def-8123-456789abcdef')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('not a member') });
  });
});

describe('decisions on disagreements', () => {
  async function withAll() {
    const s = await setUp();
    const { client, anna, boris } = s;
    await client.call('codings.applyMany', { codings: eachKind(s) });
    const items = (await list(client, anna.id, boris.id)).items;
    const byKind = (kind: Disagreement['kind']) => items.find((d) => d.kind === kind)!;
    const resolve = (d: Disagreement, decision: 'accept-a' | 'accept-b' | 'both' | 'neither' | 'note', note?: string) =>
      client.call('disagreements.resolve', { coderA: anna.id, coderB: boris.id, aCodingId: d.a?.id ?? null, bCodingId: d.b?.id ?? null, decision, ...(note ? { note } : {}) });
    return { ...s, byKind, resolve };
  }

  const codingsOf = async (client: QuireClient, coderId: string) => (await client.call('codings.list', { coderId })).map((c) => `${c.codeId}:${c.quote}`).sort();

  it('accept A makes B’s coding equal to A’s (recoded and resized), and one undo takes it back', async () => {
    const { client, file, anna, boris, byKind, resolve, paternalism } = await withAll();
    const before = snapshot(file);
    const codes = byKind('codes');
    const result = await resolve(codes, 'accept-a');
    expect(result.bCodingId).toBe(codes.b!.id);
    const b = (await client.call('codings.list', { coderId: boris.id })).find((c) => c.id === codes.b!.id)!;
    expect(b).toMatchObject({ codeId: paternalism.id, start: codes.a!.start, end: codes.a!.end });
    const after = await list(client, anna.id, boris.id);
    expect(after.items.map((d) => d.kind)).toEqual(['boundaries', 'only-a', 'only-b']);
    const history = await client.call('history.list', { limit: 1 });
    expect(history[0]!.summary).toContain('accepted Анна Руденко');
    await client.call('history.undo', {});
    expect(snapshot(file)).toBe(before);
    expect((await list(client, anna.id, boris.id)).total).toBe(4);
  });

  it('accept A on a passage only A coded codes it for B; on one only B coded, removes B’s', async () => {
    const { client, file, anna, boris, byKind, resolve, pay } = await withAll();
    const before = snapshot(file);
    const onlyA = byKind('only-a');
    const made = await resolve(onlyA, 'accept-a');
    const mine = (await client.call('codings.list', { coderId: boris.id })).find((c) => c.id === made.bCodingId)!;
    expect(mine).toMatchObject({ codeId: pay.id, quote: 'Зарплату задерживали по полгода', coderId: boris.id });
    const onlyB = byKind('only-b');
    await resolve(onlyB, 'accept-a');
    expect(await codingsOf(client, boris.id)).not.toContain(`${pay.id}:платили сахаром и тушёнкой`);
    expect((await list(client, anna.id, boris.id)).items.map((d) => d.kind)).toEqual(['codes', 'boundaries']);
    await client.call('history.undo', {});
    await client.call('history.undo', {});
    expect(snapshot(file)).toBe(before);
  });

  it('accept B on different boundaries gives A B’s extent', async () => {
    const { client, anna, boris, byKind, resolve } = await withAll();
    const boundaries = byKind('boundaries');
    await resolve(boundaries, 'accept-b');
    expect((await client.call('codings.list', { coderId: anna.id })).find((c) => c.id === boundaries.a!.id)!.quote).toBe('квартиры давал, путёвки в Ялту, ёлку для детей на Новый год.');
    expect((await list(client, anna.id, boris.id)).items.map((d) => d.kind)).toEqual(['codes', 'only-a', 'only-b']);
  });

  it('neither removes both codings; both keeps them and takes the disagreement off the queue', async () => {
    const { client, file, anna, boris, byKind, resolve } = await withAll();
    const before = snapshot(file);
    const codes = byKind('codes');
    await resolve(codes, 'neither');
    const ids = [...(await client.call('codings.list', {}))].map((c) => c.id);
    expect(ids).not.toContain(codes.a!.id);
    expect(ids).not.toContain(codes.b!.id);
    const boundaries = byKind('boundaries');
    await resolve(boundaries, 'both');
    const ids2 = (await client.call('codings.list', {})).map((c) => c.id);
    expect(ids2).toEqual(expect.arrayContaining([boundaries.a!.id, boundaries.b!.id]));
    const page = await list(client, anna.id, boris.id);
    expect(page.items.map((d) => d.kind)).toEqual(['only-a', 'only-b']);
    expect(page.decided).toBe(1);
    // The decision holds for the pair whichever coder is A.
    expect((await list(client, boris.id, anna.id)).total).toBe(2);
    await client.call('history.undo', {});
    expect((await list(client, anna.id, boris.id)).total).toBe(3);
    await client.call('history.undo', {});
    expect(snapshot(file)).toBe(before);
  });

  it('a decision of "both" stops applying once either coding changes', async () => {
    const { client, anna, boris, byKind, resolve } = await withAll();
    const boundaries = byKind('boundaries');
    await resolve(boundaries, 'both');
    expect((await list(client, anna.id, boris.id)).items.map((d) => d.kind)).not.toContain('boundaries');
    await client.call('codings.resize', { id: boundaries.b!.id, start: boundaries.b!.start, end: boundaries.b!.end - 10 });
    expect((await list(client, anna.id, boris.id)).items.map((d) => d.kind)).toContain('boundaries');
  });

  it('a note for the codebook writes a memo on the code and takes the disagreement off the queue', async () => {
    const { client, anna, boris, byKind, resolve, paternalism } = await withAll();
    const codes = byKind('codes');
    await expect(resolve(codes, 'note')).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Write the note') });
    const result = await resolve(codes, 'note', 'Патернализм или власть? Уточнить определение: директор, не мастер.');
    const memos = await client.call('memos.list', { targetType: 'code', targetId: paternalism.id });
    expect(memos.map((m) => m.id)).toEqual([result.memoId]);
    expect(memos[0]!.text).toContain('Уточнить определение');
    expect(memos[0]!.text).toContain('Борис Ельцов: Власть мастера');
    expect((await list(client, anna.id, boris.id)).items.map((d) => d.kind)).not.toContain('codes');
    await client.call('history.undo', {});
    expect(await client.call('memos.list', { targetType: 'code', targetId: paternalism.id })).toEqual([]);
    expect((await list(client, anna.id, boris.id)).items.map((d) => d.kind)).toContain('codes');
  });

  it('refuses a coding that is not the named coder’s', async () => {
    const { client, anna, boris, byKind } = await withAll();
    const codes = byKind('codes');
    await expect(
      client.call('disagreements.resolve', { coderA: anna.id, coderB: boris.id, aCodingId: codes.b!.id, bCodingId: null, decision: 'accept-a' }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('not coded by coder A') });
  });
});
