import type BetterSqlite3 from 'better-sqlite3';
import { foldForSearch } from '../../../src-shared/text';
import { SEARCH_SCHEMA } from '../../../migrations/0003_search';
import { statement } from './statements';
import { stemOf, wordsOf } from './search-words';

/**
 * Fills the full-text index (schema: migrations/0003_search.ts). Called from `rebuildDerived`
 * whenever a revision or a memo is written, whether by a handler, an undo or a redo. Deletions need
 * nothing here: ON DELETE CASCADE and a trigger take their rows out of the indexes.
 */

/** Bump when what goes into the index changes: older projects are then reindexed when opened. */
export const SEARCH_INDEX_VERSION = 5;


/** The index rows of one text: [start, end) pieces of it, numbered in order. */
function indexPieces(raw: BetterSqlite3.Database, source: { revision: string } | { memo: string }, text: string, pieces: readonly { start: number; end: number }[]): void {
  const owner = 'memo' in source ? { column: 'memo_id', id: source.memo } : { column: 'revision_id', id: source.revision };
  // Only delete when there is something to: a statement that may write to FTS5 tables makes them
  // flush what they hold in memory, which slows a bulk build severalfold.
  if (statement(raw, `SELECT 1 FROM search_sources WHERE ${owner.column} = ?`).get(owner.id)) {
    statement(raw, `DELETE FROM search_sources WHERE ${owner.column} = ?`).run(owner.id);
  }
  if (pieces.length === 0) return;
  // The next free run of rowids: after the last source's (runs are handed out in order).
  const next = (statement(raw, 'SELECT id + rows FROM search_sources ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined) ?? 1;
  statement(raw, `INSERT INTO search_sources (id, rows, ${owner.column}) VALUES (?, ?, ?)`).run(next, pieces.length, owner.id);
  const folded = foldForSearch(text);
  for (let ord = 0; ord < pieces.length; ord++) {
    const { start, end } = pieces[ord]!;
    const words = wordsOf(folded.slice(start, end));
    if (words.length === 0) continue; // punctuation only: nothing a search could find
    const rowid = next + ord;
    statement(raw, 'INSERT INTO search_words (rowid, words) VALUES (?, ?)').run(rowid, words.map((w) => w.key).join(' '));
    statement(raw, 'INSERT INTO search_stems (rowid, stems) VALUES (?, ?)').run(rowid, words.map((w) => stemOf(w.key)).join(' '));
  }
  for (const group of trigramGroups(pieces)) {
    const body = folded.slice(group.start, group.end);
    if (body.trim() !== '') statement(raw, 'INSERT INTO search_trigrams (rowid, body) VALUES (?, ?)').run(next + group.first, body);
  }
}

/** About how many characters of text one row of the trigram index holds. */
export const TRIGRAM_CHUNK = 1000;

/**
 * The rows of the trigram index: runs of consecutive segments (or memo lines) of up to
 * `TRIGRAM_CHUNK` characters, a longer one alone, each numbered by its first segment. Fewer, longer
 * rows make the index a fraction of the size by segment (it keeps a trigram once per row), while
 * a row that has every trigram of a search but not the search itself stays rare. A substring
 * never spans two segments: they are lines, and a search has no line break.
 */
export function trigramGroups(pieces: readonly { start: number; end: number }[]): { first: number; start: number; end: number }[] {
  const groups: { first: number; start: number; end: number }[] = [];
  for (let i = 0; i < pieces.length; ) {
    const first = i;
    const start = pieces[i]!.start;
    let end = pieces[i]!.end;
    for (i++; i < pieces.length && pieces[i]!.end - start <= TRIGRAM_CHUNK; i++) end = pieces[i]!.end;
    groups.push({ first, start, end });
  }
  return groups;
}

/** Indexes one revision, segment by segment (its segments must be derived already). */
export function indexRevision(raw: BetterSqlite3.Database, revisionId: string, text: string): void {
  const segments = statement(raw, 'SELECT start_offset AS start, end_offset AS end FROM segments WHERE revision_id = ? ORDER BY ord').all(revisionId) as { start: number; end: number }[];
  indexPieces(raw, { revision: revisionId }, text, segments);
}

/** The lines of a memo's text, as [start, end) offsets; an index row's number is its line's. */
export function memoLines(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lines.push({ start, end });
    start = end + 1;
  }
  return lines;
}

/** Indexes one memo, line by line. */
export function indexMemo(raw: BetterSqlite3.Database, memoId: string, text: string): void {
  indexPieces(raw, { memo: memoId }, text, text.trim() === '' ? [] : memoLines(text));
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
    replaceDraftLayout(raw);
    for (const table of ['search_words', 'search_stems', 'search_trigrams']) raw.prepare(`INSERT INTO ${table} (${table}) VALUES ('delete-all')`).run();
    raw.prepare('DELETE FROM search_sources').run(); // the trigger's deletes find nothing left to delete
    // One text at a time: a connection cannot write while it is still reading a result.
    const revisionText = raw.prepare('SELECT text FROM revisions WHERE id = ?').pluck();
    for (const id of raw.prepare('SELECT id FROM revisions').pluck().all() as string[]) indexRevision(raw, id, revisionText.get(id) as string);
    const memoText = raw.prepare('SELECT text FROM memos WHERE id = ?').pluck();
    for (const id of raw.prepare('SELECT id FROM memos').pluck().all() as string[]) indexMemo(raw, id, memoText.get(id) as string);
    // One b-tree per index instead of the many segments a bulk build leaves: smaller and quicker.
    for (const table of ['search_words', 'search_stems', 'search_trigrams']) raw.prepare(`INSERT INTO ${table} (${table}) VALUES ('optimize')`).run();
    raw.prepare("INSERT OR REPLACE INTO derived_state (name, version) VALUES ('search', ?)").run(SEARCH_INDEX_VERSION);
  }).immediate();
  return true;
}

/**
 * Development builds briefly had other layouts under the same schema version (`search_rows` with
 * the folded text; sources without runs of rowids): the index is derived, so those tables are
 * simply replaced.
 */
function replaceDraftLayout(raw: BetterSqlite3.Database): void {
  const current = raw.prepare("SELECT 1 FROM pragma_table_info('search_sources') WHERE name = 'rows'").get();
  const draft = raw.prepare("SELECT 1 FROM sqlite_schema WHERE name IN ('search_rows', 'search_sources')").get();
  if (current || !draft) return;
  for (const trigger of raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'search%'").pluck().all() as string[]) raw.exec(`DROP TRIGGER ${trigger}`);
  raw.exec('DROP VIEW IF EXISTS search_live');
  for (const table of ['search_words', 'search_stems', 'search_trigrams', 'search_rows', 'search_sources']) raw.exec(`DROP TABLE IF EXISTS ${table}`);
  for (const sql of SEARCH_SCHEMA) raw.exec(sql);
}
