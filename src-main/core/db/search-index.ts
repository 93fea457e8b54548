import type BetterSqlite3 from 'better-sqlite3';
import { foldForSearch } from '../../../src-shared/text';
import { statement } from './statements';
import { stemOf, wordsOf } from './search-words';

/**
 * Fills the full-text index (schema: migrations/0005_search_compact.ts). Called from
 * `rebuildDerived` whenever a revision or a memo is written, whether by a handler, an undo or a
 * redo. Deletions need nothing here: ON DELETE CASCADE and a trigger take their rows out of the
 * index (their words stay in the vocabulary, where they lead nowhere).
 */

/** Bump when what goes into the index changes: older projects are then reindexed when opened. */
export const SEARCH_INDEX_VERSION = 6;

/**
 * Words already in the vocabulary (`search_terms`), while the whole index is built: asking SQLite
 * again for each of a corpus's millions of words would cost seconds.
 */
type Known = Set<string>;

/** The index rows of one text: [start, end) pieces of it, numbered in order. */
function indexPieces(raw: BetterSqlite3.Database, source: { revision: string } | { memo: string }, text: string, pieces: readonly { start: number; end: number }[], known?: Known): void {
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
  const terms = new Set<string>();
  for (let ord = 0; ord < pieces.length; ord++) {
    const { start, end } = pieces[ord]!;
    const words = wordsOf(folded.slice(start, end));
    if (words.length === 0) continue; // punctuation only: nothing a search could find
    const keys = words.map((w) => w.key);
    for (const key of keys) terms.add(key);
    statement(raw, 'INSERT INTO search_words (rowid, words) VALUES (?, ?)').run(next + ord, keys.join(' '));
  }
  const insertTerm = statement(raw, 'INSERT OR IGNORE INTO search_terms (term, stem) VALUES (?, ?)');
  for (const term of terms) {
    if (known?.has(term)) continue;
    insertTerm.run(term, stemOf(term));
    known?.add(term);
  }
}

/** Indexes one revision, segment by segment (its segments must be derived already). */
export function indexRevision(raw: BetterSqlite3.Database, revisionId: string, text: string, known?: Known): void {
  const segments = statement(raw, 'SELECT start_offset AS start, end_offset AS end FROM segments WHERE revision_id = ? ORDER BY ord').all(revisionId) as { start: number; end: number }[];
  indexPieces(raw, { revision: revisionId }, text, segments, known);
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
export function indexMemo(raw: BetterSqlite3.Database, memoId: string, text: string, known?: Known): void {
  indexPieces(raw, { memo: memoId }, text, text.trim() === '' ? [] : memoLines(text), known);
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
    raw.prepare("INSERT INTO search_words (search_words) VALUES ('delete-all')").run();
    raw.prepare('DELETE FROM search_sources').run(); // the trigger's deletes find nothing left to delete
    raw.prepare("INSERT INTO search_term_trigrams (search_term_trigrams) VALUES ('delete-all')").run();
    raw.prepare('DELETE FROM search_terms').run();
    const known: Known = new Set();
    // One text at a time: a connection cannot write while it is still reading a result.
    const revisionText = raw.prepare('SELECT text FROM revisions WHERE id = ?').pluck();
    for (const id of raw.prepare('SELECT id FROM revisions').pluck().all() as string[]) indexRevision(raw, id, revisionText.get(id) as string, known);
    const memoText = raw.prepare('SELECT text FROM memos WHERE id = ?').pluck();
    for (const id of raw.prepare('SELECT id FROM memos').pluck().all() as string[]) indexMemo(raw, id, memoText.get(id) as string, known);
    // One b-tree per index instead of the many segments a bulk build leaves: smaller and quicker.
    for (const table of ['search_words', 'search_term_trigrams']) raw.prepare(`INSERT INTO ${table} (${table}) VALUES ('optimize')`).run();
    raw.prepare("INSERT OR REPLACE INTO derived_state (name, version) VALUES ('search', ?)").run(SEARCH_INDEX_VERSION);
  }).immediate();
  return true;
}
