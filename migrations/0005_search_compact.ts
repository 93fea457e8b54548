import type { Migration } from './migration';

/**
 * A smaller full-text index (src-main/core/db/search-index.ts fills it, services/search.ts reads
 * it). The project file, search index included, must stay smaller than the peer tool's file for
 * the same material; the stems and trigram tables of 0003 took four fifths of the index (the
 * trigrams alone 31 MB of 44 on the peer workload). Now:
 *
 * - `search_words` stays as it was: each word of a segment (or memo line), folded; rowids in runs
 *   per source (`search_sources`), contentless and without positions;
 * - `search_terms`: the vocabulary, each word once with its snowball stem. A word search looks up
 *   the words sharing its stem here, then those words in `search_words`, so no second index of
 *   stems is needed;
 * - `search_term_trigrams`: the vocabulary by trigrams, for substrings. A substring search finds
 *   the words containing (or ending or starting with) its pieces, then the rows with those words,
 *   and reads only those rows. A few thousand words, not 40 million characters, are indexed by
 *   trigram.
 *
 * The index is derived, so the old tables are dropped (with whatever development layouts they
 * had) and the index is built again when the project is next opened (`derived_state` forgets it).
 * Words of deleted sources stay in the vocabulary: harmless, as they lead to no rows.
 */
export const SEARCH_COMPACT_SCHEMA: readonly string[] = [
  `CREATE TABLE search_sources (
    id INTEGER PRIMARY KEY,
    rows INTEGER NOT NULL CHECK (rows > 0),
    revision_id TEXT UNIQUE REFERENCES revisions(id) ON DELETE CASCADE,
    memo_id TEXT UNIQUE REFERENCES memos(id) ON DELETE CASCADE,
    CHECK ((revision_id IS NULL) <> (memo_id IS NULL))
  ) STRICT`,
  `CREATE VIRTUAL TABLE search_words USING fts5(words, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 2')`,
  `CREATE TABLE search_terms (
    id INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE,
    stem TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX search_terms_stem ON search_terms (stem)`,
  `CREATE VIRTUAL TABLE search_term_trigrams USING fts5(term, content='search_terms', content_rowid='id', detail=none, tokenize='trigram')`,
  `CREATE TRIGGER search_terms_insert AFTER INSERT ON search_terms BEGIN
    INSERT INTO search_term_trigrams (rowid, term) VALUES (new.id, new.term);
  END`,
  `CREATE TRIGGER search_sources_delete AFTER DELETE ON search_sources BEGIN
    DELETE FROM search_words WHERE rowid BETWEEN old.id AND old.id + old.rows - 1;
  END`,
];

export const searchCompact: Migration = {
  version: 5,
  name: 'search_compact',
  up: [
    'DROP TRIGGER IF EXISTS search_sources_delete',
    'DROP VIEW IF EXISTS search_live',
    ...['search_words', 'search_stems', 'search_trigrams', 'search_rows', 'search_sources'].map((table) => `DROP TABLE IF EXISTS ${table}`),
    "DELETE FROM derived_state WHERE name = 'search'",
    ...SEARCH_COMPACT_SCHEMA,
  ],
};
