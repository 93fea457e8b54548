import type { Migration } from './migration';

/**
 * Decisions on disagreements between two coders (the Adjudicate view, `disagreements.resolve`).
 * Accepting one side or neither changes the codings, so the disagreement disappears by itself;
 * "both" and "note" leave the codings as they are, so the decision is what takes the disagreement
 * off the queue. `item_key` names the codings as they were decided (id, code, extent): once either
 * changes, the disagreement is a new one. Every decision is kept, as the record of who decided
 * what. Logged, so a decision is undone with the rest of its operation and travels with a merge.
 */
export const adjudications: Migration = {
  version: 12,
  name: 'adjudications',
  up: [
    `CREATE TABLE adjudications (
      id TEXT PRIMARY KEY NOT NULL,
      item_key TEXT NOT NULL,
      coder_a TEXT NOT NULL REFERENCES members(id),
      coder_b TEXT NOT NULL REFERENCES members(id),
      document_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      decision TEXT NOT NULL,
      note TEXT,
      decided_by TEXT NOT NULL REFERENCES members(id),
      decided_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX adjudications_item ON adjudications(item_key)`,
  ],
};
