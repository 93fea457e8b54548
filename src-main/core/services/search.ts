import type { SearchHit, SearchQuery, SearchResult } from '../../../src-shared/contract';
import { contextAround } from '../../../src-shared/text';
import { formatFuzzyDate } from '../../../src-shared/model/dates';
import type { DocumentKind } from '../../../src-shared/model/entities';
import { revisionText } from '../db/revision-texts';
import { keysOf, wordsOf } from '../db/search-words';
import type { QueryContext, SomeHandlers } from '../context';
import { CodingBatch } from './codings';
import { toDate } from './map';
import { findSubstrings, matchWords, parseWordsQuery, positiveLeaves, substringMatch, substringNeedle, toMatch } from './search-query';

/**
 * Full-text search over the index of migrations/0003_search.ts: FTS5 finds the passages (rows),
 * then each passage is read again here to find where in it the words are, because FTS5 has no
 * offsets(). Hits are offsets into the document's current text (or the memo's text).
 */

type Locale = 'en' | 'ru';

interface Row {
  readonly id: number;
  readonly document_id: string | null;
  readonly memo_id: string | null;
  readonly start_offset: number;
  readonly end_offset: number;
  readonly body: string;
  readonly stems: string;
}

/** One hit before it is dressed with context and citation: its row and its offsets in the text. */
interface Found {
  readonly row: Row;
  readonly start: number;
  readonly end: number;
}

interface Plan {
  readonly table: 'search_words' | 'search_trigrams';
  readonly match: string;
  /** Where in a row's body the search occurs, as [start, end) offsets within the body. */
  spans(row: Row): [number, number][];
  /** How many times, which may be cheaper to tell than where. */
  count(row: Row): number;
}

const splitStems = (stems: string): string[] => (stems === '' ? [] : stems.split(' '));

function planOf(q: SearchQuery): Plan {
  if (q.mode === 'substring') {
    const needle = substringNeedle(q.query);
    return {
      table: 'search_trigrams',
      match: substringMatch(needle),
      spans: (row) => findSubstrings(row.body, needle),
      count: (row) => findSubstrings(row.body, needle).length,
    };
  }
  const tree = parseWordsQuery(q.query);
  const leaves = positiveLeaves(tree);
  const needsStems = leaves.some((l) => l.kind === 'stem');
  const needsKeys = leaves.some((l) => l.kind !== 'stem');
  return {
    table: 'search_words',
    match: toMatch(tree),
    spans: (row) => {
      const words = wordsOf(row.body);
      const ranges = matchWords(leaves, { keys: words.map((w) => w.key), stems: needsStems ? splitStems(row.stems) : [] });
      return ranges.map(([first, last]) => [words[first]!.start, words[last]!.end]);
    },
    count: (row) => matchWords(leaves, { keys: needsKeys ? keysOf(row.body) : [], stems: needsStems ? splitStems(row.stems) : [] }).length,
  };
}

/** `1993` → `1993-01-01` (from) or `1993-12-31` (to); `1993-06` → the month's first or last day. */
function dayOf(date: string, edge: 'from' | 'to'): string {
  if (date.length === 10) return date;
  if (date.length === 4) return edge === 'from' ? `${date}-01-01` : `${date}-12-31`;
  return edge === 'from' ? `${date}-01` : `${date}-31`; // compared as text: -31 is after every day of the month
}

/** The SQL conditions a document (alias `d`) must meet under the filters, and their parameters. */
function documentConditions(filters: SearchQuery['filters'], alias: string): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (!filters) return { sql, params };
  if (filters.documentKinds && filters.documentKinds.length > 0) {
    sql.push(`${alias}.kind IN (${filters.documentKinds.map(() => '?').join(', ')})`);
    params.push(...filters.documentKinds);
  }
  if (filters.caseIds && filters.caseIds.length > 0) {
    sql.push(`${alias}.id IN (SELECT document_id FROM document_cases WHERE case_id IN (${filters.caseIds.map(() => '?').join(', ')}))`);
    params.push(...filters.caseIds);
  }
  if (filters.language) {
    sql.push(`${alias}.language = ?`);
    params.push(filters.language);
  }
  if (filters.dateFrom) {
    sql.push(`${alias}.date_end >= ?`);
    params.push(dayOf(filters.dateFrom, 'from'));
  }
  if (filters.dateTo) {
    sql.push(`${alias}.date_start <= ?`);
    params.push(dayOf(filters.dateTo, 'to'));
  }
  return { sql, params };
}

