import { describe, expect, it } from 'vitest';
import { newProject, seed } from './support';

describe('coding', () => {
  it('codes passages with quote, context and coder; overlaps are allowed; the same code twice on a span is one coding', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const start = s.text.indexOf('Мастер даёт');
    const end = s.text.indexOf(' Кто ему');
    const a = await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start, end });
    expect(a).toMatchObject({ quote: 'Мастер даёт выгодную работу своим.', status: 'ok', coderId: (await client.call('project.info', {})).actor.id });
    expect(a.contextBefore.endsWith('Р: ')).toBe(true);
    const overlap = await client.call('codings.apply', { documentId: s.interview.id, codeId: s.paternalism.id, start: start + 7, end: end + 20 });
    const again = await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start, end });
    expect(again.id).toBe(a.id);
    const detail = await client.call('documents.get', { id: s.interview.id });
    expect(detail.codings.map((c) => c.id).sort()).toEqual([a.id, overlap.id].sort());
    expect((await client.call('codes.list', {})).find((c) => c.id === s.type2.id)).toMatchObject({ codingCount: 1, documentCount: 1 });
  });

  it('refuses passages outside the text, empty selections and archived codes, with a reason', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    await expect(client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: 5, end: 5 })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('selection is empty'),
    });
    await expect(client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: 0, end: s.text.length + 1 })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('outside the text'),
    });
    await client.call('codes.archive', { id: s.type2.id });
    await expect(client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: 0, end: 4 })).rejects.toMatchObject({
      message: expect.stringContaining('archived'),
    });
  });

  it('resizes, recodes, comments and removes codings', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const c = await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: 0, end: 10 });
    expect((await client.call('codings.resize', { id: c.id, start: 3, end: 14 })).quote).toBe(s.text.slice(3, 14));
    expect((await client.call('codings.recode', { id: c.id, codeId: s.paternalism.id })).codeId).toBe(s.paternalism.id);
    expect((await client.call('codings.comment', { id: c.id, comment: 'проверить' })).comment).toBe('проверить');
    await client.call('codings.remove', { id: c.id });
    expect(await client.call('codings.list', {})).toEqual([]);
  });

  it('keeps each coder’s coding of the same passage apart', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const other = await client.call('members.create', { name: 'Вадим Борисов' });
    const result = await client.call('codings.applyMany', {
      codings: [
        { documentId: s.interview.id, codeId: s.type2.id, start: 0, end: 10 },
        { documentId: s.interview.id, codeId: s.type2.id, start: 0, end: 10, coderId: other.id },
        { documentId: s.interview.id, codeId: s.type2.id, start: 0, end: 10, coderId: other.id },
      ],
    });
    expect(result).toEqual({ created: 2, existing: 1 });
    expect(await client.call('codings.list', { coderId: other.id })).toHaveLength(1);
  });
});

describe('the codebook', () => {
  it('merges two codes with all their codings, children and memos', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const child = await client.call('codes.create', { name: 'Dynasty', parentId: s.paternalism.id });
    await client.call('codings.apply', { documentId: s.interview.id, codeId: s.paternalism.id, start: 0, end: 10 });
    await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: 0, end: 10 });
    await client.call('codings.apply', { documentId: s.interview.id, codeId: s.paternalism.id, start: 20, end: 30 });
    await client.call('memos.create', { targetType: 'code', targetId: s.paternalism.id, text: 'debate' });
    const merged = await client.call('codes.merge', { sourceId: s.paternalism.id, targetId: s.type2.id });
    expect(merged.codingCount).toBe(2); // the twin on 0–10 is one coding
    const codes = await client.call('codes.list', {});
    expect(codes.find((c) => c.id === s.paternalism.id)).toBeUndefined();
    expect(codes.find((c) => c.id === child.id)?.parentId).toBe(s.type2.id);
    expect(await client.call('memos.list', { targetId: s.type2.id })).toHaveLength(1);
  });

  it('splits a code by reassigning chosen codings to a new code', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const a = await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: 0, end: 10 });
    await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: 20, end: 30 });
    const upward = await client.call('codes.split', { id: s.type2.id, codingIds: [a.id], into: { name: 'Upward dependence', parentId: s.informal.id } });
    expect(upward).toMatchObject({ name: 'Upward dependence', parentId: s.informal.id, codingCount: 1 });
    await expect(client.call('codes.split', { id: s.type2.id, codingIds: [a.id], into: { codeId: upward.id } })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('deletes a code with codings only when asked to cascade', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: 0, end: 10 });
    await expect(client.call('codes.delete', { id: s.informal.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('1 sub-codes and 1 codings') });
    expect(await client.call('codes.delete', { id: s.informal.id, cascade: true })).toEqual({ deletedCodes: 2, deletedCodings: 1 });
    expect(await client.call('codes.delete', { id: s.paternalism.id })).toEqual({ deletedCodes: 1, deletedCodings: 0 });
  });

  it('moves codes in the tree, but never inside themselves', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    await expect(client.call('codes.move', { id: s.informal.id, parentId: s.type2.id })).rejects.toMatchObject({ code: 'invalid_input' });
    await client.call('codes.move', { id: s.paternalism.id, parentId: s.informal.id, beforeId: s.type2.id });
    const names = (await client.call('codes.list', {})).map((c) => c.name);
    expect(names).toEqual(['Informal relations', 'Paternalism', 'Type 2: personal dependence']);
  });

  it('imports and exports the codebook as CSV, parents after children included', async () => {
    const { client } = await newProject();
    const csv = '\uFEFFname,parent,color,definition\nKlassnost,Payment systems,#aa0000,"LenKon\'s loyalty-class bonus, 1992"\nPayment systems,,,\n';
    expect(await client.call('codebook.importCsv', { csv })).toEqual({ created: 2, updated: 0 });
    expect(await client.call('codebook.importCsv', { csv })).toEqual({ created: 0, updated: 2 });
    const out = await client.call('codebook.exportCsv', {});
    expect(out.split('\n')[0]).toBe('name,parent,color,definition,inclusion,exclusion,example');
    expect(out).toContain('Klassnost,Payment systems,#aa0000,"LenKon\'s loyalty-class bonus, 1992"');
    await expect(client.call('codebook.importCsv', { csv: 'title\nx\n' })).rejects.toMatchObject({ message: expect.stringContaining('"name" column') });
    await expect(client.call('codebook.importCsv', { csv: 'name,parent\nA,Nowhere\n' })).rejects.toMatchObject({ message: expect.stringContaining('"Nowhere"') });
    // A failed import changed nothing.
    expect((await client.call('codes.list', {})).map((c) => c.name).sort()).toEqual(['Klassnost', 'Payment systems']);
  });
});

describe('editing a code', () => {
  it('renames and re-parents it in one undoable operation, never inside itself', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const moved = await client.call('codes.update', { id: s.paternalism.id, name: 'Paternalism from above', parentId: s.informal.id });
    expect(moved).toMatchObject({ name: 'Paternalism from above', parentId: s.informal.id });
    await expect(client.call('codes.update', { id: s.informal.id, parentId: s.type2.id })).rejects.toMatchObject({ code: 'invalid_input' });
    await client.call('history.undo', {});
    expect((await client.call('codes.list', {})).find((c) => c.id === s.paternalism.id)).toMatchObject({ name: 'Paternalism', parentId: null });
  });
});
