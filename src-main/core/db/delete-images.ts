import type BetterSqlite3 from 'better-sqlite3';
import { statement } from './statements';

/**
 * A row as this project's change log last saw it before it was deleted (its delete image), or
 * null when the row was never deleted here. Code history names deleted codes by it; a merge uses it
 * to decide whether a colleague's edit to a row deleted here is newer than the deletion.
 *
 * @example
 * const code = lastDeleteImage<CodeRow>(ctx.raw, 'codes', id); // { id, name, definition, … } | null
 */
export function lastDeleteImage<R>(raw: BetterSqlite3.Database, table: string, id: string): R | null {
  const before = statement(raw, "SELECT before FROM changes WHERE tbl = ? AND row_id = ? AND kind = 'delete' ORDER BY op_seq DESC, ord DESC LIMIT 1")
    .pluck()
    .get(table, id) as string | null | undefined;
  return before == null ? null : (JSON.parse(before) as R);
}
