import type BetterSqlite3 from 'better-sqlite3';
import type { LoggedTable, LoggedTables } from '../db/schema';
import { rebuildDerived } from '../db/derived';
import { notFound } from '../../../src-shared/contract/errors';

/** A row image: the rows of logged tables are plain objects of column values. */
type Row = object;
const columnsOf = (row: Row): Readonly<Record<string, unknown>> => row as Readonly<Record<string, unknown>>;

/** Prepared statements per SQL text: the writer's statements are few and hot. */
class StatementCache {
  private readonly cache = new Map<string, BetterSqlite3.Statement>();
  constructor(private readonly raw: BetterSqlite3.Database) {}
  get(sql: string): BetterSqlite3.Statement {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.raw.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }
}

const caches = new WeakMap<BetterSqlite3.Database, StatementCache>();
function statements(raw: BetterSqlite3.Database): StatementCache {
  let cache = caches.get(raw);
  if (!cache) {
    cache = new StatementCache(raw);
    caches.set(raw, cache);
  }
  return cache;
}

/**
 * The only way rows of logged tables are written. Every write records the row's before and after
 * image in the current operation, which is what undo, redo, the activity history and merging
 * read. Handlers get a Writer only inside the mutation path.
 */
export class Writer {
  private ord = 0;
  private readonly touched = new Set<LoggedTable>();
  private readonly sql: StatementCache;

  constructor(
    private readonly raw: BetterSqlite3.Database,
    private readonly opSeq: number,
  ) {
    this.sql = statements(raw);
  }

  /** How many row changes this operation has recorded so far. */
  get changeCount(): number {
    return this.ord;
  }

  get tables(): readonly LoggedTable[] {
    return [...this.touched];
  }

  insert<T extends LoggedTable>(table: T, row: LoggedTables[T]): LoggedTables[T] {
    this.insertRow(table, row);
    this.log(table, String(row.id), null, row);
    return row;
  }

  /** Updates some columns of a row and returns the row as it is now. */
  update<T extends LoggedTable>(table: T, id: string, patch: Partial<LoggedTables[T]>): LoggedTables[T] {
    const before = this.read(table, id);
    const after = { ...before, ...patch, id } as LoggedTables[T];
    this.replaceRow(table, after);
    this.log(table, id, before, after);
    return after;
  }

  delete<T extends LoggedTable>(table: T, id: string): LoggedTables[T] {
    const before = this.read(table, id);
    this.sql.get(`DELETE FROM ${table} WHERE id = ?`).run(id);
    this.log(table, id, before, null);
    return before;
  }

  /** The current row, for handlers that must see their own writes synchronously. */
  read<T extends LoggedTable>(table: T, id: string): LoggedTables[T] {
    const row = this.sql.get(`SELECT * FROM ${table} WHERE id = ?`).get(id) as LoggedTables[T] | undefined;
    if (!row) throw notFound(`This ${table.replace(/_/g, ' ').replace(/s$/, '')}`, id);
    return row;
  }

  /** Writes a whole row image back (undo and redo): insert, replace or delete. */
  restore(table: LoggedTable, id: string, image: Row | null): void {
    const exists = this.sql.get(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
    if (image === null) {
      if (exists) this.delete(table, id);
      return;
    }
    if (exists) {
      const before = this.read(table, id);
      this.replaceRow(table, image);
      this.log(table, id, before, image);
    } else {
      this.insertRow(table, image);
      this.log(table, id, null, image);
    }
  }

  private insertRow(table: LoggedTable, row: Row): void {
    const values = columnsOf(row);
    const columns = Object.keys(values);
    this.sql
      .get(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...columns.map((c) => values[c]));
    rebuildDerived(this.raw, table, values);
  }

  private replaceRow(table: LoggedTable, row: Row): void {
    const values = columnsOf(row);
    const columns = Object.keys(values).filter((c) => c !== 'id');
    this.sql
      .get(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`)
      .run(...columns.map((c) => values[c]), values.id);
    if ('text' in values) rebuildDerived(this.raw, table, values);
  }

  private log(table: LoggedTable, id: string, before: Row | null, after: Row | null): void {
    this.touched.add(table);
    this.sql
      .get('INSERT INTO changes (op_seq, ord, tbl, row_id, before, after) VALUES (?, ?, ?, ?, ?, ?)')
      .run(this.opSeq, this.ord++, table, id, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after));
  }
}
