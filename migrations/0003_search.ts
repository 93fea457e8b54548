import type { Migration } from './migration';

/**
 * Full-text search (src-main/core/db/search-index.ts builds the rows).
 *
 * `search_rows` holds one row per segment (turn, paragraph) of every revision and per line of every
 * memo: the text folded for search (lower case, ё as е; same length as the original, so offsets
 * carry over) and the snowball stem of each of its words. It is derived, never logged. Rows go
 * with their revision or memo through ON DELETE CASCADE, also when an undo removes them.
 *
 * Only *live* rows are in the FTS5 indexes: memo lines and the segments of each document's current
 * revision. The triggers keep it so: when a document's current revision changes (an edit, its
 * undo or redo), the old revision's rows leave the index and the new one's enter, in SQL, so no
 * code path can forget it. `search_live` is the indexes' external content.
 *
 * - `search_words`: words (`body`) and their stems (`stems`), unicode61 with diacritics removed;
 * - `search_trigrams`: the folded text by trigrams, for substring search.
 */
export const SEARCH_SCHEMA: readonly string[] = [
  `CREATE TABLE search_rows (
    id INTEGER PRIMARY KEY,
    document_id TEXT,
    revision_id TEXT REFERENCES revisions(id) ON DELETE CASCADE,
    memo_id TEXT REFERENCES memos(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    live INTEGER NOT NULL CHECK (live IN (0, 1)),
    body TEXT NOT NULL,
    stems TEXT NOT NULL,
    CHECK ((revision_id IS NULL) <> (memo_id IS NULL))
  ) STRICT`,
  'CREATE INDEX search_rows_revision ON search_rows(revision_id)',
  'CREATE INDEX search_rows_memo ON search_rows(memo_id)',
  'CREATE VIEW search_live AS SELECT id, body, stems FROM search_rows WHERE live = 1',
  `CREATE VIRTUAL TABLE search_words USING fts5(body, stems, content='search_live', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`,
  `CREATE VIRTUAL TABLE search_trigrams USING fts5(body, content='search_live', content_rowid='id', tokenize='trigram')`,
  `CREATE TRIGGER search_rows_insert AFTER INSERT ON search_rows WHEN new.live = 1 BEGIN
    INSERT INTO search_words (rowid, body, stems) VALUES (new.id, new.body, new.stems);
    INSERT INTO search_trigrams (rowid, body) VALUES (new.id, new.body);
  END`,
  `CREATE TRIGGER search_rows_delete AFTER DELETE ON search_rows WHEN old.live = 1 BEGIN
    INSERT INTO search_words (search_words, rowid, body, stems) VALUES ('delete', old.id, old.body, old.stems);
    INSERT INTO search_trigrams (search_trigrams, rowid, body) VALUES ('delete', old.id, old.body);
  END`,
  `CREATE TRIGGER search_rows_leave AFTER UPDATE OF live ON search_rows WHEN old.live = 1 AND new.live = 0 BEGIN
    INSERT INTO search_words (search_words, rowid, body, stems) VALUES ('delete', old.id, old.body, old.stems);
    INSERT INTO search_trigrams (search_trigrams, rowid, body) VALUES ('delete', old.id, old.body);
  END`,
  `CREATE TRIGGER search_rows_enter AFTER UPDATE OF live ON search_rows WHEN old.live = 0 AND new.live = 1 BEGIN
    INSERT INTO search_words (rowid, body, stems) VALUES (new.id, new.body, new.stems);
    INSERT INTO search_trigrams (rowid, body) VALUES (new.id, new.body);
  END`,
  `CREATE TRIGGER search_current_revision AFTER UPDATE OF current_revision_id ON documents
    WHEN old.current_revision_id IS NOT new.current_revision_id BEGIN
    UPDATE search_rows SET live = 0 WHERE revision_id = old.current_revision_id AND live = 1;
    UPDATE search_rows SET live = 1 WHERE revision_id = new.current_revision_id AND live = 0;
  END`,
];

export const search: Migration = {
  version: 3,
  name: 'search',
  up: SEARCH_SCHEMA,
};
