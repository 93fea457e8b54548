import type BetterSqlite3 from 'better-sqlite3';
import { uuidv7 } from '../../../src-shared/model/ids';
import { LOGGED_TABLE_ORDER } from '../db/schema';
import type { LoggedTable } from '../db/schema';

/** The tables whose work travels between copies: everything a user made, not the merge's own records. */
export const EXCHANGED_TABLES: readonly LoggedTable[] = LOGGED_TABLE_ORDER.filter(
  (t) => t !== 'exchange_ops' && t !== 'exchange_changes' && t !== 'merge_conflicts',
);
const exchanged = new Set<string>(EXCHANGED_TABLES);
export const isExchanged = (table: string): boolean => exchanged.has(table);

export const MERGE_METHOD = 'exchange.merge';

const hasTable = (raw: BetterSqlite3.Database, name: string): boolean =>
  raw.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;

function identity(raw: BetterSqlite3.Database, id: 'project' | 'replica'): string | null {
  if (!hasTable(raw, 'exchange_identity')) return null;
  return (raw.prepare('SELECT value FROM exchange_identity WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
}

/**
 * Which study a file belongs to. Files from before exchange existed are named by their first
 * operation, which every copy made from one project shares (the migration does the same).
 */
export function projectIdOf(raw: BetterSqlite3.Database): string {
  return identity(raw, 'project') ?? ((raw.prepare('SELECT id FROM operations ORDER BY seq LIMIT 1').pluck().get() as string | undefined) ?? '');
}

/** Which copy of the study a file is (a copy made by `exchange.exportCopy` gets its own). */
export function replicaIdOf(raw: BetterSqlite3.Database): string {
  return identity(raw, 'replica') ?? projectIdOf(raw);
}

/** Gives a freshly written copy its own identity, so the two copies can tell each other apart. */
export function newReplicaId(raw: BetterSqlite3.Database): string {
  const id = uuidv7();
  raw.prepare("UPDATE exchange_identity SET value = ? WHERE id = 'replica'").run(id);
  return id;
}

/** The project's name as its settings hold it (JSON text). */
export function projectNameOf(raw: BetterSqlite3.Database): string {
  const value = raw.prepare("SELECT value FROM project_settings WHERE id = 'name'").pluck().get() as string | undefined;
  return value === undefined ? '' : (JSON.parse(value) as string);
}

/**
 * The operations whose writes are not anyone's edits but the merge's own bookkeeping: merges,
 * and undo or redo of a merge. Their row changes neither travel nor count as a field's last edit.
 */
export function mergeSeqs(raw: BetterSqlite3.Database): Set<number> {
  const merges = raw.prepare('SELECT seq FROM operations WHERE method = ?').pluck().all(MERGE_METHOD) as number[];
  const set = new Set(merges);
  if (set.size === 0) return set;
  const around = raw.prepare("SELECT seq, target_seq FROM operations WHERE kind IN ('undo', 'redo') AND target_seq IS NOT NULL").all() as { seq: number; target_seq: number }[];
  for (const op of around) if (set.has(op.target_seq)) set.add(op.seq);
  return set;
}

export { hasTable };
