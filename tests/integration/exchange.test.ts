import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { content, copyOf, mergeBothWays, twoCopies } from './exchange-support';
import { newProject, seed, snapshot, tempFolder } from './support';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('merging a colleague’s copy', () => {
  it('brings in their codes and codings, converges both ways, and merging twice changes nothing', async () => {
    const { a, b, seeded } = await twoCopies();
    const code = await b.client.call('codes.create', { name: 'Калым' });
    await b.client.call('codings.apply', { documentId: seeded.interview.id, codeId: code.id, start: 60, end: 90 });
    await a.client.call('codings.apply', { documentId: seeded.interview.id, codeId: seeded.paternalism.id, start: 200, end: 240 });
    const fromA = await copyOf(a.client);
    const fromB = await copyOf(b.client);
    const preview = await a.client.call('exchange.preview', { path: fromB });
    const intoA = await a.client.call('exchange.merge', { path: fromB });
    expect(intoA).toMatchObject({ from: 'Олег Ким', added: { codes: 1, codings: 1 }, conflicts: 1 });
    // Both coded the interview: Олег's first coding keeps quote number 1, Ирина's gets the next.
    expect((await a.client.call('exchange.conflicts', {})).map((c) => [c.kind, c.field, c.kept, c.other])).toEqual([['renumbered', 'quote_no', 2, 1]]);
    expect({ ...preview, backupPath: null }).toEqual({ ...intoA, backupPath: null });
    expect(fs.existsSync(intoA.backupPath!)).toBe(true);
    await b.client.call('exchange.merge', { path: fromA });
    expect(content(a.file)).toEqual(content(b.file));
    const again = await a.client.call('exchange.merge', { path: fromB });
    expect(again.operations).toBe(0);
    expect(again.alreadyHere).toBeGreaterThan(0);
  });

  it('is one undoable operation: undo takes the colleague’s work out, merging again brings it back', async () => {
    const { a, b, seeded } = await twoCopies();
    await b.client.call('codings.apply', { documentId: seeded.interview.id, codeId: seeded.type2.id, start: 60, end: 90 });
    const fromB = await copyOf(b.client);
    const before = content(a.file);
    await a.client.call('exchange.merge', { path: fromB });
    expect((await a.client.call('codings.list', {})).length).toBe(1);
    await a.client.call('history.undo', {});
    expect(content(a.file)).toEqual(before);
    const again = await a.client.call('exchange.merge', { path: fromB });
    expect(again.added.codings).toBe(1);
  });

  it('sends only what is new to a colleague since the last exchange with them', async () => {
    const { a, b, seeded } = await twoCopies();
    await b.client.call('codes.create', { name: 'Блат' });
    const first = path.join(tempFolder(), 'oleg-1.quirebundle');
    await b.client.call('exchange.exportBundle', { path: first });
    await a.client.call('exchange.merge', { path: first });
    await a.client.call('codings.apply', { documentId: seeded.interview.id, codeId: seeded.type2.id, start: 10, end: 40 });
    // Ирина sends her work back as a bundle; Олег merges it and so tells his copy what she holds.
    const back = path.join(tempFolder(), 'irina.quirebundle');
    await a.client.call('exchange.exportBundle', { path: back });
    await b.client.call('exchange.merge', { path: back });
    await b.client.call('memos.create', { targetType: 'project', title: 'Заметка', text: 'новое' });
    const [irina] = await b.client.call('exchange.peers', {});
    expect(irina!.name).toBe('Ирина Соколова');
    const since = await b.client.call('exchange.exportBundle', { peerId: irina!.replicaId });
    expect(since.operations).toBe(1);
    const outcome = await a.client.call('exchange.merge', { data: since.data! });
    expect(outcome).toMatchObject({ operations: 1, added: { memos: 1 } });
  });

  it('a bundle since a date carries what the work refers to, so it merges on its own', async () => {
    const { a, b, seeded } = await twoCopies();
    const before = snapshot(a.file);
    await tick();
    const since = new Date().toISOString();
    await tick();
    const code = await b.client.call('codes.create', { name: 'Калым' });
    await b.client.call('codings.apply', { documentId: seeded.interview.id, codeId: code.id, start: 5, end: 25 });
    const bundle = await b.client.call('exchange.exportBundle', { since });
    // Олег's member record was made when he first opened his copy, before the date; it goes
    // along, with the interview the coding is on (which Ирина has already).
    expect(bundle.operations).toBeGreaterThanOrEqual(3);
    const outcome = await a.client.call('exchange.merge', { data: bundle.data! });
    expect(outcome).toMatchObject({ operations: 3, conflicts: 0, added: { codes: 1, codings: 1, other: 1 } });
    expect(snapshot(a.file)).not.toEqual(before);
  });
});

