import type BetterSqlite3 from 'better-sqlite3';
import { statement } from './statements';

/**
 * Keeps an imported file's bytes, once per content. Outside the change log on purpose (see
 * migration 0002): the logged `originals` row is what undo and redo add and remove, and the
 * bytes it points to must still be here when a redo brings the row back.
 */
export function storeOriginal(raw: BetterSqlite3.Database, sha256: string, bytes: Uint8Array): void {
  statement(raw, 'INSERT OR IGNORE INTO original_files (sha256, size, data) VALUES (?, ?, ?)').run(sha256, bytes.length, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
