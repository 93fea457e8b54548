import type BetterSqlite3 from 'better-sqlite3';
import { foldForSearch } from '../../../src-shared/text';
import { statement } from './statements';
import { stemOf, wordsOf } from './search-words';

/**
 * Builds the rows of the full-text index (schema and its triggers: migrations/0003_search.ts).
 * Called from `rebuildDerived` whenever a revision or a memo is written, whether by a handler, an
 * undo or a redo; deletions need nothing here (ON DELETE CASCADE and the triggers), and neither
 * does a document's switch to another revision (a trigger moves the rows in and out of the index).
 */

/** Bump when what goes into `search_rows` changes: older projects get reindexed when opened. */
export const SEARCH_INDEX_VERSION = 1;

/** The row a search hit comes from. */
export interface SearchRow {
  readonly id: number;
  readonly document_id: string | null;
  readonly revision_id: string | null;
  readonly memo_id: string | null;
  readonly start_offset: number;
  readonly end_offset: number;
  readonly live: number;
  /** The row's text folded for search: lower case, ё as е, offsets as in the original. */
  readonly body: string;
  /** The stem of each word of `body`, in order, separated by spaces. */
  readonly stems: string;
}

const stemsOf = (body: string): string => wordsOf(body).map((w) => stemOf(w.key)).join(' ');

function insertRow(raw: BetterSqlite3.Database, owner: { document: string; revision: string } | { memo: string }, live: boolean, text: string, start: number, end: number): void {
  const body = foldForSearch(text.slice(start, end));
  statement(raw, 'INSERT INTO search_rows (document_id, revision_id, memo_id, start_offset, end_offset, live, body, stems) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    'memo' in owner ? null : owner.document,
    'memo' in owner ? null : owner.revision,
    'memo' in owner ? owner.memo : null,
    start,
    end,
    live ? 1 : 0,
    body,
    stemsOf(body),
  );
}

/**
 * Indexes one revision, segment by segment (its segments must be derived already). Its rows are
 * live when it is its document's current revision; a revision written before the document points
 * to it (an edit) enters the index through the trigger once the document does.
 */
export function indexRevision(raw: BetterSqlite3.Database, revisionId: string, text: string): void {
  statement(raw, 'DELETE FROM search_rows WHERE revision_id = ?').run(revisionId);
  const owner = statement(raw, 'SELECT r.document_id, d.current_revision_id FROM revisions r JOIN documents d ON d.id = r.document_id WHERE r.id = ?').get(revisionId) as
    | { document_id: string; current_revision_id: string }
    | undefined;
  if (!owner) return;
  const live = owner.current_revision_id === revisionId;
  const segments = statement(raw, 'SELECT start_offset, end_offset FROM segments WHERE revision_id = ? ORDER BY ord').all(revisionId) as { start_offset: number; end_offset: number }[];
  for (const s of segments) insertRow(raw, { document: owner.document_id, revision: revisionId }, live, text, s.start_offset, s.end_offset);
}

/** The non-empty lines of a memo's text, as [start, end) offsets. */
export function memoLines(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (text.slice(start, end).trim().length > 0) lines.push({ start, end });
    start = end + 1;
  }
  return lines;
}

/** Indexes one memo, line by line. */
export function indexMemo(raw: BetterSqlite3.Database, memoId: string, text: string): void {
  statement(raw, 'DELETE FROM search_rows WHERE memo_id = ?').run(memoId);
  for (const line of memoLines(text)) insertRow(raw, { memo: memoId }, true, text, line.start, line.end);
}

/**
 * Builds the whole index when this project's was made by another version of the indexer (or
 * never, in a project from before search), or when `force`d because the segments it is made of
 * were derived anew. Returns whether it did.
 */
export function refreshSearchIndex(raw: BetterSqlite3.Database, force = false): boolean {
  const made = raw.prepare("SELECT version FROM derived_state WHERE name = 'search'").pluck().get() as number | undefined;
  if (made === SEARCH_INDEX_VERSION && !force) return false;
  raw.transaction(() => {
    // The triggers take each live row out of the indexes as it goes, so they stay consistent.
    raw.prepare('DELETE FROM search_rows').run();
    // One text at a time: a connection cannot write while it is still reading a result.
    const revisionText = raw.prepare('SELECT text FROM revisions WHERE id = ?').pluck();
    for (const id of raw.prepare('SELECT id FROM revisions').pluck().all() as string[]) indexRevision(raw, id, revisionText.get(id) as string);
    const memoText = raw.prepare('SELECT text FROM memos WHERE id = ?').pluck();
    for (const id of raw.prepare('SELECT id FROM memos').pluck().all() as string[]) indexMemo(raw, id, memoText.get(id) as string);
    raw.prepare("INSERT OR REPLACE INTO derived_state (name, version) VALUES ('search', ?)").run(SEARCH_INDEX_VERSION);
  }).immediate();
  return true;
}
