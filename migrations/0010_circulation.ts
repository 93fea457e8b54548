import type { Migration } from './migration';

/**
 * Circulation between regional teams: what each member has read of the documents and excerpts
 * (codings) other teams add. A member's `all` mark is a watermark (everything added up to its
 * `read_at` is read); `document` and `coding` marks are single items read after it; a
 * `document-codings` mark reads every coding of one document added up to its `read_at`. So marking
 * everything read is one row, however many codings there are, and "unread" is what no mark covers.
 * Logged like other tables, but personal: the operations that write it are not undoable.
 * Also an index of the change log by time, for meeting agendas ("new since the last meeting").
 */
export const circulation: Migration = {
  version: 10,
  name: 'circulation',
  up: [
    `CREATE TABLE read_marks (
      id TEXT PRIMARY KEY NOT NULL,
      member_id TEXT NOT NULL REFERENCES members(id),
      kind TEXT NOT NULL CHECK (kind IN ('all', 'document', 'coding', 'document-codings')),
      -- '' for the member's \`all\` mark
      target_id TEXT NOT NULL,
      read_at TEXT NOT NULL,
      UNIQUE (member_id, kind, target_id)
    ) STRICT`,
    // The unread codings after a member's watermark are a range of this index, not the whole table.
    `CREATE INDEX codings_created ON codings(created_at)`,
    `CREATE INDEX documents_created ON documents(created_at)`,
    // Where the change log of the last week begins (an agenda's "new since the last meeting").
    `CREATE INDEX operations_at ON operations(at)`,
  ],
};
