import { summary } from '../../../src-shared/model/summaries';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { QuireError, notFound } from '../../../src-shared/contract/errors';
import type { MergeConflict, MergeOutcome } from '../../../src-shared/contract/exchange';
import type { MutationContext, QueryContext, SomeHandlers } from '../context';
import { backupProject } from '../db/backup';
import { revisionText } from '../db/revision-texts';
import { schemaVersion } from '../db/migrate';
import type { MergeConflictRow } from '../db/schema';
import { statement } from '../db/statements';
import { produce } from '../export/output';
import { Writer } from '../mutation/writer';
import type { BundleHeader, Incoming } from '../exchange/bundle';
import { knownOperationIds } from '../exchange/collect';
import { bundleOf, encodeBundle, readIncoming, readIncomingFile } from '../exchange/file';
import { MERGE_METHOD, mergeSeqs, newReplicaId, projectIdOf, projectNameOf } from '../exchange/identity';
import { Merger } from '../exchange/merge';
import type { MergeTally } from '../exchange/merge';
import { FieldVersions } from '../exchange/versions';

/** Opens the colleague's file, runs `use` on it and lets go of it. */
async function withIncoming<T>(input: { path?: string | undefined; data?: string | undefined }, use: (incoming: Incoming) => Promise<T>): Promise<T> {
  const incoming = input.path !== undefined ? readIncomingFile(input.path) : readIncoming(Buffer.from(input.data ?? '', 'base64'));
  try {
    return await use(incoming);
  } finally {
    incoming.close();
  }
}

/** Refuses work from another study or from a newer Quire before anything is touched. */
function check(ctx: QueryContext, header: BundleHeader): void {
  if (header.projectId !== projectIdOf(ctx.raw)) {
    const theirs = header.projectName ? `"${header.projectName}"` : 'another project';
    const mine = projectNameOf(ctx.raw);
    throw new QuireError(
      'invalid_input',
      `This file holds work from ${theirs}, not from ${mine ? `"${mine}"` : 'this project'}: only copies of the same project can be merged. Nothing was merged.`,
      { projectId: header.projectId },
    );
  }
  if (header.schemaVersion > schemaVersion(ctx.raw)) {
    throw new QuireError('newer_version', 'Your colleague’s copy was saved by a newer version of Quire. Update Quire, then merge again; nothing was merged.', {
      schemaVersion: header.schemaVersion,
    });
  }
}

function merge(ctx: MutationContext, incoming: Incoming, mergeOpId: string): MergeTally {
  const known = new Set(knownOperationIds(ctx.raw));
  const versions = new FieldVersions(ctx.raw, mergeSeqs(ctx.raw), new Set(incoming.header.knows));
  const operations = incoming.operations(known);
  const alreadyHere = incoming.header.knows.filter((id) => known.has(id)).length;
  return new Merger(ctx, versions, mergeOpId).run(operations, known, alreadyHere);
}

function outcome(header: BundleHeader, tally: MergeTally, backupPath: string | null): MergeOutcome {
  const { codings = 0, codes = 0, documents = 0, memos = 0, ...rest } = tally.added;
  return {
    projectName: header.projectName,
    from: header.replicaName,
    operations: tally.operations,
    alreadyHere: tally.alreadyHere,
    added: { codings, codes, documents, memos, other: Object.values(rest).reduce((a, b) => a + b, 0) },
    conflicts: tally.conflicts,
    backupPath,
  };
}

/**
 * Notes what the colleague's copy holds of this one's work: the longest run of this copy's
 * operations, oldest first, that they know. Their next bundle from us starts after it.
 */
function notePeer(ctx: QueryContext, header: BundleHeader): void {
  const knows = new Set(header.knows);
  const skip = mergeSeqs(ctx.raw);
  let knownSeq = 0;
  for (const op of ctx.raw.prepare('SELECT seq, id FROM operations ORDER BY seq').iterate() as Iterable<{ seq: number; id: string }>) {
    if (skip.has(op.seq)) continue;
    if (!knows.has(op.id)) break;
    knownSeq = op.seq;
  }
  ctx.raw
    .prepare(
      'INSERT INTO exchange_peers (replica_id, name, known_seq, received_at) VALUES (?, ?, ?, ?) ON CONFLICT (replica_id) DO UPDATE SET name = excluded.name, known_seq = excluded.known_seq, received_at = excluded.received_at',
    )
    .run(header.replicaId, header.replicaName, knownSeq, new Date().toISOString());
}