describe('conflicts go to the review list', () => {
  it('a code renamed differently on both sides keeps the later name and lists the other', async () => {
    const { a, b, seeded } = await twoCopies();
    await a.client.call('codes.update', { id: seeded.paternalism.id, name: 'Патернализм' });
    await tick();
    await b.client.call('codes.update', { id: seeded.paternalism.id, name: 'Paternalism (enterprise)' });
    const fromA = await copyOf(a.client);
    const fromB = await copyOf(b.client);
    expect((await a.client.call('exchange.merge', { path: fromB })).conflicts).toBe(1);
    await b.client.call('exchange.merge', { path: fromA });
    for (const side of [a, b]) expect((await side.client.call('codes.list', {})).find((c) => c.id === seeded.paternalism.id)!.name).toBe('Paternalism (enterprise)');
    const [conflict] = await a.client.call('exchange.conflicts', {});
    expect(conflict).toMatchObject({ kind: 'both_edited', table: 'codes', field: 'name', kept: 'Paternalism (enterprise)', other: 'Патернализм', label: 'Paternalism (enterprise)' });
    const resolved = await a.client.call('exchange.resolveConflict', { id: conflict!.id, choice: 'useOther' });
    expect(resolved.status).toBe('resolved');
    expect((await a.client.call('codes.list', {})).find((c) => c.id === seeded.paternalism.id)!.name).toBe('Патернализм');
    expect(await a.client.call('exchange.conflicts', {})).toEqual([]);
  });

  it('a coding on a code the other side deleted keeps the coding and restores the code', async () => {
    const { a, b, seeded } = await twoCopies();
    await a.client.call('codes.delete', { id: seeded.paternalism.id });
    const coding = await b.client.call('codings.apply', { documentId: seeded.interview.id, codeId: seeded.paternalism.id, start: 200, end: 240 });
    await mergeBothWays(a, b);
    expect((await a.client.call('codings.list', {})).map((c) => [c.id, c.codeId])).toEqual([[coding.id, seeded.paternalism.id]]);
    expect((await a.client.call('exchange.conflicts', {})).map((c) => [c.kind, c.rowId])).toEqual([['restored_for_their_work', seeded.paternalism.id]]);
    expect((await b.client.call('exchange.conflicts', {})).map((c) => c.kind)).toEqual(['still_used_here']);
  });

  it('a coding on a code the other side merged moves to the code it was merged into', async () => {
    const { a, b, seeded } = await twoCopies();
    await a.client.call('codes.merge', { sourceId: seeded.paternalism.id, targetId: seeded.type2.id });
    const coding = await b.client.call('codings.apply', { documentId: seeded.interview.id, codeId: seeded.paternalism.id, start: 200, end: 240 });
    await mergeBothWays(a, b);
    for (const side of [a, b]) {
      expect((await side.client.call('codings.list', {})).map((c) => [c.id, c.codeId])).toEqual([[coding.id, seeded.type2.id]]);
      expect((await side.client.call('exchange.conflicts', {})).map((c) => c.kind)).toEqual(['moved_to_merged_code']);
    }
  });

  it('a code one side merged another into and the other side deleted stays on both sides, as the merge is work on it', async () => {
    const { a, b, seeded } = await twoCopies();
    await a.client.call('codes.delete', { id: seeded.paternalism.id });
    await b.client.call('codes.merge', { sourceId: seeded.type2.id, targetId: seeded.paternalism.id });
    await mergeBothWays(a, b);
    for (const side of [a, b]) expect((await side.client.call('codes.list', {})).map((c) => c.id).sort()).toEqual([seeded.informal.id, seeded.paternalism.id].sort());
    expect((await a.client.call('exchange.conflicts', {})).map((c) => [c.kind, c.rowId])).toEqual([['restored_for_their_work', seeded.paternalism.id]]);
    expect((await b.client.call('exchange.conflicts', {})).map((c) => [c.kind, c.rowId])).toEqual([['edited_here_deleted_there', seeded.paternalism.id]]);
  });

  it('two codes merged into each other, each copy the other way, end as the same one code on both sides', async () => {
    const { a, b, seeded } = await twoCopies();
    await a.client.call('codings.apply', { documentId: seeded.interview.id, codeId: seeded.paternalism.id, start: 200, end: 240 });
    await a.client.call('codes.merge', { sourceId: seeded.paternalism.id, targetId: seeded.informal.id });
    await b.client.call('codes.merge', { sourceId: seeded.informal.id, targetId: seeded.paternalism.id });
    await mergeBothWays(a, b);
    const [kept, gone] = [seeded.informal.id, seeded.paternalism.id].sort();
    for (const side of [a, b]) {
      const codes = await side.client.call('codes.list', {});
      expect(codes.map((c) => c.id)).toContain(kept);
      expect(codes.map((c) => c.id)).not.toContain(gone);
      expect((await side.client.call('codings.list', {})).every((c) => c.codeId !== gone)).toBe(true);
      expect((await side.client.call('exchange.conflicts', {})).filter((c) => c.kind === 'merged_both_ways').map((c) => c.rowId)).toEqual([kept]);
    }
  });

  it('a document edited on both sides keeps both revisions, re-anchors the codings and flags it', async () => {
    const { a, b, seeded } = await twoCopies();
    const start = seeded.text.indexOf('как отец родной');
    const coding = await a.client.call('codings.apply', { documentId: seeded.interview.id, codeId: seeded.paternalism.id, start, end: start + 15 });
    const fromA0 = await copyOf(a.client);
    await b.client.call('exchange.merge', { path: fromA0 });
    await a.client.call('documents.revise', { id: seeded.interview.id, text: `Запись 1993 года.\n${seeded.text}` });
    await tick();
    await b.client.call('documents.revise', { id: seeded.interview.id, text: seeded.text.replace('Директор', 'Генеральный директор') });
    await mergeBothWays(a, b);
    const revisions = await a.client.call('documents.revisions', { id: seeded.interview.id });
    expect(revisions.map((r) => r.number)).toEqual([3, 2, 1]);
    const doc = await a.client.call('documents.get', { id: seeded.interview.id });
    expect(doc.text).toContain('Генеральный директор');
    const [moved] = await a.client.call('codings.list', {});
    expect(moved!.id).toBe(coding.id);
    expect(doc.text.slice(moved!.start, moved!.end)).toBe('как отец родной');
    const flag = (await a.client.call('exchange.conflicts', {})).find((c) => c.table === 'documents');
    expect(flag).toMatchObject({ kind: 'document_edited_both', table: 'documents', field: 'current_revision_id' });
    // Choosing their text makes it current again as an edit would: a fourth revision.
    await a.client.call('exchange.resolveConflict', { id: flag!.id, choice: 'useOther' });
    expect((await a.client.call('documents.get', { id: seeded.interview.id })).text.startsWith('Запись 1993 года.')).toBe(true);
  });

  it('an attribute set on both sides keeps the later value and lists the other', async () => {
    const { a, b, seeded } = await twoCopies();
    await a.client.call('attributes.set', { attributeId: seeded.industry.id, entityId: seeded.mine.id, value: 'machine-building' });
    await tick();
    await b.client.call('attributes.set', { attributeId: seeded.industry.id, entityId: seeded.rings.id, value: 'mining' });
    await b.client.call('attributes.set', { attributeId: seeded.industry.id, entityId: seeded.mine.id, value: 'mining' });
    await mergeBothWays(a, b);
    const conflicts = await a.client.call('exchange.conflicts', {});
    expect(conflicts).toEqual([]);
    const mine = await b.client.call('exchange.conflicts', {});
    expect(mine.length).toBe(0);
  });
});

