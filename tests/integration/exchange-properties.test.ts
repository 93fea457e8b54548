import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuireClient } from '../../src-shared/contract';
import { content, copyOf } from './exchange-support';
import { newProject, openAgain, seed, tempFolder } from './support';
import type { Opened } from './support';

/** One user action on one copy; numbers pick among what that copy holds, so every action is valid. */
type Action =
  | { kind: 'createCode'; name: string }
  | { kind: 'renameCode'; pick: number; name: string }
  | { kind: 'deleteCode'; pick: number }
  | { kind: 'mergeCodes'; pick: number; into: number }
  | { kind: 'code'; pick: number; start: number; length: number }
  | { kind: 'uncode'; pick: number }
  | { kind: 'memo'; text: string }
  | { kind: 'editMemo'; pick: number; text: string }
  | { kind: 'attribute'; pick: number }
  | { kind: 'editText'; at: number; insert: string };

const word = fc.constantFrom('калым', 'blat', 'отец', 'patron', 'цех', 'ritual');
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('createCode'), name: word }),
  fc.record({ kind: fc.constant('renameCode'), pick: fc.nat(), name: word }),
  fc.record({ kind: fc.constant('deleteCode'), pick: fc.nat() }),
  fc.record({ kind: fc.constant('mergeCodes'), pick: fc.nat(), into: fc.nat() }),
  fc.record({ kind: fc.constant('code'), pick: fc.nat(), start: fc.nat({ max: 250 }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('uncode'), pick: fc.nat() }),
  fc.record({ kind: fc.constant('memo'), text: word }),
  fc.record({ kind: fc.constant('editMemo'), pick: fc.nat(), text: word }),
  fc.record({ kind: fc.constant('attribute'), pick: fc.nat() }),
  fc.record({ kind: fc.constant('editText'), at: fc.nat(), insert: word }),
);

const nth = <T>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);

interface Base {
  readonly documentId: string;
  readonly caseIds: readonly string[];
  readonly attributeId: string;
}

async function perform(client: QuireClient, base: Base, a: Action): Promise<void> {
  const codes = await client.call('codes.list', {});
  const ids = codes.map((c) => c.id).sort();
  switch (a.kind) {
    case 'createCode':
      await client.call('codes.create', { name: `${a.name} ${ids.length}` });
      return;
    case 'renameCode': {
      const id = nth(ids, a.pick);
      if (id) await client.call('codes.update', { id, name: `${a.name}!` });
      return;
    }
    case 'deleteCode': {
      const leaves = codes.filter((c) => !codes.some((k) => k.parentId === c.id)).map((c) => c.id).sort();
      const id = nth(leaves, a.pick);
      if (id) await client.call('codes.delete', { id, cascade: true });
      return;
    }
    case 'mergeCodes': {
      const source = nth(ids, a.pick);
      const target = nth(ids, a.into);
      const inside = (id: string): boolean => codes.find((c) => c.id === id)?.parentId === source;
      if (source && target && source !== target && !inside(target)) await client.call('codes.merge', { sourceId: source, targetId: target });
      return;
    }
    case 'code': {
      const codeId = nth(ids, a.pick);
      const doc = await client.call('documents.get', { id: base.documentId });
      const start = Math.min(a.start, doc.text.length - 1);
      if (codeId) await client.call('codings.apply', { documentId: base.documentId, codeId, start, end: Math.min(doc.text.length, start + a.length) });
      return;
    }
    case 'uncode': {
      const codings = (await client.call('codings.list', { documentId: base.documentId })).map((c) => c.id).sort();
      const id = nth(codings, a.pick);
      if (id) await client.call('codings.remove', { id });
      return;
    }
    case 'memo':
      await client.call('memos.create', { targetType: 'document', targetId: base.documentId, title: a.text, text: a.text });
      return;
    case 'editMemo': {
      const memos = (await client.call('memos.list', {})).map((m) => m.id).sort();
      const id = nth(memos, a.pick);
      if (id) await client.call('memos.update', { id, text: `${a.text} (edited)` });
      return;
    }
    case 'attribute': {
      const caseId = nth(base.caseIds, a.pick)!;
      await client.call('attributes.set', { attributeId: base.attributeId, entityId: caseId, value: a.pick % 2 === 0 ? 'mining' : 'machine-building' });
      return;
    }
    case 'editText': {
      const doc = await client.call('documents.get', { id: base.documentId });
      const at = a.at % (doc.text.length + 1);
      await client.call('documents.revise', { id: base.documentId, text: `${doc.text.slice(0, at)} ${a.insert} ${doc.text.slice(at)}` });
      return;
    }
  }
}

