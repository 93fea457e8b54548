import type BetterSqlite3 from 'better-sqlite3';
import type { LoggedTable, LoggedTables } from '../db/schema';
import { rebuildDerived } from '../db/derived';
import { statement } from '../db/statements';
import { notFound } from '../../../src-shared/contract/errors';

/** A row image: the rows of logged tables are plain objects of column values. */
type Row = object;
type Columns = Readonly<Record<string, unknown>>;
const columnsOf = (row: Row): Columns => row as Columns;

export type ChangeKind = 'insert' | 'update' | 'delete';

/**
 * The only way rows of logged tables are written. Every write is recorded in the current
 * operation of the change log, as small as undo and redo allow:
 * - insert: no image — the row is in its table, and once an undo deletes it, that undo's own
 *   delete image holds it for a redo;
 * - update: the changed columns only, before and after;
 * - delete: the whole row, so it can be put back.
 */
export class Writer {
  private ord = 0;
  private readonly touched = new Set<LoggedTable>();

  constructor(
    private readonly raw: BetterSqlite3.Database,
    private readonly opSeq: number,
  ) {}

  /** How many row changes this operation has recorded so far. */
  get changeCount(): number {
    return this.ord;
  }

  get tables(): readonly LoggedTable[] {
    return [...this.touched];
  }

  insert<T extends LoggedTable>(table: T, row: LoggedTables[T]): LoggedTables[T] {
    const values = columnsOf(row);
    const columns = Object.keys(values);
    statement(this.raw, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => values[c]));
    rebuildDerived(this.raw, table, values);
    this.log(table, String(values.id), 'insert', null, null);
    return row;
  }

  /** Updates some columns of a row and returns the row as it is now; unchanged columns are not written. */
  update<T extends LoggedTable>(table: T, id: string, patch: Partial<LoggedTables[T]>): LoggedTables[T] {
    const before = columnsOf(this.read(table, id));
    const changed = Object.entries(patch).filter(([column, value]) => column !== 'id' && value !== undefined && before[column] !== value);
    if (changed.length > 0) {
      statement(this.raw, `UPDATE ${table} SET ${changed.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...changed.map(([, v]) => v), id);
      const after = { ...before, ...Object.fromEntries(changed) };
      if (changed.some(([c]) => c === 'text')) rebuildDerived(this.raw, table, after);
      this.log(table, id, 'update', Object.fromEntries(changed.map(([c]) => [c, before[c]])), Object.fromEntries(changed));
    }
    return { ...before, ...Object.fromEntries(changed) } as LoggedTables[T];
  }

  delete<T extends LoggedTable>(table: T, id: string): LoggedTables[T] {
    const before = this.read(table, id);
    statement(this.raw, `DELETE FROM ${table} WHERE id = ?`).run(id);
    this.log(table, id, 'delete', before, null);
    return before;
  }

  /** The current row, for handlers that must see their own writes synchronously. */
  read<T extends LoggedTable>(table: T, id: string): LoggedTables[T] {
    const row = statement(this.raw, `SELECT * FROM ${table} WHERE id = ?`).get(id) as LoggedTables[T] | undefined;
    if (!row) throw notFound(`This ${table.replace(/_/g, ' ').replace(/s$/, '')}`, id);
    return row;
  }

  private log(table: LoggedTable, id: string, kind: ChangeKind, before: Row | null, after: Row | null): void {
    this.touched.add(table);
    statement(this.raw, 'INSERT INTO changes (op_seq, ord, tbl, row_id, kind, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      this.opSeq,
      this.ord++,
      table,
      id,
      kind,
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
    );
  }
}
