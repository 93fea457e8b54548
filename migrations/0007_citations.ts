import type { Migration } from './migration';

/**
 * Citations for papers (issue 8): editable citation templates, stable quote ids and excerpt
 * translations.
 * - `documents.quote_key`: the document part of quote ids (`REM-INT-1993-06-014`), assigned once
 *   (when the document is first coded; documents coded before this step get theirs when the
 *   project is opened) and editable; unique.
 * - `documents.last_quote`: the highest quote number a deleted coding of the document had, so
 *   numbers are never given again after a deletion.
 * - `codings.quote_no`: the coding's number within its document (`:q3`), numbered here for existing
 *   codings in text order.
 * All three tables are logged, so templates, keys and translations can be undone.
 */
export const citations: Migration = {
  version: 7,
  name: 'citations',
  up: [
    `ALTER TABLE documents ADD COLUMN quote_key TEXT`,
    `ALTER TABLE documents ADD COLUMN last_quote INTEGER NOT NULL DEFAULT 0`,
    `CREATE UNIQUE INDEX documents_quote_key ON documents(quote_key) WHERE quote_key IS NOT NULL`,
    `ALTER TABLE codings ADD COLUMN quote_no INTEGER NOT NULL DEFAULT 0`,
    `UPDATE codings SET quote_no = numbered.n
       FROM (SELECT id, row_number() OVER (PARTITION BY document_id ORDER BY start_offset, end_offset, created_at, id) AS n FROM codings) AS numbered
      WHERE numbered.id = codings.id`,
    `CREATE UNIQUE INDEX codings_quote_no ON codings(document_id, quote_no)`,
    `CREATE TABLE citation_templates (
      id TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('en', 'ru')),
      template TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL REFERENCES members(id),
      UNIQUE (kind, language)
    ) STRICT`,
    `CREATE TABLE excerpt_translations (
      id TEXT PRIMARY KEY NOT NULL,
      coding_id TEXT NOT NULL REFERENCES codings(id),
      language TEXT NOT NULL,
      text TEXT NOT NULL,
      translator TEXT,
      translated_on TEXT,
      status TEXT NOT NULL CHECK (status IN ('draft', 'checked', 'final')),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES members(id),
      updated_at TEXT NOT NULL,
      UNIQUE (coding_id, language)
    ) STRICT`,
  ],
};