/** The matching rows, best first or in document order. */
function matchingRows(ctx: QueryContext, q: SearchQuery, plan: Plan, order: 'relevance' | 'document'): Row[] {
  const where: string[] = [`${plan.table} MATCH ?`];
  const params: unknown[] = [plan.match];
  if (q.scope === 'documents') where.push('r.revision_id IS NOT NULL');
  if (q.scope === 'memos') where.push('r.memo_id IS NOT NULL');
  const conditions = documentConditions(q.filters, 'fd');
  if (conditions.sql.length > 0) {
    // A memo passes when the document it is about (directly, or through a coding) does.
    const documentOf = "CASE WHEN r.document_id IS NOT NULL THEN r.document_id WHEN m.target_type = 'document' THEN m.target_id WHEN m.target_type = 'coding' THEN (SELECT document_id FROM codings WHERE id = m.target_id) END";
    where.push(`EXISTS (SELECT 1 FROM documents fd WHERE fd.id = ${documentOf} AND ${conditions.sql.join(' AND ')})`);
    params.push(...conditions.params);
  }
  const orderBy =
    order === 'relevance'
      ? 'f.rank, r.id'
      : '(r.memo_id IS NOT NULL), coalesce(d.title, m.title), coalesce(r.document_id, r.memo_id), r.start_offset';
  const sql = `SELECT r.id, r.document_id, r.memo_id, r.start_offset, r.end_offset, r.body, r.stems
    FROM ${plan.table} f
    JOIN search_rows r ON r.id = f.rowid
    LEFT JOIN documents d ON d.id = r.document_id
    LEFT JOIN memos m ON m.id = r.memo_id
    WHERE ${where.join(' AND ')}
    ORDER BY ${orderBy}`;
  return ctx.raw.prepare(sql).all(...params) as Row[];
}

const KIND_NAMES: Readonly<Record<Locale, Readonly<Record<DocumentKind, string>>>> = {
  en: {
    interview: 'interview',
    field_note: 'field note',
    enterprise_report: 'enterprise report',
    meeting_record: 'meeting record',
    press_item: 'press item',
    enterprise_document: 'enterprise document',
    diary: 'diary',
    letter: 'letter',
    other: 'other',
  },
  ru: {
    interview: 'интервью',
    field_note: 'полевая заметка',
    enterprise_report: 'отчёт по предприятию',
    meeting_record: 'запись собрания',
    press_item: 'публикация в прессе',
    enterprise_document: 'документ предприятия',
    diary: 'дневник',
    letter: 'письмо',
    other: 'другое',
  },
};

