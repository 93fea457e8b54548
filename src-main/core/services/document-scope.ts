/**
 * Which documents an analysis looks at: the filters of a retrieval or co-occurrence query turned
 * into a set of documents, in reading order. Cases and attribute values resolve as in
 * `reports.matrix` (a document counts for the cases it is linked to and every case they sit in).
 */
import { QuireError } from '../../../src-shared/contract/errors';
import type { FuzzyDate } from '../../../src-shared/model/dates';
import type { DocumentKind } from '../../../src-shared/model/entities';
import type { AttributeValue } from '../../../src-shared/model/entities';
import type { ReadContext } from '../context';
import { asKind, toDate } from './map';
import { columnsByDocument } from './reports';

export interface ScopeFilters {
  readonly attributes: readonly { readonly attributeId: string; readonly values: readonly AttributeValue[] }[];
  readonly caseIds: readonly string[];
  readonly kinds: readonly DocumentKind[];
  readonly documentLanguages: readonly string[];
  readonly from: FuzzyDate | null;
  readonly to: FuzzyDate | null;
  readonly coderIds: readonly string[];
}

export interface DocumentMeta {
  readonly id: string;
  /** SQLite's rowid of the document, for queries that join by integers. */
  readonly rowid: number;
  readonly title: string;
  readonly kind: DocumentKind;
  readonly language: string;
  readonly date: FuzzyDate | null;
  readonly revisionId: string;
  /** The document's key in quote ids as stored (`REM-INT-1993-06-014`); null until it is first coded. */
  readonly quoteKey: string | null;
  readonly interviewerIds: readonly string[];
  /** Place in reading order: by date (undated last), then title. */
  readonly order: number;
}

export interface Scope {
  /** The documents that pass the filters, by id. */
  readonly documents: ReadonlyMap<string, DocumentMeta>;
  /** The same, by rowid. */
  readonly byRowid: ReadonlyMap<number, DocumentMeta>;
  /** Only these coders' codings count; null: everyone's. */
  readonly coderIds: ReadonlySet<string> | null;
}

interface DocumentLine {
  id: string;
  rowid: number;
  title: string;
  kind: string;
  language: string;
  date_start: string | null;
  date_end: string | null;
  date_precision: string | null;
  current_revision_id: string;
  quote_key: string | null;
  interviewer_ids: string;
}

/** Documents counting for any of the wanted column labels of a matrix grouping (case type or attribute name). */
function documentsFor(ctx: ReadContext, by: string, wanted: (column: { key: string; label: string }) => boolean): Set<string> {
  const { columns, of } = columnsByDocument(ctx, by);
  const hits = new Set(columns.flatMap((c, i) => (wanted(c) ? [i] : [])));
  const out = new Set<string>();
  for (const [documentId, indexes] of of) if (indexes.some((i) => hits.has(i))) out.add(documentId);
  return out;
}

function byCases(ctx: ReadContext, caseIds: readonly string[]): Set<string> {
  const placeholders = caseIds.map(() => '?').join(',');
  const rows = ctx.raw
    .prepare(`SELECT c.id, t.name AS type FROM cases c JOIN case_types t ON t.id = c.type_id WHERE c.id IN (${placeholders})`)
    .all(...caseIds) as { id: string; type: string }[];
  if (rows.length !== new Set(caseIds).size) throw new QuireError('not_found', 'One of the cases to filter by is not in this project (it may have been deleted).', { caseIds });
  const out = new Set<string>();
  const byType = new Map<string, Set<string>>();
  for (const r of rows) byType.set(r.type, (byType.get(r.type) ?? new Set()).add(r.id));
  for (const [type, ids] of byType) for (const d of documentsFor(ctx, type, (c) => ids.has(c.key))) out.add(d);
  return out;
}

function byAttribute(ctx: ReadContext, attributeId: string, values: readonly AttributeValue[]): Set<string> {
  const attribute = ctx.raw.prepare('SELECT name FROM attributes WHERE id = ?').get(attributeId) as { name: string } | undefined;
  if (!attribute) throw new QuireError('not_found', 'The attribute to filter by is not in this project (it may have been deleted).', { attributeId });
  const wanted = new Set(values.map(String));
  return documentsFor(ctx, attribute.name, (c) => wanted.has(c.label));
}

const titles = new Intl.Collator('ru', { numeric: true });

const intersect = (a: Set<string> | null, b: Set<string>): Set<string> => (a === null ? b : new Set([...a].filter((x) => b.has(x))));

/** The documents (and coders) a query looks at. */
export function documentScope(ctx: ReadContext, filters: ScopeFilters): Scope {
  let allowed: Set<string> | null = null;
  if (filters.caseIds.length > 0) allowed = byCases(ctx, filters.caseIds);
  for (const a of filters.attributes) allowed = intersect(allowed, byAttribute(ctx, a.attributeId, a.values));

  const where: string[] = [];
  const params: string[] = [];
  if (filters.kinds.length > 0) {
    where.push(`kind IN (${filters.kinds.map(() => '?').join(',')})`);
    params.push(...filters.kinds);
  }
  if (filters.documentLanguages.length > 0) {
    where.push(`language IN (${filters.documentLanguages.map(() => '?').join(',')})`);
    params.push(...filters.documentLanguages);
  }
  if (filters.from) {
    where.push('date_end >= ?');
    params.push(filters.from.start);
  }
  if (filters.to) {
    where.push('date_start <= ?');
    params.push(filters.to.end);
  }
  const rows = ctx.raw
    .prepare(
      `SELECT id, rowid, title, kind, language, date_start, date_end, date_precision, current_revision_id, quote_key, interviewer_ids FROM documents ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
    )
    .all(...params) as DocumentLine[];
  const kept = allowed === null ? rows : rows.filter((r) => allowed.has(r.id));
  const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  kept.sort(
    (a, b) =>
      (a.date_start === null ? 1 : 0) - (b.date_start === null ? 1 : 0) ||
      byString(a.date_start ?? '', b.date_start ?? '') ||
      titles.compare(a.title, b.title) ||
      byString(a.id, b.id),
  );
  const documents = new Map<string, DocumentMeta>();
  const byRowid = new Map<number, DocumentMeta>();
  kept.forEach((r, order) => {
    const meta: DocumentMeta = {
      id: r.id,
      rowid: r.rowid,
      title: r.title,
      kind: asKind(r.kind),
      language: r.language,
      date: toDate(r),
      revisionId: r.current_revision_id,
      quoteKey: r.quote_key,
      interviewerIds: r.interviewer_ids === '[]' ? [] : (JSON.parse(r.interviewer_ids) as string[]),
      order,
    };
    documents.set(r.id, meta);
    byRowid.set(r.rowid, meta);
  });
  return { documents, byRowid, coderIds: filters.coderIds.length > 0 ? new Set(filters.coderIds) : null };
}

/** The scope with only those of its documents in `ids`, each keeping its place in reading order. */
export function keepDocuments(scope: Scope, ids: ReadonlySet<string>): Scope {
  const documents = new Map([...scope.documents].filter(([id]) => ids.has(id)));
  return { documents, byRowid: new Map([...documents.values()].map((d) => [d.rowid, d])), coderIds: scope.coderIds };
}
