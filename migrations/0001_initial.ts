import type { Migration } from './migration';

/**
 * The first schema: documents with immutable revisions, cases, the codebook, codings, memos and
 * the change log. Ids are UUID v7 text; offsets are UTF-16 code units; booleans are 0/1.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: [
    `CREATE TABLE project_settings (
      id TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE members (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      initials TEXT NOT NULL,
      color TEXT NOT NULL,
      team TEXT,
      region TEXT,
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE documents (
      id TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      language TEXT NOT NULL,
      date_start TEXT,
      date_end TEXT,
      date_precision TEXT,
      interviewer_ids TEXT NOT NULL DEFAULT '[]',
      source_file_name TEXT,
      current_revision_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES members(id),
      updated_at TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE revisions (
      id TEXT PRIMARY KEY NOT NULL,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      number INTEGER NOT NULL,
      length INTEGER NOT NULL,
      note TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES members(id),
      -- last, so reading the other columns does not walk through the text
      text TEXT NOT NULL,
      UNIQUE (document_id, number)
    ) STRICT`,
    // Derived from a revision's text, so rebuilt rather than logged (see db/derived.ts).
    `CREATE TABLE segments (
      revision_id TEXT NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
      ord INTEGER NOT NULL,
      start_offset INTEGER NOT NULL,
      end_offset INTEGER NOT NULL,
      kind TEXT NOT NULL,
      speaker TEXT,
      timestamp TEXT,
      PRIMARY KEY (revision_id, ord)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TABLE case_types (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      parent_id TEXT REFERENCES case_types(id),
      ord REAL NOT NULL
    ) STRICT`,
    `CREATE TABLE cases (
      id TEXT PRIMARY KEY NOT NULL,
      type_id TEXT NOT NULL REFERENCES case_types(id),
      parent_id TEXT REFERENCES cases(id),
      name TEXT NOT NULL,
      aliases TEXT NOT NULL DEFAULT '[]',
      description TEXT NOT NULL DEFAULT '',
      ord REAL NOT NULL
    ) STRICT`,
    `CREATE INDEX cases_parent ON cases(parent_id)`,
    `CREATE TABLE attributes (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      target TEXT NOT NULL CHECK (target IN ('case', 'document')),
      case_type_id TEXT REFERENCES case_types(id),
      value_type TEXT NOT NULL,
      choices TEXT,
      ord REAL NOT NULL
    ) STRICT`,
    `CREATE TABLE attribute_values (
      id TEXT PRIMARY KEY NOT NULL,
      attribute_id TEXT NOT NULL REFERENCES attributes(id),
      entity_id TEXT NOT NULL,
      value TEXT NOT NULL,
      UNIQUE (attribute_id, entity_id)
    ) STRICT`,
    `CREATE INDEX attribute_values_entity ON attribute_values(entity_id)`,
    `CREATE TABLE document_cases (
      id TEXT PRIMARY KEY NOT NULL,
      document_id TEXT NOT NULL REFERENCES documents(id),
      case_id TEXT NOT NULL REFERENCES cases(id),
      UNIQUE (document_id, case_id)
    ) STRICT`,
    `CREATE INDEX document_cases_case ON document_cases(case_id)`,
    `CREATE TABLE speaker_links (
      id TEXT PRIMARY KEY NOT NULL,
      document_id TEXT NOT NULL REFERENCES documents(id),
      speaker TEXT NOT NULL,
      case_id TEXT NOT NULL REFERENCES cases(id),
      UNIQUE (document_id, speaker)
    ) STRICT`,
    `CREATE TABLE codes (
      id TEXT PRIMARY KEY NOT NULL,
      parent_id TEXT REFERENCES codes(id),
      name TEXT NOT NULL,
      color TEXT NOT NULL,
      definition TEXT NOT NULL DEFAULT '',
      inclusion TEXT NOT NULL DEFAULT '',
      exclusion TEXT NOT NULL DEFAULT '',
      example TEXT NOT NULL DEFAULT '',
      ord REAL NOT NULL,
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES members(id)
    ) STRICT`,
    `CREATE INDEX codes_parent ON codes(parent_id, ord)`,
    `CREATE TABLE codings (
      id TEXT PRIMARY KEY NOT NULL,
      document_id TEXT NOT NULL REFERENCES documents(id),
      revision_id TEXT NOT NULL REFERENCES revisions(id),
      code_id TEXT NOT NULL REFERENCES codes(id),
      start_offset INTEGER NOT NULL,
      end_offset INTEGER NOT NULL,
      -- The words a coding flagged after an edit was made on; null while the current revision
      -- holds them at (start, end). Context is read from the revision, never stored.
      quote TEXT,
      coder_id TEXT NOT NULL REFERENCES members(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('ok', 'needs_review')),
      comment TEXT,
      CHECK (start_offset <= end_offset)
    ) STRICT`,
    `CREATE INDEX codings_code ON codings(code_id, document_id)`,
    `CREATE INDEX codings_document ON codings(document_id, start_offset, end_offset, status)`,
    `CREATE INDEX codings_coder ON codings(coder_id)`,
    `CREATE TABLE memos (
      id TEXT PRIMARY KEY NOT NULL,
      target_type TEXT NOT NULL,
      target_id TEXT,
      title TEXT NOT NULL,
      content TEXT,
      text TEXT NOT NULL,
      author_id TEXT NOT NULL REFERENCES members(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    `CREATE INDEX memos_target ON memos(target_type, target_id)`,
    // The change log: one operation per user action, its row changes as before/after images.
    `CREATE TABLE operations (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      actor_id TEXT NOT NULL,
      at TEXT NOT NULL,
      method TEXT NOT NULL,
      input TEXT NOT NULL,
      summary TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
      state TEXT NOT NULL CHECK (state IN ('done', 'undone')),
      -- 1 once the operation can no longer be undone or redone (creation, or a new branch of work)
      final INTEGER NOT NULL DEFAULT 0 CHECK (final IN (0, 1)),
      target_seq INTEGER,
      undone_by INTEGER
    ) STRICT`,
    `CREATE INDEX operations_state ON operations(final, state, seq)`,
    `CREATE INDEX operations_actor ON operations(actor_id, at)`,
    `CREATE TABLE changes (
      op_seq INTEGER NOT NULL REFERENCES operations(seq),
      ord INTEGER NOT NULL,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('insert', 'update', 'delete')),
      -- update: the changed columns before and after; delete: the whole row before; insert: nothing
      before TEXT,
      after TEXT,
      PRIMARY KEY (op_seq, ord)
    ) STRICT, WITHOUT ROWID`,
    `CREATE INDEX changes_row ON changes(tbl, row_id)`,
  ],
};
