import type BetterSqlite3 from 'better-sqlite3';
import type { LoggedTable } from '../db/schema';
import { EXCHANGED_TABLES } from './identity';

export interface ForeignKey {
  readonly from: string;
  readonly table: string;
}

/** What a merge needs to know of a table: its columns, what its rows refer to, and its unique keys. */
export interface TableShape {
  readonly columns: ReadonlySet<string>;
  readonly foreign: readonly ForeignKey[];
  readonly unique: readonly { readonly columns: readonly string[] }[];
}

const shapes = new WeakMap<BetterSqlite3.Database, Map<string, TableShape>>();

/** A table's shape as the file's own schema says (an older copy may lack newer columns). */
export function tableShape(raw: BetterSqlite3.Database, table: string): TableShape {
  let cache = shapes.get(raw);
  if (!cache) shapes.set(raw, (cache = new Map()));
  let shape = cache.get(table);
  if (!shape) {
    const columns = new Set(raw.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
    const foreign = (raw.prepare('SELECT "from", "table" FROM pragma_foreign_key_list(?)').all(table) as ForeignKey[]).filter((fk) =>
      EXCHANGED_TABLES.includes(fk.table as LoggedTable),
    );
    const indexes = raw.prepare("SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1 AND origin <> 'pk'").pluck().all(table) as string[];
    const unique = indexes.map((name) => ({ columns: raw.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(name) as string[] }));
    shape = { columns, foreign, unique };
    cache.set(table, shape);
  }
  return shape;
}
