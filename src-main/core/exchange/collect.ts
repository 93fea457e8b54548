import type BetterSqlite3 from 'better-sqlite3';
import type { ChangeRow, ExchangeChangeRow, ExchangeOpRow, OperationRow } from '../db/schema';
import { hasTable, isExchanged, mergeSeqs, replicaIdOf } from './identity';
import { tableShape } from './shape';
import { statement } from '../db/statements';
import type { BundleChange, BundleOperation } from './bundle';

type Image = Record<string, unknown>;
const parse = (json: string | null): Image | null => (json === null ? null : (JSON.parse(json) as Image));

/**
 * The row as an insert made it. The log keeps no image for inserts (the row is in its table), so
 * it is read back from the row as it is now, or from a later delete's image, undoing the later
 * updates on the way.
 */
function insertedRow(raw: BetterSqlite3.Database, change: ChangeRow): Image | null {
  const later = statement(raw, 'SELECT kind, before FROM changes WHERE tbl = ? AND row_id = ? AND (op_seq > ? OR (op_seq = ? AND ord > ?)) ORDER BY op_seq DESC, ord DESC')
    .all(change.tbl, change.row_id, change.op_seq, change.op_seq, change.ord) as Pick<ChangeRow, 'kind' | 'before'>[];
  let state = (statement(raw, `SELECT * FROM ${change.tbl} WHERE id = ?`).get(change.row_id) as Image | undefined) ?? null;
  for (const c of later) {
    if (c.kind === 'delete') state = parse(c.before);
    else if (c.kind === 'update') state = state === null ? null : { ...state, ...parse(c.before) };
    else state = null;
  }
  return state;
}

function localChanges(raw: BetterSqlite3.Database, seq: number): BundleChange[] {
  const rows = raw.prepare('SELECT * FROM changes WHERE op_seq = ? ORDER BY ord').all(seq) as ChangeRow[];
  const out: BundleChange[] = [];
  for (const c of rows) {
    if (!isExchanged(c.tbl)) continue;
    const image = c.kind === 'insert' ? insertedRow(raw, c) : c.kind === 'update' ? parse(c.after) : null;
    if (c.kind === 'insert' && image === null) continue;
    out.push({ tbl: c.tbl, row: c.row_id, kind: c.kind, image });
  }
  return out;
}

/** Reads operations of a copy's log, its own or merged from colleagues, as they travel. */
class Reader {
  readonly replicaId: string;
  readonly skip: ReadonlySet<number>;

  constructor(private readonly raw: BetterSqlite3.Database) {
    this.replicaId = replicaIdOf(raw);
    this.skip = mergeSeqs(raw);
  }

  own(op: OperationRow): BundleOperation {
    const changes = localChanges(this.raw, op.seq);
    return { id: op.id, at: op.at, actorId: op.actor_id, method: op.method, summary: op.summary, input: op.input, replicaId: this.replicaId, changes };
  }

  merged(op: ExchangeOpRow): BundleOperation {
    const rows = this.raw.prepare('SELECT * FROM exchange_changes WHERE op_id = ? ORDER BY ord').all(op.id) as ExchangeChangeRow[];
    const changes = rows.map((c) => ({ tbl: c.tbl, row: c.row_id, kind: c.kind, image: parse(c.image) }));
    return { id: op.id, at: op.at, actorId: op.actor_id, method: op.method, summary: op.summary, input: op.input, replicaId: op.replica_id, changes };
  }

