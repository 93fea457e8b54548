import type { Migration } from './migration';

/**
 * The quote bank: which excerpts (by one of their codings) a draft uses, so a team sees where a
 * quote already appears before using it again. No foreign key to codings: removing a coding must
 * not be blocked by a draft, whose list then leaves the quote out. Logged, so marking is undoable.
 */
export const quoteBank: Migration = {
  version: 8,
  name: 'quote_bank',
  up: [
    `CREATE TABLE quote_uses (
      id TEXT PRIMARY KEY NOT NULL,
      draft TEXT NOT NULL,
      coding_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES members(id)
    ) STRICT`,
    `CREATE INDEX quote_uses_draft ON quote_uses(draft COLLATE NOCASE)`,
    `CREATE INDEX quote_uses_coding ON quote_uses(coding_id)`,
  ],
};
