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
import { documentKey, documentKeyPrefix, documentKeyProblem, enterpriseCode } from '../../../src-shared/model/quote-ids';
import type { MutationContext } from '../context';
import type { CodingRow } from '../db/schema';
import { statement } from '../db/statements';
import { CaseFacts } from './case-facts';
import { toDate } from './map';
import { foldForSearch } from '../../../src-shared/text/normalize';

/** An enterprise's codes in document keys: the one made from its real name, and the one keys show. */
interface EnterpriseCodes {
  readonly real: string;
  readonly shown: string;
}

/**
 * Document keys as papers see them. A key's first part is its enterprise's code, and a code made
 * from the real name (KOL for Кольца) would give the enterprise away in every quote id, so once
 * the enterprise has a pseudonym its keys show the pseudonym's code (SHE for Шестерня): keys
 * made from then on are made from it, and a key made earlier keeps its stored form — what drafts
 * written before cite, and which still finds the passage — but is shown with the pseudonym's code.
 * Nothing stored changes when a pseudonym is registered, so ids stay put.
 */
export class QuoteKeys {
  private readonly facts: CaseFacts;
  /** Pseudonyms of enterprises, by enterprise case id and by folded real name. */
  private readonly byCase = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  private readonly documents = new Map<string, EnterpriseCodes | null>();
  /** By enterprise case: a project's thousands of documents come from a few dozen enterprises. */
  private readonly enterprises = new Map<string, EnterpriseCodes | null>();

  constructor(private readonly raw: BetterSqlite3.Database, facts?: CaseFacts) {
    this.facts = facts ?? new CaseFacts({ raw });
    const rows = statement(raw, "SELECT real_name, pseudonym, aliases, case_id FROM pseudonyms WHERE kind = 'enterprise'").all() as {
      real_name: string;
      pseudonym: string;
      aliases: string;
      case_id: string | null;
    }[];
    for (const r of rows) {
      if (r.case_id) this.byCase.set(r.case_id, r.pseudonym);
      for (const name of [r.real_name, ...(JSON.parse(r.aliases) as string[])]) this.byName.set(foldForSearch(name.trim()), r.pseudonym);
    }
  }

  private codesOf(enterpriseId: string, name: string): EnterpriseCodes | null {
    const real = enterpriseCode(name, this.facts.code(enterpriseId));
    if (real === null) return null;
    const pseudonym = this.byCase.get(enterpriseId) ?? this.byName.get(foldForSearch(name.trim()));
    return { real, shown: (pseudonym === undefined ? null : enterpriseCode(pseudonym)) ?? real };
  }

  private enterpriseCodes(enterpriseId: string, name: string): EnterpriseCodes | null {
    let codes = this.enterprises.get(enterpriseId);
    if (codes === undefined) this.enterprises.set(enterpriseId, (codes = this.codesOf(enterpriseId, name)));
    return codes;
  }

  /** The codes of a document's enterprise, or null when it has none. */
  codes(documentId: string): EnterpriseCodes | null {
    let codes = this.documents.get(documentId);
    if (codes === undefined) {
      const enterprise = this.facts.documentEnterprise(documentId);
      codes = enterprise ? this.enterpriseCodes(enterprise.id, enterprise.name) : null;
      this.documents.set(documentId, codes);
    }
    return codes;
  }

  /** A document's key as quote ids show it. */
  shown(documentId: string, stored: string): string {
    const codes = this.codes(documentId);
    return codes && codes.real !== codes.shown && stored.startsWith(`${codes.real}-`) ? `${codes.shown}${stored.slice(codes.real.length)}` : stored;
  }

  /** The stored keys a key someone typed may stand for: itself, and the real-name keys shown as it. */
  storedFor(key: string): string[] {
    const found = new Set([key]);
    const first = key.split('-')[0]!.toUpperCase();
    for (const c of this.facts.enterprises()) {
      const codes = this.codesOf(c.id, c.name);
      if (codes && codes.shown !== codes.real && codes.shown === first) found.add(`${codes.real}${key.slice(first.length)}`);
    }
    return [...found];
  }
}

/** A new key for a document from its enterprise (its pseudonym when it has one), kind and date: `SHE-INT-1993-06-014`. */
function newDocumentKey(raw: BetterSqlite3.Database, keys: QuoteKeys, documentId: string): string {
  const row = statement(raw, 'SELECT kind, date_start, date_end, date_precision FROM documents WHERE id = ?').get(documentId) as {
    kind: DocumentKind;
    date_start: string | null;
    date_end: string | null;
    date_precision: string | null;
  };
  const codes = keys.codes(documentId);
  const prefix = documentKeyPrefix(codes?.shown ?? null, row.kind, toDate(row));
  // Keys made from the real name before the pseudonym are shown with this prefix too: their numbers are taken.
  const prefixes = codes && codes.real !== codes.shown ? [prefix, documentKeyPrefix(codes.real, row.kind, toDate(row))] : [prefix];
  const used = prefixes.flatMap((p) =>
    (statement(raw, "SELECT quote_key FROM documents WHERE quote_key LIKE ? || '-%'").pluck().all(p) as string[])
      .map((k) => k.slice(p.length + 1))
      .filter((rest) => /^\d+$/.test(rest))
      .map(Number),
  );
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
    const keys = new QuoteKeys(raw);
    const set = raw.prepare('UPDATE documents SET quote_key = ? WHERE id = ?');
    for (const id of missing) set.run(newDocumentKey(raw, keys, id), id);
  }).immediate();
  return missing.length;
}

/** Hands out quote numbers for one operation's new codings, giving documents their keys on the way. */
export class QuoteNumbers {
  private readonly next = new Map<string, number>();
  private keys: QuoteKeys | null = null;

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
        this.keys ??= new QuoteKeys(this.ctx.raw);
        this.ctx.write.update('documents', documentId, { quote_key: newDocumentKey(this.ctx.raw, this.keys, documentId) });
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
