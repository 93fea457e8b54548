import type { Migration } from './migration';

/**
 * The pseudonym registry: real names of people, enterprises and places with the pseudonym each
 * appears under in papers and exports, variant spellings as a JSON array of aliases, and the case
 * an entry stands for. Logged, so adding, editing and removing an entry can be undone.
 *
 * `case_id` has no foreign key on purpose: deleting a case must not be blocked by (or silently
 * rewrite) a registry entry; an entry whose case is gone simply shows no case.
 */
export const pseudonyms: Migration = {
  version: 6,
  name: 'pseudonyms',
  up: [
    `CREATE TABLE pseudonyms (
      id TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('person', 'enterprise', 'place')),
      real_name TEXT NOT NULL,
      pseudonym TEXT NOT NULL,
      aliases TEXT NOT NULL DEFAULT '[]',
      case_id TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES members(id),
      updated_at TEXT NOT NULL
    ) STRICT`,
  ],
};