interface Source {
  readonly title: string;
  readonly text: string;
  readonly citation: string;
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** Titles, texts and citations of the documents and memos some hits are in. */
function sourcesOf(ctx: QueryContext, documentIds: readonly string[], memoIds: readonly string[], locale: Locale): Map<string, Source> {
  const sources = new Map<string, Source>();
  if (documentIds.length > 0) {
    const cases = new Map<string, string[]>();
    for (const link of ctx.raw
      .prepare(`SELECT dc.document_id, c.name FROM document_cases dc JOIN cases c ON c.id = dc.case_id WHERE dc.document_id IN (${placeholders(documentIds.length)}) ORDER BY c.name`)
      .all(...documentIds) as { document_id: string; name: string }[]) {
      cases.set(link.document_id, [...(cases.get(link.document_id) ?? []), link.name]);
    }
    const rows = ctx.raw
      .prepare(`SELECT id, title, kind, date_start, date_end, date_precision, current_revision_id FROM documents WHERE id IN (${placeholders(documentIds.length)})`)
      .all(...documentIds) as { id: string; title: string; kind: DocumentKind; date_start: string | null; date_end: string | null; date_precision: string | null; current_revision_id: string }[];
    for (const d of rows) {
      const date = toDate(d);
      const about = [KIND_NAMES[locale][d.kind] ?? d.kind, date ? formatFuzzyDate(date, locale) : null].filter(Boolean).join(', ');
      const linked = cases.get(d.id);
      sources.set(d.id, {
        title: d.title,
        text: revisionText(ctx.raw, d.current_revision_id) ?? '',
        citation: `${d.title} (${about}${linked ? `; ${linked.join(', ')}` : ''})`,
      });
    }
  }
  if (memoIds.length > 0) {
    const rows = ctx.raw
      .prepare(
        `SELECT m.id, m.title, m.text, m.updated_at, mb.name AS author,
           CASE m.target_type WHEN 'document' THEN (SELECT title FROM documents WHERE id = m.target_id)
             WHEN 'coding' THEN (SELECT d.title FROM codings c JOIN documents d ON d.id = c.document_id WHERE c.id = m.target_id) END AS about
         FROM memos m LEFT JOIN members mb ON mb.id = m.author_id WHERE m.id IN (${placeholders(memoIds.length)})`,
      )
      .all(...memoIds) as { id: string; title: string; text: string; updated_at: string; author: string | null; about: string | null }[];
    for (const m of rows) {
      const title = m.title.trim() || (locale === 'ru' ? 'Мемо без названия' : 'Untitled memo');
      const day = m.updated_at.slice(0, 10);
      const when = formatFuzzyDate({ start: day, end: day, precision: 'day' }, locale);
      const on = m.about ? (locale === 'ru' ? `; о документе «${m.about}»` : `; on “${m.about}”`) : '';
      sources.set(m.id, { title, text: m.text, citation: `${locale === 'ru' ? 'Мемо' : 'Memo'} “${title}” (${[m.author, when].filter(Boolean).join(', ')}${on})` });
    }
  }
  return sources;
}

/** Every hit of a search in order, and how many documents and memos they are in. */
function findAll(ctx: QueryContext, q: SearchQuery, order: 'relevance' | 'document', want: (index: number) => boolean) {
  if (q.query.trim() === '') return { found: [] as Found[], total: 0, documentHits: 0, documents: 0, memos: 0 };
  const plan = planOf(q);
  const found: Found[] = [];
  const documents = new Set<string>();
  const memos = new Set<string>();
  let total = 0;
  let documentHits = 0;
  for (const row of matchingRows(ctx, q, plan, order)) {
    // Rows on the page are read for offsets; the rest only counted.
    const first = total;
    const n = plan.count(row);
    if (n === 0) continue;
    total += n;
    if (row.document_id !== null) {
      documentHits += n;
      documents.add(row.document_id);
    } else memos.add(row.memo_id!);
    let wanted = false;
    for (let i = first; i < total && !wanted; i++) wanted = want(i);
    if (!wanted) continue;
    plan.spans(row).forEach(([start, end], k) => {
      if (want(first + k)) found.push({ row, start: row.start_offset + start, end: row.start_offset + end });
    });
  }
  return { found, total, documentHits, documents: documents.size, memos: memos.size };
}

/** The search's hits from `offset`, at most `limit`, with context and citations. */
export function search(ctx: QueryContext, q: SearchQuery & { order: 'relevance' | 'document'; limit: number; offset: number; locale: Locale }): SearchResult {
  const { found, total, documentHits, documents, memos } = findAll(ctx, q, q.order, (i) => i >= q.offset && i < q.offset + q.limit);
  const docIds = [...new Set(found.flatMap((f) => (f.row.document_id ? [f.row.document_id] : [])))];
  const memoIds = [...new Set(found.flatMap((f) => (f.row.memo_id ? [f.row.memo_id] : [])))];
  const sources = sourcesOf(ctx, docIds, memoIds, q.locale);
  const hits = found.map((f): SearchHit => {
    const ownerId = f.row.document_id ?? f.row.memo_id!;
    const source = sources.get(ownerId) ?? { title: '', text: '', citation: '' };
    const { before, after } = contextAround(source.text, f.start, f.end, 60);
    return {
      kind: f.row.document_id ? 'document' : 'memo',
      ...(f.row.document_id ? { documentId: f.row.document_id } : { memoId: f.row.memo_id! }),
      title: source.title,
      start: f.start,
      end: f.end,
      before,
      match: source.text.slice(f.start, f.end),
      after,
      citation: source.citation,
    };
  });
  return { total, documentHits, documents, memos, hits };
}

export const searchHandlers: SomeHandlers<'search.query' | 'search.codeHits'> = {
  'search.query': async (ctx, input) => search(ctx, input),

  'search.codeHits': async (ctx, { codeId, extent, ...q }) => {
    const code = ctx.write.read('codes', codeId);
    const { found } = findAll(ctx, { ...q, scope: 'documents' }, 'document', () => true);
    const batch = new CodingBatch(ctx);
    let matches = 0;
    const seen = new Set<string>();
    for (const f of found) {
      const documentId = f.row.document_id!;
      // A row is one segment (turn or paragraph) of the current revision.
      const [start, end] = extent === 'segment' ? [f.row.start_offset, f.row.end_offset] : [f.start, f.end];
      const key = `${documentId}:${start}:${end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      batch.apply({ documentId, codeId, start, end });
      if (++matches % 2000 === 0) ctx.progress(matches, found.length);
    }
    ctx.describe(`Coded ${batch.created} search hits for “${q.query}” as ${code.name}`);
    return { created: batch.created, matches: found.length };
  },
};
