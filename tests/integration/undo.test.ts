import { describe, expect, it } from 'vitest';
import type { QuireClient } from '../../src-shared/contract';
import { newProject, openAgain, seed, snapshot } from './support';

type Step = (client: QuireClient, s: Awaited<ReturnType<typeof seed>>) => Promise<unknown>;

/** One step per kind of mutation: each must undo to exactly the state before it and redo to after. */
const steps: readonly [string, Step][] = [
  ['codings.apply', (c, s) => c.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: s.text.indexOf('Опоздал'), end: s.text.indexOf(' Это у нас') })],
  ['codings.applyMany', (c, s) => c.call('codings.applyMany', { codings: [{ documentId: s.interview.id, codeId: s.paternalism.id, start: s.text.indexOf('Директор'), end: s.text.length }] })],
  ['codings.resize', async (c, s) => {
    const [coding] = await c.call('codings.list', { codeId: s.type2.id });
    return c.call('codings.resize', { id: coding!.id, start: coding!.start, end: coding!.end - 3 });
  }],
  ['codings.comment', async (c, s) => c.call('codings.comment', { id: (await c.call('codings.list', { codeId: s.type2.id }))[0]!.id, comment: 'Классический тип 2' })],
  ['codings.recode', async (c, s) => c.call('codings.recode', { id: (await c.call('codings.list', { codeId: s.paternalism.id }))[0]!.id, codeId: s.informal.id })],
  ['codes.update', (c, s) => c.call('codes.update', { id: s.paternalism.id, name: 'Paternalism from above', definition: 'Management as guardian', color: '#123456' })],
  ['codes.move', (c, s) => c.call('codes.move', { id: s.paternalism.id, parentId: s.informal.id, beforeId: s.type2.id })],
  ['codes.archive', (c, s) => c.call('codes.archive', { id: s.paternalism.id })],
  ['codes.split', async (c, s) => c.call('codes.split', { id: s.type2.id, codingIds: [(await c.call('codings.list', { codeId: s.type2.id }))[0]!.id], into: { name: 'Type 2: upward dependence' } })],
  ['codes.merge', async (c, s) => {
    const codes = await c.call('codes.list', {});
    return c.call('codes.merge', { sourceId: codes.find((x) => x.name === 'Type 2: upward dependence')!.id, targetId: s.type2.id });
  }],
  ['memos.create', (c, s) => c.call('memos.create', { targetType: 'code', targetId: s.type2.id, title: 'Тип 2', text: 'Долг личный, не переходит к преемнику.' })],
  ['memos.update', async (c, s) => c.call('memos.update', { id: (await c.call('memos.list', { targetId: s.type2.id }))[0]!.id, text: 'Долг личный.' })],
  ['documents.update', (c, s) => c.call('documents.update', { id: s.interview.id, title: 'Интервью с мастером (Кольца)', date: 'autumn 1992' })],
  ['documents.revise', (c, s) => c.call('documents.revise', { id: s.interview.id, text: `И: Первый вопрос.\n${s.text.replace('калым', 'халтуру')}` })],
  ['documents.linkCase', (c, s) => c.call('documents.linkCase', { documentId: s.interview.id, caseId: s.mine.id })],
  ['documents.unlinkCase', (c, s) => c.call('documents.unlinkCase', { documentId: s.interview.id, caseId: s.mine.id })],
  ['documents.linkSpeaker', (c, s) => c.call('documents.linkSpeaker', { documentId: s.interview.id, speaker: 'И', caseId: s.foreman.id })],
  ['cases.update', (c, s) => c.call('cases.update', { id: s.rings.id, name: 'Кольца (ГПЗ)', aliases: ['Rings'] })],
  ['attributes.set', (c, s) => c.call('attributes.set', { attributeId: s.industry.id, entityId: s.rings.id, value: 'mining' })],
  ['autocode.apply', (c, s) => c.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: s.informal.id })],
  ['members.create', (c) => c.call('members.create', { name: 'Вадим Борисов', team: 'Сыктывкар' })],
  ['project.update', (c) => c.call('project.update', { name: 'Кольца 1993' })],
  ['codings.remove', async (c, s) => c.call('codings.remove', { id: (await c.call('codings.list', { codeId: s.type2.id }))[0]!.id })],
  ['codes.delete', (c, s) => c.call('codes.delete', { id: s.informal.id, cascade: true })],
  ['cases.delete', (c, s) => c.call('cases.delete', { id: s.mine.id })],
  ['documents.delete', (c, s) => c.call('documents.delete', { id: s.interview.id, cascade: true })],
];

describe('undo and redo', () => {
  it('undo every kind of mutation back to the exact state before it, and redo forward again', async () => {
    const { client, file } = await newProject();
    const s = await seed(client);
    const states = [snapshot(file)];
    for (const [name, step] of steps) {
      await step(client, s);
      const state = snapshot(file);
      expect(state, `${name} changed nothing`).not.toBe(states[states.length - 1]);
      states.push(state);
    }
    for (let i = steps.length - 1; i >= 0; i--) {
      const { entry } = await client.call('history.undo', {});
      expect(entry.method).toBe(steps[i]![0]);
      expect(snapshot(file), `undo of ${steps[i]![0]}`).toBe(states[i]);
    }
    for (let i = 0; i < steps.length; i++) {
      await client.call('history.redo', {});
      expect(snapshot(file), `redo of ${steps[i]![0]}`).toBe(states[i + 1]);
    }
    await expect(client.call('history.redo', {})).rejects.toMatchObject({ code: 'nothing_to_redo' });
  });

  it('survives closing and reopening the project', async () => {
    const { core, client, file } = await newProject();
    const s = await seed(client);
    await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: 0, end: 10 });
    await client.call('history.undo', {});
    const undone = snapshot(file);
    await core.dispose();
    const again = await openAgain(file);
    await again.client.call('history.redo', {});
    expect(await again.client.call('codings.list', {})).toHaveLength(1);
    await again.client.call('history.undo', {});
    expect(snapshot(file)).toBe(undone);
  });

  it('a new operation ends the redo stack', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    await client.call('codes.update', { id: s.paternalism.id, name: 'A' });
    await client.call('history.undo', {});
    await client.call('codes.update', { id: s.paternalism.id, name: 'B' });
    await expect(client.call('history.redo', {})).rejects.toMatchObject({ code: 'nothing_to_redo' });
  });

  it('says so when there is nothing to undo in a new project', async () => {
    const { client } = await newProject();
    await expect(client.call('history.undo', {})).rejects.toMatchObject({ code: 'nothing_to_undo', message: 'There is nothing to undo.' });
  });

  it('an operation that changes nothing is not recorded', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const input = { documentId: s.interview.id, codeId: s.type2.id, start: 0, end: 10 };
    const first = await client.call('codings.apply', input);
    const before = (await client.call('history.list', {})).length;
    const second = await client.call('codings.apply', input);
    expect(second.id).toBe(first.id);
    expect(await client.call('history.list', {})).toHaveLength(before);
  });
});
