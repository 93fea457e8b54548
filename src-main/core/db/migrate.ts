import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from '../../../migrations';

/** 'QUIR' in ASCII: tells a Quire project from any other SQLite file. */
export const APPLICATION_ID = 0x51554952;

export function schemaVersion(raw: BetterSqlite3.Database): number {
  return raw.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs every pending migration inside one transaction: either the file reaches the newest
 * schema or it stays exactly as it was. (kysely's migrator does not wrap SQLite DDL in a
 * transaction, which is why this is done by hand.)
 */
export function migrate(raw: BetterSqlite3.Database, migrations: readonly Migration[]): number {
  const from = schemaVersion(raw);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return from;
  raw.transaction(() => {
    for (const migration of pending) {
      for (const statement of migration.up) raw.exec(statement);
    }
    const to = pending[pending.length - 1]!.version;
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${to}`);
  }).immediate();
  return schemaVersion(raw);
}