/**
 * The automatic backup before a merge, read through a second connection: it sees the project as
 * last committed, not the merge under way in this one.
 */
async function backupBeforeMerge(ctx: QueryContext): Promise<string> {
  const reader = new BetterSqlite3(ctx.file.path, { readonly: true, fileMustExist: true });
  try {
    return await backupProject(reader, ctx.file.path, 'before-merge');
  } finally {
    reader.close();
  }
}

/** A dry run: the merge inside a transaction that is rolled back, so the preview counts exactly what merging will do. */
function preview(ctx: QueryContext, incoming: Incoming): MergeTally {
  const raw = ctx.raw;
  raw.exec('BEGIN IMMEDIATE');
  try {
    const seq = Number(
      raw
        .prepare("INSERT INTO operations (id, actor_id, at, method, input, summary, kind, state) VALUES ('preview', ?, ?, ?, '{}', '', 'do', 'done')")
        .run(ctx.actor.id, new Date().toISOString(), MERGE_METHOD).lastInsertRowid,
    );
    const m: MutationContext = { ...ctx, write: new Writer(raw, seq), operationSeq: seq, describe: () => {}, progress: () => {} };
    return merge(m, incoming, 'preview');
  } finally {
    raw.exec('ROLLBACK');
  }
}

const stamp = (): string => new Date().toISOString().slice(0, 10);
const safeName = (name: string): string => name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'project';

function labelOf(ctx: QueryContext, table: string, id: string): string {
  const one = (sql: string, ...args: string[]): string => (statement(ctx.raw, sql).pluck().get(...args) as string | undefined) ?? '';
  switch (table) {
    case 'codes':
      return one('SELECT name FROM codes WHERE id = ?', id);
    case 'documents':
      return one('SELECT title FROM documents WHERE id = ?', id);
    case 'codings':
      return one("SELECT k.name || ' · ' || d.title FROM codings c JOIN codes k ON k.id = c.code_id JOIN documents d ON d.id = c.document_id WHERE c.id = ?", id);
    case 'memos':
      return one('SELECT title FROM memos WHERE id = ?', id);
    case 'cases':
      return one('SELECT name FROM cases WHERE id = ?', id);
    case 'attribute_values':
      return one('SELECT a.name FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id WHERE v.id = ?', id);
    default:
      return '';
  }
}

const parse = (json: string | null): unknown => (json === null ? null : (JSON.parse(json) as unknown));

function toConflict(ctx: QueryContext, r: MergeConflictRow): MergeConflict {
  return {
    id: r.id,
    kind: r.kind as MergeConflict['kind'],
    table: r.tbl,
    rowId: r.row_id,
    label: labelOf(ctx, r.tbl, r.row_id),
    field: r.field,
    kept: parse(r.kept),
    other: parse(r.other),
    status: r.status,
    resolution: r.resolution,
    createdAt: r.created_at,
  };
}

export const exchangeHandlers: SomeHandlers<
  'exchange.exportBundle' | 'exchange.exportCopy' | 'exchange.preview' | 'exchange.merge' | 'exchange.conflicts' | 'exchange.resolveConflict' | 'exchange.peers'
