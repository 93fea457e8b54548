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
export type Known = Set<string>;

/** The index rows of one text: [start, end) pieces of it, numbered in order. */
function indexPieces(raw: BetterSqlite3.Database, source: { revision: string } | { memo: string }, text: string, pieces: readonly { start: number; end: number }[], known?: Known): void {
  const owner = 'memo' in source ? { column: 'memo_id', id: source.memo } : { column: 'revision_id', id: source.revision };
  // Only delete when there is something to: a statement that may write to FTS5 tables makes them
  // flush what they hold in memory, which slows a bulk build severalfold.
  if (statement(raw, `SELECT 1 FROM search_sources WHERE ${owner.column} = ?`).get(owner.id)) {
    statement(raw, `DELETE FROM search_sources WHERE ${owner.column} = ?`).run(owner.id);
  }
  // The next free run of rowids: after the last source's (runs are handed out in order).
  const next = (statement(raw, 'SELECT id + rows FROM search_sources ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined) ?? 1;
  // A source with nothing to index (an empty text) is recorded too, holding one rowid without
  // words, so a build knows it is done with it.
  statement(raw, `INSERT INTO search_sources (id, rows, ${owner.column}) VALUES (?, ?, ?)`).run(next, Math.max(pieces.length, 1), owner.id);
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

/** Where the index of an opened project stands. */
export type SearchIndexState = 'ready' | 'building';

/**
 * Readies the index for building when this project's was made by another version of the indexer
 * (or never, in a project from before search), or when `force`d because the segments it is made
 * of were derived anew: empties it and marks it as being built (`derived_state` holds the
 * version negated until the build is complete). An interrupted build resumes where it stopped.
 */
export function startSearchIndex(raw: BetterSqlite3.Database, force = false): SearchIndexState {
  const made = raw.prepare("SELECT version FROM derived_state WHERE name = 'search'").pluck().get() as number | undefined;
  if (made === SEARCH_INDEX_VERSION && !force) return 'ready';
  if (made === -SEARCH_INDEX_VERSION && !force) return 'building';
  raw.transaction(() => {
    raw.prepare("INSERT INTO search_words (search_words) VALUES ('delete-all')").run();
    raw.prepare('DELETE FROM search_sources').run(); // the trigger's deletes find nothing left to delete
    raw.prepare("INSERT INTO search_term_trigrams (search_term_trigrams) VALUES ('delete-all')").run();
    raw.prepare('DELETE FROM search_terms').run();
    raw.prepare("INSERT OR REPLACE INTO derived_state (name, version) VALUES ('search', ?)").run(-SEARCH_INDEX_VERSION);
  }).immediate();
  return 'building';
}

/** Whether the index is complete: what every search checks first. */
export function searchIndexReady(raw: BetterSqlite3.Database): boolean {
  return statement(raw, "SELECT version FROM derived_state WHERE name = 'search'").pluck().get() === SEARCH_INDEX_VERSION;
}

/** Whether the index is complete, and if not, how many texts (revisions, memos) it holds of how many. */
export function searchIndexProgress(raw: BetterSqlite3.Database): { ready: boolean; done: number; total: number } {
  const made = raw.prepare("SELECT version FROM derived_state WHERE name = 'search'").pluck().get() as number | undefined;
  const total = raw.prepare("SELECT (SELECT count(*) FROM revisions) + (SELECT count(*) FROM memos WHERE trim(text) <> '')").pluck().get() as number;
  if (made === SEARCH_INDEX_VERSION) return { ready: true, done: total, total };
  return { ready: false, done: Math.min(total, raw.prepare('SELECT count(*) FROM search_sources').pluck().get() as number), total };
}

/** Texts indexed by one step of a build: a few seconds' work at most, so other calls wait little. */
export const SEARCH_INDEX_STEP = 25;

/**
 * Indexes up to `count` texts not indexed yet (texts written meanwhile are indexed as they are
 * written); when none is left, compacts the index and marks it complete. `known` carries the
 * vocabulary met so far from step to step.
 */
export function searchIndexStep(raw: BetterSqlite3.Database, known: Known, count = SEARCH_INDEX_STEP): { done: number; total: number; finished: boolean } {
  raw.transaction(() => {
    const revisions = raw.prepare('SELECT id, text FROM revisions WHERE id NOT IN (SELECT revision_id FROM search_sources WHERE revision_id IS NOT NULL) LIMIT ?').all(count) as { id: string; text: string }[];
    for (const r of revisions) indexRevision(raw, r.id, r.text, known);
    const memos = raw
      .prepare("SELECT id, text FROM memos WHERE trim(text) <> '' AND id NOT IN (SELECT memo_id FROM search_sources WHERE memo_id IS NOT NULL) LIMIT ?")
      .all(count - revisions.length) as { id: string; text: string }[];
    for (const m of memos) indexMemo(raw, m.id, m.text, known);
    if (revisions.length + memos.length === 0) {
      // One b-tree per index instead of the many segments a bulk build leaves: smaller and quicker.
      for (const table of ['search_words', 'search_term_trigrams']) raw.prepare(`INSERT INTO ${table} (${table}) VALUES ('optimize')`).run();
      raw.prepare("INSERT OR REPLACE INTO derived_state (name, version) VALUES ('search', ?)").run(SEARCH_INDEX_VERSION);
    }
  }).immediate();
  const { ready, done, total } = searchIndexProgress(raw);
  return { done, total, finished: ready };
}

/**
 * Builds the whole index at once when it needs building (see `startSearchIndex`), as the command
 * line and tests want it. Returns whether it did.
 */
export function refreshSearchIndex(raw: BetterSqlite3.Database, force = false): boolean {
  if (startSearchIndex(raw, force) === 'ready') return false;
  const known: Known = new Set(raw.prepare('SELECT term FROM search_terms').pluck().all() as string[]);
  while (!searchIndexStep(raw, known, 500).finished);
  return true;
}
