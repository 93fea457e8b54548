import type { Migration } from './migration';

/**
 * Full-text search (src-main/core/db/search-index.ts fills it, services/search.ts reads it).
 *
 * The indexes hold one row per segment (turn, paragraph) of every revision and per line of every
 * memo. Each revision or memo has a run of rowids, `search_sources.id` to `id + rows - 1`, and a
 * row's rowid is `id + ord`, `ord` being the segment's number in `segments` (or the memo's line):
 * so no table repeats the text or its place, and the rowids stay dense (FTS5 stores rowid gaps, so
 * wide gaps would cost a third more space). A source goes with its revision or memo through ON
 * DELETE CASCADE, also when an undo removes it, and the trigger takes its rows out of the indexes.
 * A search keeps the rows of each document's current revision; older revisions stay indexed (they
 * are few, and immutable), so switching back to one (undoing an edit) needs no reindexing.
 *
 * The FTS5 tables are contentless (the text is in `revisions` and `memos` already) and keep no
 * positions (`detail=none`), about a third of the size otherwise. They find the rows that may
 * match; the exact places, phrases included, are then found in the text itself (FTS5 has no
 * offsets() in any case). The indexed text is folded (`foldForSearch`: lower case, ё as е), so
 * neither matters; stemming (snowball, Russian and English) happens before insertion, because
 * better-sqlite3 cannot register an FTS5 tokenizer.
 *
 * - `search_words`: each word of the folded text (unicode61, diacritics removed);
 * - `search_stems`: the stem of each of those words;
 * - `search_trigrams`: the folded text by trigrams, for substrings; a row holds a run of segments
 *   of about 1,000 characters (numbered by its first), half the size of one row per segment.
 */
export const SEARCH_SCHEMA: readonly string[] = [
  `CREATE TABLE search_sources (
    id INTEGER PRIMARY KEY,
    rows INTEGER NOT NULL CHECK (rows > 0),
    revision_id TEXT UNIQUE REFERENCES revisions(id) ON DELETE CASCADE,
    memo_id TEXT UNIQUE REFERENCES memos(id) ON DELETE CASCADE,
    CHECK ((revision_id IS NULL) <> (memo_id IS NULL))
  ) STRICT`,
  `CREATE VIRTUAL TABLE search_words USING fts5(words, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 2')`,
  `CREATE VIRTUAL TABLE search_stems USING fts5(stems, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 2')`,
  `CREATE VIRTUAL TABLE search_trigrams USING fts5(body, content='', contentless_delete=1, detail=none, tokenize='trigram')`,
  `CREATE TRIGGER search_sources_delete AFTER DELETE ON search_sources BEGIN
    DELETE FROM search_words WHERE rowid BETWEEN old.id AND old.id + old.rows - 1;
    DELETE FROM search_stems WHERE rowid BETWEEN old.id AND old.id + old.rows - 1;
    DELETE FROM search_trigrams WHERE rowid BETWEEN old.id AND old.id + old.rows - 1;
  END`,
];

export const search: Migration = { version: 3, name: 'search', up: SEARCH_SCHEMA };
