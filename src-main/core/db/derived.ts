import type BetterSqlite3 from 'better-sqlite3';
import { splitSegments } from '../../../src-shared/text';
import { statement } from './statements';
import type { LoggedTable } from './schema';

/**
 * Tables computed from logged rows. They are rebuilt whenever their source row is written —
 * by a handler, an undo or a redo alike — so the change log stays small and they never drift.
 * Deleting a source row removes them through ON DELETE CASCADE.
 */
export function rebuildDerived(raw: BetterSqlite3.Database, table: LoggedTable, row: Readonly<Record<string, unknown>>): void {
  if (table !== 'revisions') return;
  const revisionId = String(row.id);
  const insert = statement(raw, 'INSERT INTO segments (revision_id, ord, start_offset, end_offset, kind, speaker, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?)');
  statement(raw, 'DELETE FROM segments WHERE revision_id = ?').run(revisionId);
  splitSegments(String(row.text)).forEach((s, ord) => {
    insert.run(revisionId, ord, s.start, s.end, s.kind, s.speaker, s.timestamp);
  });
}