describe('a bad file is refused and changes nothing', () => {
  async function refused(make: (bundle: Buffer) => Buffer | string, message: RegExp): Promise<void> {
    const { a, b } = await twoCopies();
    await b.client.call('codes.create', { name: 'Блат' });
    const bundle = await b.client.call('exchange.exportBundle', {});
    const file = path.join(tempFolder(), 'bad.quirebundle');
    const made = make(Buffer.from(bundle.data!, 'base64'));
    fs.writeFileSync(file, made);
    const before = snapshot(a.file);
    await expect(a.client.call('exchange.merge', { path: file })).rejects.toThrow(message);
    await expect(a.client.call('exchange.preview', { path: file })).rejects.toThrow(message);
    expect(snapshot(a.file)).toEqual(before);
  }

  it('a truncated bundle', () => refused((data) => data.subarray(0, Math.floor(data.length / 2)), /damaged or incomplete.*nothing was merged/));
  it('an altered bundle', () =>
    refused((data) => zlib.gzipSync(zlib.gunzipSync(data).toString('utf8').replace('Блат', 'Блок')), /damaged or incomplete \(its checksum does not match\)/));
  it('a bundle from a newer Quire', () => refused((data) => zlib.gzipSync(zlib.gunzipSync(data).toString('utf8').replace('"version":1', '"version":99')), /newer version of Quire/));
  it('a file that is not an exchange file', () => refused(() => 'Интервью с мастером', /not a Quire exchange file or project copy/));

  it('work from another project', async () => {
    const { a } = await twoCopies();
    const other = await newProject('Олег Ким');
    await seed(other.client);
    const before = snapshot(a.file);
    await expect(a.client.call('exchange.merge', { path: await copyOf(other.client) })).rejects.toThrow(/only copies of the same project can be merged\. Nothing was merged/);
    expect(snapshot(a.file)).toEqual(before);
  });
});
