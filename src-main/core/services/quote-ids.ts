/**
 * Quote ids in the project: document keys assigned once (when a document is first coded), quote
 * numbers assigned once per coding and never given again after a deletion. Numbers are assigned
 * here, in the service, so they are part of the logged insert and undo/redo bring back the same id.
 * A coding whose creation is undone never existed: its number may go to the next new coding, which
 * is safe because a new operation ends the redo stack.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { QuireError } from '../../../src-shared/contract/errors';
import type { DocumentKind } from '../../../src-shared/model/entities';
import { documentKey, documentKeyPrefix, documentKeyProblem, enterpriseCode, quoteId } from '../../../src-shared/model/quote-ids';
import type { MutationContext } from '../context';
import type { CodingRow } from '../db/schema';
import { statement } from '../db/statements';
import { CaseFacts } from './case-facts';
import { toDate } from './map';

/** A new key for a document from its enterprise, kind and date: `REM-INT-1993-06-014`. */
function newDocumentKey(raw: BetterSqlite3.Database, facts: CaseFacts, documentId: string): string {
  const row = statement(raw, 'SELECT kind, date_start, date_end, date_precision FROM documents WHERE id = ?').get(documentId) as {
    kind: DocumentKind;
    date_start: string | null;
    date_end: string | null;
    date_precision: string | null;
  };
  const enterprise = facts.documentEnterprise(documentId);
  const prefix = documentKeyPrefix(enterprise ? enterpriseCode(enterprise.name, facts.code(enterprise.id)) : null, row.kind, toDate(row));
  const taken = statement(raw, "SELECT quote_key FROM documents WHERE quote_key LIKE ? || '-%'").pluck().all(prefix) as string[];
  const used = taken.map((k) => k.slice(prefix.length + 1)).filter((rest) => /^\d+$/.test(rest)).map(Number);
  return documentKey(prefix, Math.max(0, ...used) + 1);
}

/**
 * Gives keys to documents coded before quote ids existed (the backfill of migration 7, which needs
 * the enterprise and date rules here). Runs when a project is opened; outside the change log, as
 * the migration itself is. Returns how many documents got one.
 */
export function assignMissingDocumentKeys(raw: BetterSqlite3.Database): number {
  const missing = raw.prepare('SELECT id FROM documents WHERE quote_key IS NULL AND EXISTS (SELECT 1 FROM codings WHERE codings.document_id = documents.id) ORDER BY created_at, id').pluck().all() as string[];
  if (missing.length === 0) return 0;
  raw.transaction(() => {
    const facts = new CaseFacts({ raw });
    const set = raw.prepare('UPDATE documents SET quote_key = ? WHERE id = ?');
    for (const id of missing) set.run(newDocumentKey(raw, facts, id), id);
  }).immediate();
  return missing.length;
}

/** Hands out quote numbers for one operation's new codings, giving documents their keys on the way. */
export class QuoteNumbers {
  private readonly next = new Map<string, number>();
  private facts: CaseFacts | null = null;

  constructor(private readonly ctx: MutationContext) {}

  /** The number for a new coding of a document. */
  take(documentId: string): number {
    let n = this.next.get(documentId);
    if (n === undefined) {
      const row = statement(this.ctx.raw, 'SELECT quote_key, last_quote, (SELECT max(quote_no) FROM codings WHERE document_id = documents.id) AS top FROM documents WHERE id = ?').get(documentId) as {
        quote_key: string | null;
        last_quote: number;
        top: number | null;
      };
      if (row.quote_key === null) {
        this.facts ??= new CaseFacts(this.ctx);
        this.ctx.write.update('documents', documentId, { quote_key: newDocumentKey(this.ctx.raw, this.facts, documentId) });
      }
      n = Math.max(row.last_quote, row.top ?? 0) + 1;
    }
    this.next.set(documentId, n + 1);
    return n;
  }
}

/**
 * Deletes a coding with what hangs on it (its translations), remembering its quote number so it
 * is never given again. The one way codings are deleted.
 */
export function deleteCoding(ctx: MutationContext, id: string): CodingRow {
  for (const translation of statement(ctx.raw, 'SELECT id FROM excerpt_translations WHERE coding_id = ?').pluck().all(id) as string[]) {
    ctx.write.delete('excerpt_translations', translation);
  }
  const coding = ctx.write.delete('codings', id);
  // Only the highest number needs remembering: lower ones stay below the numbers still in use.
  const { top, last } = statement(ctx.raw, 'SELECT (SELECT max(quote_no) FROM codings WHERE document_id = ?) AS top, last_quote AS last FROM documents WHERE id = ?').get(
    coding.document_id,
    coding.document_id,
  ) as { top: number | null; last: number };
  if (coding.quote_no > (top ?? 0) && coding.quote_no > last) ctx.write.update('documents', coding.document_id, { last_quote: coding.quote_no });
  return coding;
}

/** Checks a key someone typed for a document: well formed and not another document's. */
export function checkDocumentKey(ctx: MutationContext, documentId: string, key: string): void {
  const problem = documentKeyProblem(key);
  if (problem) throw new QuireError('invalid_input', problem, { key });
  const other = statement(ctx.raw, 'SELECT title FROM documents WHERE quote_key = ? AND id <> ?').pluck().get(key, documentId) as string | undefined;
  if (other !== undefined) throw new QuireError('conflict', `The document key "${key}" is already the key of "${other}": choose another.`, { key });
}

/** Quote ids of codings, by coding id (codings of documents without a key yet are left out). */
export function quoteIdsOf(raw: BetterSqlite3.Database, codingIds: readonly string[]): Map<string, string> {
  // One query for the lot: an export asks for a thousand codings at a time.
  const rows = statement(raw, 'SELECT c.id, d.quote_key, c.quote_no FROM codings c JOIN documents d ON d.id = c.document_id WHERE c.id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify([...new Set(codingIds)])) as [string, string | null, number][];
  const ids = new Map<string, string>();
  for (const [id, key, n] of rows) if (key) ids.set(id, quoteId(key, n));
  return ids;
}
