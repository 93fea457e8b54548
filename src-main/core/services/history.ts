import { readSummary, summary } from '../../../src-shared/model/summaries';
import type { SummaryValue } from '../../../src-shared/model/summaries';
import { QuireError } from '../../../src-shared/contract/errors';
import type { HistoryEntry } from '../../../src-shared/model/entities';
import type { ChangeRow, LoggedTable, LoggedTables, OperationRow } from '../db/schema';
import type { MutationContext, QueryContext, SomeHandlers } from '../context';

type EntryRow = OperationRow & { actor_name: string | null; change_count: number };

const toEntry = (r: EntryRow): HistoryEntry => ({
  id: r.id,
  seq: r.seq,
  actorId: r.actor_id,
  actorName: r.actor_name ?? '',
  at: r.at,
  method: r.method,
  kind: r.kind,
  state: r.state,
  summary: r.summary || r.method,
  described: readSummary(r.summary_key, r.summary_values),
  changeCount: r.change_count,
});

/**
 * What an operation said about itself, for an undo's own summary: its key and values when it has
 * them, else its English text (an operation from before migration 13).
 */
const summaryOf = (r: OperationRow): SummaryValue => readSummary(r.summary_key, r.summary_values) ?? (r.summary || r.method);

async function entry(ctx: QueryContext, seq: number): Promise<HistoryEntry> {
  const row = await ctx.db
    .selectFrom('operations as o')
    .leftJoin('members as m', 'm.id', 'o.actor_id')
    .selectAll('o')
    .select('m.name as actor_name')
    .select((eb) => eb.selectFrom('changes').select(eb.fn.countAll<number>().as('n')).whereRef('changes.op_seq', '=', 'o.seq').as('change_count'))
    .where('o.seq', '=', seq)
    .executeTakeFirstOrThrow();
  return toEntry(row as EntryRow);
}

function changesOf(ctx: MutationContext, seq: number, order: 'ASC' | 'DESC'): ChangeRow[] {
  return ctx.raw.prepare(`SELECT * FROM changes WHERE op_seq = ? ORDER BY ord ${order}`).all(seq) as ChangeRow[];
}

const parse = (image: string | null): object => (image === null ? {} : (JSON.parse(image) as object));

/** Writes one change backwards: an insert is deleted, an update reverted, a delete put back. */
function revert(ctx: MutationContext, change: ChangeRow): void {
  const table = change.tbl as LoggedTable;
  if (change.kind === 'insert') ctx.write.delete(table, change.row_id);
  else if (change.kind === 'update') ctx.write.update(table, change.row_id, parse(change.before));
  else ctx.write.insert(table, parse(change.before) as LoggedTables[typeof table]);
}

/**
 * Writes one change forwards again. A re-inserted row comes from the image the undo took when
 * it deleted the row (`undone`: that undo's delete images by table and id).
 */
function reapply(ctx: MutationContext, change: ChangeRow, undone: ReadonlyMap<string, string | null>): void {
  const table = change.tbl as LoggedTable;
  if (change.kind === 'delete') ctx.write.delete(table, change.row_id);
  else if (change.kind === 'update') ctx.write.update(table, change.row_id, parse(change.after));
  else {
    const image = undone.get(`${change.tbl}:${change.row_id}`);
    if (image === undefined) throw new QuireError('internal', 'The change log is missing a row needed to redo this operation.', { row: change.row_id });
    ctx.write.insert(table, parse(image) as LoggedTables[typeof table]);
  }
}

/**
 * Undo and redo are ordinary operations of the change log: they write the before (or after)
 * images back through the writer, so they are logged, merged and shown like any other work.
 */
export const historyHandlers: SomeHandlers<'history.list' | 'history.undo' | 'history.redo'> = {
  'history.list': async (ctx, { actorId, since, until, method, limit }) => {
    let q = ctx.db
      .selectFrom('operations as o')
      .leftJoin('members as m', 'm.id', 'o.actor_id')
      .selectAll('o')
      .select('m.name as actor_name')
      .select((eb) => eb.selectFrom('changes').select(eb.fn.countAll<number>().as('n')).whereRef('changes.op_seq', '=', 'o.seq').as('change_count'));
    if (actorId) q = q.where('o.actor_id', '=', actorId);
    if (since) q = q.where('o.at', '>=', new Date(since).toISOString());
    if (until) q = q.where('o.at', '<', new Date(until).toISOString());
    if (method) q = method.endsWith('.') ? q.where('o.method', 'like', `${method}%`) : q.where('o.method', '=', method);
    const rows = await q.orderBy('o.seq', 'desc').limit(limit).execute();
    return rows.map((r) => toEntry(r as EntryRow));
  },

  'history.undo': async (ctx) => {
    const target = ctx.raw.prepare("SELECT * FROM operations WHERE kind = 'do' AND state = 'done' AND final = 0 ORDER BY seq DESC LIMIT 1").get() as OperationRow | undefined;
    if (!target) throw new QuireError('nothing_to_undo', 'There is nothing to undo.');
    for (const change of changesOf(ctx, target.seq, 'DESC')) revert(ctx, change);
    const seq = ctx.operationSeq;
    ctx.raw.prepare("UPDATE operations SET state = 'undone', undone_by = ? WHERE seq = ?").run(seq, target.seq);
    ctx.raw.prepare('UPDATE operations SET target_seq = ? WHERE seq = ?').run(target.seq, seq);
    ctx.describe(summary('history.undo', { summary: summaryOf(target) }));
    return { entry: await entry(ctx, target.seq) };
  },

  'history.redo': async (ctx) => {
    const target = ctx.raw.prepare("SELECT * FROM operations WHERE state = 'undone' AND final = 0 ORDER BY undone_by DESC LIMIT 1").get() as OperationRow | undefined;
    if (!target) throw new QuireError('nothing_to_redo', 'There is nothing to redo.');
    const undone = new Map(
      changesOf(ctx, target.undone_by!, 'ASC')
        .filter((c) => c.kind === 'delete')
        .map((c) => [`${c.tbl}:${c.row_id}`, c.before]),
    );
    for (const change of changesOf(ctx, target.seq, 'ASC')) reapply(ctx, change, undone);
    const seq = ctx.operationSeq;
    ctx.raw.prepare("UPDATE operations SET state = 'done', undone_by = NULL WHERE seq = ?").run(target.seq);
    ctx.raw.prepare('UPDATE operations SET target_seq = ? WHERE seq = ?').run(target.seq, seq);
    ctx.describe(summary('history.redo', { summary: summaryOf(target) }));
    return { entry: await entry(ctx, target.seq) };
  },
};