const ids = (file: string): Set<string> => new Set(Object.values(content(file)).flatMap((rows) => rows.map((r) => String((r as { id: unknown }).id))));

/**
 * Cases random runs found, each run first every time (fast-check counts them among its runs, so
 * the random runs come on top).
 */
const examples: [Action[], Action[]][] = [
  // Found by a random run: their merge moved a code's sub-codes and codings onto a code deleted here.
  [[{ kind: 'mergeCodes', pick: 0, into: 1472180090 }], [{ kind: 'deleteCode', pick: 606417687 }]],
  // Found by a random run: two merges in a row on one side, the second merging into a code whose parent the first moved.
  [[{ kind: 'createCode', name: 'калым' }, { kind: 'mergeCodes', pick: 0, into: 906336779 }, { kind: 'mergeCodes', pick: 654461372, into: 295390498 }], []],
  // Merged here into a code they merged away: it follows on into where that one went.
  [[{ kind: 'mergeCodes', pick: 1346733809, into: 280155655 }], [{ kind: 'renameCode', pick: 792669947, name: 'калым' }, { kind: 'mergeCodes', pick: 561015805, into: 0 }]],
  // Each copy merged the same two codes the other way round.
  [[{ kind: 'mergeCodes', pick: 137208098, into: 0 }], [{ kind: 'mergeCodes', pick: 0, into: 521395934 }]],
  // Merged here into a code they deleted, and edited there: it comes back with their edit.
  [[{ kind: 'mergeCodes', pick: 0, into: 867524372 }], [{ kind: 'mergeCodes', pick: 261328375, into: 0 }, { kind: 'deleteCode', pick: 1819382169 }, { kind: 'renameCode', pick: 0, name: 'калым' }]],
  // Deleted here the code they merged another into: it comes back for their merge, and the code merged into it here stays.
  [[{ kind: 'deleteCode', pick: 306218385 }, { kind: 'code', pick: 36988671, start: 0, length: 1 }], [{ kind: 'mergeCodes', pick: 148904470, into: 26 }, { kind: 'code', pick: 7, start: 0, length: 1 }]],
  // Merged here into a code whose sub-code they merged into it and then deleted: the sub-code stays merged away.
  [[{ kind: 'mergeCodes', pick: 0, into: 816682880 }], [{ kind: 'mergeCodes', pick: 114326416, into: 0 }, { kind: 'deleteCode', pick: 0 }]],
  // Merged here into a code they deleted: a code that received a merge counts as edited, so it stays.
  [[{ kind: 'mergeCodes', pick: 0, into: 816682880 }], [{ kind: 'mergeCodes', pick: 114326416, into: 0 }, { kind: 'deleteCode', pick: 362985603 }]],
  // Renamed here a code each copy then merged the other way round: it stays, with the new name.
  [[{ kind: 'renameCode', pick: 0, name: 'отец' }, { kind: 'mergeCodes', pick: 2, into: 0 }], [{ kind: 'mergeCodes', pick: 0, into: 2 }]],
  // Merged here into a code they merged another into and then deleted: the merge here, though earlier than theirs, keeps it.
  [[{ kind: 'mergeCodes', pick: 0, into: 1797419051 }], [{ kind: 'mergeCodes', pick: 1633182511, into: 1181887334 }, { kind: 'deleteCode', pick: 1246009261 }]],
  // Merged here into a code then deleted it, which they deleted too with its parent: the parent, brought back there for the merge alone, goes again.
  [[{ kind: 'mergeCodes', pick: 291038297, into: 877127614 }, { kind: 'deleteCode', pick: 0 }], [{ kind: 'deleteCode', pick: 0 }, { kind: 'deleteCode', pick: 0 }]],
  // They made a code, merged another into it and deleted it: its short life is replayed, so the merged code goes and its sub-code moves on.
  [[], [{ kind: 'createCode', name: 'калым' }, { kind: 'mergeCodes', pick: 0, into: 300145819 }, { kind: 'mergeCodes', pick: 0, into: 109920139 }, { kind: 'deleteCode', pick: 318809679 }]],
  // Coded a code here and merged it into another; they merged its sub-code into it and deleted it: what came back there for a while and went again is not deleted twice.
  [[{ kind: 'code', pick: 0, start: 0, length: 1 }, { kind: 'mergeCodes', pick: 0, into: 130753697 }], [{ kind: 'mergeCodes', pick: 192088048, into: 0 }, { kind: 'deleteCode', pick: 0 }]],
  // Merged here a code into another and deleted that one; they merged a code into the first: nothing comes back for their merge alone.
  [[{ kind: 'deleteCode', pick: 0 }, { kind: 'mergeCodes', pick: 0, into: 1217603265 }, { kind: 'deleteCode', pick: 0 }], [{ kind: 'mergeCodes', pick: 741546232, into: 0 }]],
  // Each copy merged two codes the other way round, and this one then deleted the code it kept: the older code, which their merge went into, stays.
  [[{ kind: 'deleteCode', pick: 0 }, { kind: 'mergeCodes', pick: 0, into: 1217603265 }, { kind: 'deleteCode', pick: 0 }], [{ kind: 'mergeCodes', pick: 1461301778, into: 0 }]],
];

