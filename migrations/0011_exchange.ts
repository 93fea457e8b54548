import type { Migration } from './migration';

/**
 * Exchanging work between team members' copies of a project.
 * - `exchange_identity` (not logged): which project this is and which copy of it, so a bundle from
 *   another study is refused and colleagues' copies can be told apart. A project split before this
 *   step is named by its first operation, which every copy of it shares.
 * - `exchange_peers` (not logged): what each colleague's copy is known to hold, so a bundle can carry
 *   only what is new to them.
 * - `exchange_ops`, `exchange_changes` (logged, written by a merge): the colleagues' operations this
 *   copy has taken in, by their own ids and times, so merging the same work twice changes nothing,
 *   and later merges compare field by field with the times the edits were really made.
 * - `merge_conflicts` (logged): what a merge had to decide, kept for review — nothing is dropped.
 */
export const exchange: Migration = {
  version: 11,
  name: 'exchange',
  up: [
    `CREATE TABLE exchange_identity (
      id TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL
    ) STRICT`,
    `INSERT INTO exchange_identity (id, value)
      VALUES ('project', COALESCE((SELECT id FROM operations ORDER BY seq LIMIT 1), lower(hex(randomblob(16))))),
             ('replica', lower(hex(randomblob(16))))`,
    `CREATE TABLE exchange_peers (
      replica_id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      -- every operation of this copy up to here was known to the peer at its last bundle
      known_seq INTEGER NOT NULL DEFAULT 0,
      received_at TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE exchange_ops (
      id TEXT PRIMARY KEY NOT NULL,
      at TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      method TEXT NOT NULL,
      summary TEXT NOT NULL,
      input TEXT NOT NULL,
      replica_id TEXT NOT NULL,
      merged_in TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX exchange_ops_merge ON exchange_ops(merged_in)`,
    `CREATE TABLE exchange_changes (
      id TEXT PRIMARY KEY NOT NULL,
      op_id TEXT NOT NULL,
      ord INTEGER NOT NULL,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('insert', 'update', 'delete')),
      -- insert: the whole row as created; update: the changed columns after; delete: nothing
      image TEXT
    ) STRICT`,
    `CREATE INDEX exchange_changes_row ON exchange_changes(tbl, row_id)`,
    `CREATE INDEX exchange_changes_op ON exchange_changes(op_id, ord)`,
    `CREATE TABLE merge_conflicts (
      id TEXT PRIMARY KEY NOT NULL,
      merge_op_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT,
      kept TEXT,
      other TEXT,
      other_op_id TEXT,
      status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
      resolution TEXT,
      created_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX merge_conflicts_status ON merge_conflicts(status, created_at)`,
  ],
};
