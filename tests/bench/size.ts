import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

export interface FileFigures {
  readonly sizeMB: number;
  readonly sizeMiB: number;
  /** The largest tables and indexes, MB (10^6 bytes), largest first. */
  readonly tables: readonly { readonly name: string; readonly mb: number }[];
}

/**
 * The project file's size with its WAL folded in (`wal_checkpoint(TRUNCATE)`), so the figure is
 * the file a user would copy, and where its bytes go (SQLite's dbstat table, when compiled in).
 */
export function fileFigures(file: string, top = 8): FileFigures {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    let tables: { name: string; mb: number }[] = [];
    try {
      tables = db.prepare('SELECT name, sum(pgsize) / 1e6 AS mb FROM dbstat GROUP BY name ORDER BY mb DESC LIMIT ?').all(top) as { name: string; mb: number }[];
    } catch {
      // dbstat is optional in SQLite builds; the size alone still answers the question.
    }
    const bytes = fs.statSync(file).size;
    return { sizeMB: bytes / 1e6, sizeMiB: bytes / 2 ** 20, tables };
  } finally {
    db.close();
  }
}