> = {
  'exchange.exportBundle': async (ctx, { path: file, peerId, since }) => {
    let sinceSeq = 0;
    if (peerId !== undefined) {
      const peer = ctx.raw.prepare('SELECT known_seq FROM exchange_peers WHERE replica_id = ?').pluck().get(peerId) as number | undefined;
      if (peer === undefined) throw notFound('This colleague’s copy', peerId);
      sinceSeq = peer;
    } else if (since !== undefined) {
      sinceSeq = ctx.raw.prepare('SELECT coalesce(max(seq), 0) FROM operations WHERE at < ?').pluck().get(new Date(since).toISOString()) as number;
    }
    const bundle = bundleOf(ctx.raw, sinceSeq, ctx.actor.name, peerId ?? null);
    const bytes = encodeBundle(bundle);
    const produced = await produce(file, async (out) => out.write(bytes));
    return {
      fileName: `${safeName(bundle.header.projectName)}-${safeName(ctx.actor.name)}-${stamp()}.quirebundle`,
      data: produced.data ? produced.data.toString('base64') : null,
      path: produced.path,
      bytes: produced.bytes,
      operations: bundle.operations.length,
    };
  },

  'exchange.exportCopy': async (ctx, { path: file }) => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-copy-'));
    try {
      const copy = path.join(folder, 'copy.quire');
      ctx.raw.prepare('VACUUM INTO ?').run(copy);
      const db = new BetterSqlite3(copy);
      try {
        newReplicaId(db);
        db.pragma('journal_mode = DELETE');
      } finally {
        db.close();
      }
      const bytes = fs.readFileSync(copy);
      const produced = await produce(file, async (out) => out.write(bytes));
      return {
        fileName: `${safeName(projectNameOf(ctx.raw))}-${safeName(ctx.actor.name)}-${stamp()}.quire`,
        data: produced.data ? produced.data.toString('base64') : null,
        path: produced.path,
        bytes: produced.bytes,
      };
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  },

  'exchange.preview': async (ctx, input) =>
    withIncoming(input, async (incoming) => {
      check(ctx, incoming.header);
      return outcome(incoming.header, preview(ctx, incoming), null);
    }),

  'exchange.merge': async (ctx, input) =>
    withIncoming(input, async (incoming) => {
      const { header } = incoming;
      check(ctx, header);
      const backupPath = await backupBeforeMerge(ctx);
      const mergeOpId = ctx.raw.prepare('SELECT id FROM operations WHERE seq = ?').pluck().get(ctx.operationSeq) as string;
      const tally = merge(ctx, incoming, mergeOpId);
      notePeer(ctx, header);
      const counts = { operations: tally.operations, codings: tally.added.codings ?? 0, conflicts: tally.conflicts };
      ctx.describe(header.replicaName ? summary('exchange.merged', { from: header.replicaName, ...counts }) : summary('exchange.mergedColleague', counts));
      return outcome(header, tally, backupPath);
    }),

  'exchange.conflicts': async (ctx, { status }) => {
    const rows = (
      status === 'all'
        ? ctx.raw.prepare('SELECT * FROM merge_conflicts ORDER BY created_at DESC, id').all()
        : ctx.raw.prepare('SELECT * FROM merge_conflicts WHERE status = ? ORDER BY created_at DESC, id').all(status)
    ) as MergeConflictRow[];
    return rows.map((r) => toConflict(ctx, r));
  },

  'exchange.resolveConflict': async (ctx, { id, choice }) => {
    const conflict = ctx.write.read('merge_conflicts', id);
    if (choice === 'useOther') {
      if (conflict.field === null || conflict.other === null) {
        throw new QuireError('invalid_input', 'This item has no other value to put back: accept what the merge kept, or change the record by hand.');
      }
      const other = JSON.parse(conflict.other) as unknown;
      if (conflict.tbl === 'documents' && conflict.field === 'current_revision_id') {
        // Their text becomes the current one as an edit would: a new revision, codings re-anchored.
        const text = revisionText(ctx.raw, String(other));
        if (text === undefined) throw notFound('That revision', String(other));
        await ctx.call('documents.revise', { id: conflict.row_id, text, note: 'Their version, chosen after a merge' });
      } else {
        const table = conflict.tbl as Parameters<typeof ctx.write.update>[0];
        ctx.write.update(table, conflict.row_id, { [conflict.field]: other } as never);
      }
    }
    ctx.write.update('merge_conflicts', id, { status: 'resolved', resolution: choice });
    ctx.describe(summary(choice === 'keep' ? 'exchange.keep' : 'exchange.useOther'));
    return toConflict(ctx, ctx.write.read('merge_conflicts', id));
  },

  'exchange.peers': async (ctx) =>
    (ctx.raw.prepare('SELECT replica_id, name, received_at FROM exchange_peers ORDER BY received_at DESC').all() as { replica_id: string; name: string; received_at: string }[]).map((p) => ({
      replicaId: p.replica_id,
      name: p.name,
      receivedAt: p.received_at,
    })),
};
