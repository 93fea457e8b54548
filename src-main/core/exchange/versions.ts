import type BetterSqlite3 from 'better-sqlite3';
import { statement } from '../db/statements';

/** When a field was last written and by which operation; ties between times go to the larger id. */
export interface Version {
  readonly at: string;
  readonly opId: string;
  /** Made without the other copy knowing it: a write the two sides did independently. */
  readonly concurrent: boolean;
}

/** Whether `a` was written after `b` (everything is after nothing). */
export function isLater(a: Version, b: Version | undefined): boolean {
  return b === undefined || a.at > b.at || (a.at === b.at && a.opId > b.opId);
}

/** The whole row as inserted counts as a write of every field. */
export const INSERTED = '*';
export const DELETED = '#deleted';
/** Another code merged into this one: the code's content changed, though its own row did not. */
export const MERGED_IN = '#merged-in';

/**
 * Every row's last write per field, from this copy's own log and from the colleagues' operations
 * it merged before, read once per row and kept up to date during the merge. Merges and their
 * undo are bookkeeping, not edits, so they are left out (`skipSeqs`).
 */
export class FieldVersions {
  private readonly rows = new Map<string, Map<string, Version>>();
  /** Rows this copy changed without the other copy knowing, as found before the merge began. */
  private readonly concurrentRows = new Set<string>();
  /** Merges into each code (by the target's id), read on the first code asked about. */
  private mergesInto: Map<string, { at: string; id: string }[]> | null = null;

  constructor(
    private readonly raw: BetterSqlite3.Database,
    private readonly skipSeqs: ReadonlySet<number>,
    private readonly senderKnows: ReadonlySet<string>,
  ) {}

  of(table: string, id: string): Map<string, Version> {
    const key = `${table}:${id}`;
    let row = this.rows.get(key);
    if (!row) {
      row = this.load(table, id);
      this.rows.set(key, row);
    }
    return row;
  }

  /** The version a field holds now: its own last write or the row's insert, whichever is later. */
  field(table: string, id: string, column: string): Version | undefined {
    const row = this.of(table, id);
    const own = row.get(column);
    const inserted = row.get(INSERTED);
    return own && isLater(own, inserted) ? own : (inserted ?? own);
  }

  /** Notes a write (applied or not: a lost write still happened) so later ones compare against it. */
  note(table: string, id: string, column: string, version: Version): void {
    const row = this.of(table, id);
    if (isLater(version, row.get(column))) row.set(column, version);
  }

  /**
   * Whether this copy changed the row without the other copy knowing — even where a later write
   * of theirs has since won the field, the edit was work and the row is kept.
   */
  editedConcurrently(table: string, id: string): boolean {
    this.of(table, id);
    return this.concurrentRows.has(`${table}:${id}`);
  }

  /**
   * A row's versions from the log. Any write the sender does not know makes the row concurrently
   * edited, even one a later write (theirs, taken in earlier in this merge) has since outdated.
   */
  private load(table: string, id: string): Map<string, Version> {
    const row = new Map<string, Version>();
    const write = (names: readonly string[], at: string, opId: string): void => {
      const version: Version = { at, opId, concurrent: !this.senderKnows.has(opId) };
      for (const name of names) if (isLater(version, row.get(name))) row.set(name, version);
      if (version.concurrent && !names.includes(DELETED)) this.concurrentRows.add(`${table}:${id}`);
    };
    const add = (kind: string, columns: string | null, at: string, opId: string): void =>
      write(kind === 'insert' ? [INSERTED] : kind === 'delete' ? [DELETED] : Object.keys(JSON.parse(columns ?? '{}') as object), at, opId);
    const own = statement(this.raw, 'SELECT c.op_seq, c.kind, c.after, o.at, o.id FROM changes c JOIN operations o ON o.seq = c.op_seq WHERE c.tbl = ? AND c.row_id = ?').all(table, id) as {
      op_seq: number;
      kind: string;
      after: string | null;
      at: string;
      id: string;
    }[];
    for (const c of own) if (!this.skipSeqs.has(c.op_seq)) add(c.kind, c.after, c.at, c.id);
    const merged = statement(this.raw, 'SELECT x.kind, x.image, e.at, e.id FROM exchange_changes x JOIN exchange_ops e ON e.id = x.op_id WHERE x.tbl = ? AND x.row_id = ?').all(table, id) as {
      kind: string;
      image: string | null;
      at: string;
      id: string;
    }[];
    for (const c of merged) add(c.kind, c.image, c.at, c.id);
    if (table === 'codes') for (const op of this.mergesIntoCode(id)) write([MERGED_IN], op.at, op.id);
    return row;
  }

  /**
   * The merges that brought another code into `codeId`, made here (and not undone) or taken in
   * from colleagues. Receiving a merge is an edit of the code: its codings and sub-codes changed,
   * so a colleague's delete of it does not simply remove it.
   */
  private mergesIntoCode(codeId: string): readonly { at: string; id: string }[] {
    if (this.mergesInto === null) {
      this.mergesInto = new Map();
      const ops = this.raw
        .prepare(
          "SELECT id, at, json_extract(input, '$.targetId') AS target FROM operations WHERE method = 'codes.merge' AND state = 'done' AND json_valid(input) " +
            "UNION ALL SELECT id, at, json_extract(input, '$.targetId') FROM exchange_ops WHERE method = 'codes.merge' AND json_valid(input)",
        )
        .all() as { id: string; at: string; target: unknown }[];
      for (const op of ops) {
        if (typeof op.target !== 'string') continue;
        const list = this.mergesInto.get(op.target) ?? [];
        list.push(op);
        this.mergesInto.set(op.target, list);
      }
    }
    return this.mergesInto.get(codeId) ?? [];
  }
}