describe('merge properties', () => {
  it('merging either way converges, keeps everything either side made, and merging twice is merging once', async () => {
    const start = await newProject('Ирина Соколова');
    const seeded = await seed(start.client);
    const base: Base = { documentId: seeded.interview.id, caseIds: [seeded.rings.id, seeded.mine.id], attributeId: seeded.industry.id };
    const ancestor = await copyOf(start.client);
    const inBase = ids(ancestor);
    await start.core.dispose();

    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 6 }), fc.array(action, { maxLength: 6 }), async (forA, forB) => {
        const folder = tempFolder();
        const open = async (name: string, actor: string): Promise<Opened> => {
          const file = path.join(folder, name);
          fs.copyFileSync(ancestor, file);
          return openAgain(file, actor);
        };
        const a = await open('a.quire', 'Ирина Соколова');
        const b = await open('b.quire', 'Олег Ким');
        for (const step of forA) await perform(a.client, base, step);
        for (const step of forB) await perform(b.client, base, step);
        const aBefore = await copyOf(a.client);
        const bBefore = await copyOf(b.client);
        const onA = ids(aBefore);
        const onB = ids(bBefore);
        const made = [...onA, ...onB].filter((id) => !inBase.has(id));

        await a.client.call('exchange.merge', { path: bBefore });
        await b.client.call('exchange.merge', { path: aBefore });
        const merged = content(a.file);
        expect(merged).toEqual(content(b.file));

        const after = ids(a.file);
        expect(made.filter((id) => !after.has(id))).toEqual([]);

        const again = await a.client.call('exchange.merge', { path: bBefore });
        expect(again.operations).toBe(0);
        expect(content(a.file)).toEqual(merged);
        await a.core.dispose();
        await b.core.dispose();
      }),
      {
        // A fixed seed, so a run of the tests does not pass or fail by chance; QUIRE_PROPERTY_SEED
        // and QUIRE_PROPERTY_RUNS explore further (a find goes into `examples` once fixed).
        seed: Number(process.env.QUIRE_PROPERTY_SEED ?? 20261128),
        numRuns: examples.length + Number(process.env.QUIRE_PROPERTY_RUNS ?? 30),
        examples,
      },
    );
  }, 300_000);
});
