import type { Migration } from './migration';

/**
 * Imported files are kept (provenance, re-import, export), transcripts know their asides, and
 * revisions their length in words.
 *
 * `original_files` holds the bytes once per content (sha256) and is not logged: the change log
 * stores rows as JSON, and a blob there would be copied on every undo. `originals` is the logged
 * link from a document to its file, so undoing an import removes the link and redoing restores
 * it while the bytes stay put. `derived_state` records which version of a derived table's
 * builder made its rows, so an improved builder re-derives them on open.
 */
export const originals: Migration = {
  version: 2,
  name: 'originals',
  up: [
    `CREATE TABLE original_files (
      sha256 TEXT PRIMARY KEY NOT NULL,
      size INTEGER NOT NULL,
      data BLOB NOT NULL
    ) STRICT`,
    `CREATE TABLE originals (
      id TEXT PRIMARY KEY NOT NULL,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      file_name TEXT NOT NULL,
      format TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL REFERENCES original_files(sha256),
      options TEXT NOT NULL DEFAULT '{}',
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL REFERENCES members(id)
    ) STRICT`,
    'CREATE INDEX originals_by_document ON originals(document_id)',
    "ALTER TABLE segments ADD COLUMN asides TEXT NOT NULL DEFAULT '[]'",
    // Derived like segments: how much material a revision is, for codings per 10,000 words.
    `CREATE TABLE revision_stats (
      revision_id TEXT PRIMARY KEY NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
      words INTEGER NOT NULL
    ) STRICT`,
    `CREATE TABLE derived_state (
      name TEXT PRIMARY KEY NOT NULL,
      version INTEGER NOT NULL
    ) STRICT`,
  ],
};
