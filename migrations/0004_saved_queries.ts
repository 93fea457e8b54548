import type { Migration } from './migration';

/**
 * Saved retrieval queries (the Excerpts view, `quire retrieve`): a name and the query as JSON, so
 * a team can re-run "Paternalism and conflict, informants only" before every meeting. Logged, so
 * saving and deleting one can be undone and travels with a merge.
 */
export const savedQueries: Migration = {
  version: 4,
  name: 'saved_queries',
  up: [
    `CREATE TABLE saved_queries (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      query TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES members(id),
      updated_at TEXT NOT NULL
    ) STRICT`,
  ],
};
