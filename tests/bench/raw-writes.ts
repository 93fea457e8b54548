/**
 * The raw baselines of the writing operations: the same rows the core writes, with the same
 * change-log rows (an operation and a before/after image per row), by hand-written SQL in one
 * transaction. The ratio then shows what validation, the host's queue and the writer add.
 */
import { randomUUID } from 'node:crypto';
import { RawConnection } from './raw';

type Row = Record<string, unknown>;

/** Logged like the core's operations, but marked final so history.undo never picks them. */
const RAW_METHOD = 'bench.raw';

export class RawWrites extends RawConnection {
  private logged<T>(summary: string, body: (seq: number) => T): T {
    return this.db.transaction(() => {
      const seq = Number(
        this.sql(
          "INSERT INTO operations (id, actor_id, at, method, input, summary, kind, state, final) VALUES (?, ?, ?, ?, '{}', ?, 'do', 'done', 1)",
        ).run(randomUUID(), this.actorId, new Date().toISOString(), RAW_METHOD, summary).lastInsertRowid,
      );
      return body(seq);
    }).immediate();
  }

  /** The change log's record of a write, in the core's format: inserts carry no image, deletes the whole row. */
  private change(seq: number, ord: number, table: string, id: string, deleted: Row | null): void {
    this.sql('INSERT INTO changes (op_seq, ord, tbl, row_id, kind, before, after) VALUES (?, ?, ?, ?, ?, ?, NULL)').run(
      seq,
      ord,
      table,
      id,
      deleted === null ? 'insert' : 'delete',
      deleted === null ? null : JSON.stringify(deleted),
    );
  }

  /** Codes a passage: checks it lies within the text, skips a duplicate, logs the row. */
  applyCoding(documentId: string, codeId: string, start: number, end: number): string {
    return this.logged('raw apply', (seq) => {
      const doc = this.sql('SELECT r.id, r.length FROM documents d JOIN revisions r ON r.id = d.current_revision_id WHERE d.id = ?').get(documentId) as { id: string; length: number };
      if (end > doc.length) throw new Error('raw: passage outside the text');
      const code = this.sql('SELECT archived FROM codes WHERE id = ?').get(codeId) as { archived: number } | undefined;
      if (!code || code.archived === 1) throw new Error('raw: cannot code with this code');
      const same = this.sql('SELECT id FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ?')
        .pluck()
        .get(documentId, codeId, this.actorId, start, end) as string | undefined;
      if (same) return same;
      const at = new Date().toISOString();
      const row = {
        id: randomUUID(),
        document_id: documentId,
        revision_id: doc.id,
        code_id: codeId,
        start_offset: start,
        end_offset: end,
        quote: null,
        coder_id: this.actorId,
        created_at: at,
        updated_at: at,
        status: 'ok',
        comment: null,
        // The next quote number, as the service gives it (the floor of deleted numbers left out of this baseline).
        quote_no: (this.sql('SELECT coalesce(max(quote_no), 0) + 1 FROM codings WHERE document_id = ?').pluck().get(documentId) as number),
      };
      this.sql(
        `INSERT INTO codings (id, document_id, revision_id, code_id, start_offset, end_offset, quote, coder_id, created_at, updated_at, status, comment, quote_no)
         VALUES (@id, @document_id, @revision_id, @code_id, @start_offset, @end_offset, @quote, @coder_id, @created_at, @updated_at, @status, @comment, @quote_no)`,
      ).run(row);
      this.change(seq, 0, 'codings', row.id, null);
      return row.id;
    });
  }

  removeCoding(id: string): void {
    this.logged('raw remove', (seq) => {
      const before = this.sql('SELECT * FROM codings WHERE id = ?').get(id) as Row | undefined;
      if (!before) throw new Error(`raw: no coding ${id}`);
      this.sql('DELETE FROM codings WHERE id = ?').run(id);
      this.change(seq, 0, 'codings', id, before);
    });
  }

  /** Adds a document: canonical text, its revision, its paragraphs, all logged. */
  importDocument(title: string, rawText: string): string {
    const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC').replace(/[ \t]+$/gm, '').trim();
    return this.logged('raw import', (seq) => {
      const at = new Date().toISOString();
      const document = {
        id: randomUUID(),
        kind: 'other',
        title,
        language: 'ru',
        date_start: null,
        date_end: null,
        date_precision: null,
        interviewer_ids: '[]',
        source_file_name: null,
        current_revision_id: randomUUID(),
        created_at: at,
        created_by: this.actorId,
        updated_at: at,
      };
      const revision = { id: document.current_revision_id, document_id: document.id, number: 1, text, length: text.length, note: null, created_at: at, created_by: this.actorId };
      this.sql(
        `INSERT INTO documents (id, kind, title, language, date_start, date_end, date_precision, interviewer_ids, source_file_name, current_revision_id, created_at, created_by, updated_at)
         VALUES (@id, @kind, @title, @language, @date_start, @date_end, @date_precision, @interviewer_ids, @source_file_name, @current_revision_id, @created_at, @created_by, @updated_at)`,
      ).run(document);
      this.sql('INSERT INTO revisions (id, document_id, number, text, length, note, created_at, created_by) VALUES (@id, @document_id, @number, @text, @length, @note, @created_at, @created_by)').run(revision);
      const segment = this.sql("INSERT INTO segments (revision_id, ord, start_offset, end_offset, kind) VALUES (?, ?, ?, ?, 'paragraph')");
      let ord = 0;
      for (let start = 0; start <= text.length; ) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        if (end > start) segment.run(revision.id, ord++, start, end);
        start = end + 1;
      }
      this.change(seq, 0, 'documents', document.id, null);
      this.change(seq, 1, 'revisions', revision.id, null);
      return document.id;
    });
  }

  /** Cleans up after importDocument (untimed). */
  deleteDocument(id: string): void {
    this.db.transaction(() => {
      const revisions = this.sql('SELECT id FROM revisions WHERE document_id = ?').pluck().all(id) as string[];
      this.sql('DELETE FROM documents WHERE id = ?').run(id);
      // Revisions go with the document (ON DELETE CASCADE), segments with the revisions.
      return revisions.length;
    })();
  }
}