  /**
   * The operation that made a row (its first insert), wherever it was made; null when the receiver
   * holds it (`knownUpToSeq`, or an id `skipId` says it has), which is decided before its changes
   * are read — the operation that loaded the whole corpus is not read again for every reference.
   */
  creatorOf(table: string, id: string, knownUpToSeq: number, skipId: (opId: string) => boolean): BundleOperation | null {
    const seq = statement(this.raw, "SELECT op_seq FROM changes WHERE tbl = ? AND row_id = ? AND kind = 'insert' ORDER BY op_seq LIMIT 1").pluck().get(table, id) as number | undefined;
    if (seq !== undefined && seq <= knownUpToSeq) return null;
    if (seq !== undefined && !this.skip.has(seq)) {
      const op = statement(this.raw, 'SELECT * FROM operations WHERE seq = ?').get(seq) as OperationRow;
      return skipId(op.id) ? null : this.own(op);
    }
    if (!hasTable(this.raw, 'exchange_ops')) return null;
    const merged = statement(
      this.raw,
      "SELECT e.* FROM exchange_changes x JOIN exchange_ops e ON e.id = x.op_id WHERE x.tbl = ? AND x.row_id = ? AND x.kind = 'insert' ORDER BY e.at, e.id LIMIT 1",
    ).get(table, id) as ExchangeOpRow | undefined;
    return merged && !skipId(merged.id) ? this.merged(merged) : null;
  }
}

/**
 * Every operation of a copy after `sinceSeq` of its log, with its row changes, oldest first: its
 * own work and the colleagues' work it merged since. Merges themselves do not travel — the work
 * they took in does, under its own ids and times — except to the copy it came from, and except
 * what the receiving copy is known to hold (`alreadyThere`), whose rows are not even read. What
 * the work refers to and was made earlier (the colleague's own member record, the code they
 * coded with) goes along, so a bundle "since Monday" can be merged on its own — unless the
 * receiver is known to hold it (this copy's operations up to `knownUpToSeq`).
 */
export function collectOperations(
  raw: BetterSqlite3.Database,
  sinceSeq = 0,
  exceptReplica: string | null = null,
  alreadyThere: ReadonlySet<string> = new Set(),
  knownUpToSeq = 0,
): BundleOperation[] {
  const reader = new Reader(raw);
  const out: BundleOperation[] = [];
  for (const op of raw.prepare('SELECT * FROM operations WHERE seq > ? ORDER BY seq').all(sinceSeq) as OperationRow[]) {
    if (reader.skip.has(op.seq) || alreadyThere.has(op.id)) continue;
    const bundled = reader.own(op);
    if (bundled.changes.length > 0) out.push(bundled);
  }
  if (hasTable(raw, 'exchange_ops')) {
    const merged = raw
      .prepare('SELECT e.* FROM exchange_ops e JOIN operations m ON m.id = e.merged_in WHERE m.seq > ? ORDER BY e.at, e.id')
      .all(sinceSeq) as ExchangeOpRow[];
    // Their own work, merged here, is not sent back to them.
    for (const op of merged) if (op.replica_id !== exceptReplica && !alreadyThere.has(op.id)) out.push(reader.merged(op));
  }
  const included = new Set(out.map((op) => op.id));
  const looked = new Set<string>();
  for (let i = 0; i < out.length; i++) {
    for (const change of out[i]!.changes) {
      if (change.image === null) continue;
      for (const fk of tableShape(raw, change.tbl).foreign) {
        const ref = change.image[fk.from];
        if (typeof ref !== 'string' || looked.has(`${fk.table}:${ref}`)) continue;
        looked.add(`${fk.table}:${ref}`);
        const creator = reader.creatorOf(fk.table, ref, knownUpToSeq, (opId) => included.has(opId) || alreadyThere.has(opId));
        if (!creator) continue;
        included.add(creator.id);
        out.push(creator);
      }
    }
  }
  return out.sort(byTime);
}

/** Operations in the order they were made everywhere: by time, then by id (ids never tie). */
export function byTime(a: Pick<BundleOperation, 'at' | 'id'>, b: Pick<BundleOperation, 'at' | 'id'>): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every operation id a copy holds: its own and the ones it merged in. */
export function knownOperationIds(raw: BetterSqlite3.Database): string[] {
  const own = raw.prepare('SELECT id FROM operations').pluck().all() as string[];
  const merged = hasTable(raw, 'exchange_ops') ? (raw.prepare('SELECT id FROM exchange_ops').pluck().all() as string[]) : [];
  return [...own, ...merged];
}
