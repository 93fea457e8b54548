import { summary } from '../../../src-shared/model/summaries';
import type { SearchHit, SearchQuery, SearchResult } from '../../../src-shared/contract';
import { contextAround, foldForSearch } from '../../../src-shared/text';
import { formatFuzzyDate } from '../../../src-shared/model/dates';
import type { FuzzyDate } from '../../../src-shared/model/dates';
import type { DocumentKind } from '../../../src-shared/model/entities';
import { revisionText } from '../db/revision-texts';
import { statement } from '../db/statements';
import { memoLines, searchIndexProgress, searchIndexReady } from '../db/search-index';
import { QuireError } from '../../../src-shared/contract/errors';
import type { QueryContext, SomeHandlers } from '../context';
import { CodingBatch } from './codings';
import { toDate } from './map';
import { RowMatcher, candidates, findSubstrings, parseWordsQuery, substringCandidates, substringNeedle } from './search-query';
import type { Candidates } from './search-query';
import { SUMMARY_TEXTS } from '../../../src-shared/model/summaries';
import { SUMMARY_TEXTS_RU } from '../../../src-shared/model/summaries-ru';

/**
 * Full-text search over the index of migrations/0005_search_compact.ts. FTS5 gives the rows (segments of
 * current revisions, memo lines) that may match; each is then read again here to decide and to
 * find where in it the words are, since the index keeps no positions (FTS5 has no offsets() in
 * any case). Hits are offsets into the document's current text, or the memo's text.
 *
 * Counting every hit means reading every matching row. Up to `COUNT_ROWS` rows that is done and
 * the figures are exact; beyond, the rows are counted by SQL and the hits estimated from the rows
 * read for the page (`exact: false`), so a search for a very common word stays quick.
 */

type Locale = 'en' | 'ru';

/** Rows read to count every hit exactly; larger results are estimated. */
export const COUNT_ROWS = 400;

/** A row of the index: a segment of a revision, or a line of a memo (its offsets filled in from the memo's text). */
interface Row {
  readonly id: number;
  readonly document_id: string | null;
  readonly revision_id: string | null;
  readonly memo_id: string | null;
  readonly ord: number;
  start_offset: number;
  end_offset: number;
}

/** One hit before it is dressed with context and citation: its row and its offsets in the text. */
interface Found {
  readonly row: Row;
  readonly start: number;
  readonly end: number;
}

interface Plan {
  readonly candidates: Candidates;
  /** Where the search occurs in a row's folded text, as [start, end) offsets; null when it does not match. */
  spans(body: string): [number, number][] | null;
}

function planOf(ctx: QueryContext, q: SearchQuery): Plan {
  if (q.mode === 'substring') {
    const needle = substringNeedle(q.query);
    return {
      candidates: substringCandidates(ctx.raw, needle),
      spans: (body) => {
        const found = findSubstrings(body, needle);
        return found.length > 0 ? found : null;
      },
    };
  }
  const tree = parseWordsQuery(q.query);
  const matcher = new RowMatcher(tree);
  return { candidates: candidates(tree), spans: (body) => matcher.spans(body) };
}

/** `1993` → `1993-01-01` (from) or `1993-12-31` (to); `1993-06` → the month's first or last day. */
function dayOf(date: string, edge: 'from' | 'to'): string {
  if (date.length === 10) return date;
  if (date.length === 4) return edge === 'from' ? `${date}-01-01` : `${date}-12-31`;
  return edge === 'from' ? `${date}-01` : `${date}-31`; // compared as text: -31 is after every day of the month
}

/** The SQL conditions a document (alias `fd`) must meet under the filters, and their parameters. */
function documentConditions(filters: SearchQuery['filters']): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (!filters) return { sql, params };
  if (filters.documentKinds && filters.documentKinds.length > 0) {
    sql.push(`fd.kind IN (${placeholders(filters.documentKinds.length)})`);
    params.push(...filters.documentKinds);
  }
  if (filters.caseIds && filters.caseIds.length > 0) {
    sql.push(`fd.id IN (SELECT document_id FROM document_cases WHERE case_id IN (${placeholders(filters.caseIds.length)}))`);
    params.push(...filters.caseIds);
  }
  if (filters.language) {
    sql.push('fd.language = ?');
    params.push(filters.language);
  }
  if (filters.dateFrom) {
    sql.push('fd.date_end >= ?');
    params.push(dayOf(filters.dateFrom, 'from'));
  }
  if (filters.dateTo) {
    sql.push('fd.date_start <= ?');
    params.push(dayOf(filters.dateTo, 'to'));
  }
  return { sql, params };
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * The sources (current revisions, memos) a search looks in, after scope and filters, as a WITH
 * clause `live(id, document_id, revision_id, memo_id)`: worked out once, not for every row.
 */
function liveSources(q: SearchQuery): { sql: string; params: unknown[] } {
  const conditions = documentConditions(q.filters);
  const filtered = conditions.sql.length > 0;
  const parts: string[] = [];
  const params: unknown[] = [];
  if (q.scope !== 'memos') {
    parts.push(`SELECT s.id, d.id, s.revision_id, NULL FROM documents d JOIN search_sources s ON s.revision_id = d.current_revision_id
      ${filtered ? `WHERE d.id IN (SELECT fd.id FROM documents fd WHERE ${conditions.sql.join(' AND ')})` : ''}`);
    params.push(...conditions.params);
  }
  if (q.scope !== 'documents') {
    // Under filters, a memo is kept when the document it is about (directly, or through a coding) passes.
    const about = "CASE m.target_type WHEN 'document' THEN m.target_id WHEN 'coding' THEN (SELECT document_id FROM codings WHERE id = m.target_id) END";
    parts.push(`SELECT s.id, NULL, NULL, s.memo_id FROM search_sources s JOIN memos m ON m.id = s.memo_id
      ${filtered ? `WHERE ${about} IN (SELECT fd.id FROM documents fd WHERE ${conditions.sql.join(' AND ')})` : ''}`);
    params.push(...conditions.params);
  }
  return { sql: `WITH live(id, document_id, revision_id, memo_id) AS MATERIALIZED (${parts.join(' UNION ALL ')})`, params };
}

/** The texts rows point into, each read once per search. */
class Texts {
  private readonly memos = new Map<string, string>();
  private readonly lines = new Map<string, { start: number; end: number }[]>();

  constructor(private readonly ctx: QueryContext) {}

  /** Where a memo's row is in its text: the row's number is its line's. */
  line(row: Row): { start_offset: number; end_offset: number } {
    let lines = this.lines.get(row.memo_id!);
    if (!lines) {
      lines = memoLines(this.of(row));
      this.lines.set(row.memo_id!, lines);
    }
    const line = lines[row.ord] ?? { start: 0, end: 0 };
    return { start_offset: line.start, end_offset: line.end };
  }

  of(row: Row): string {
    if (row.revision_id !== null) return revisionText(this.ctx.raw, row.revision_id) ?? '';
    let text = this.memos.get(row.memo_id!);
    if (text === undefined) {
      text = (this.ctx.raw.prepare('SELECT text FROM memos WHERE id = ?').pluck().get(row.memo_id) as string | undefined) ?? '';
      this.memos.set(row.memo_id!, text);
    }
    return text;
  }
}

interface Tally {
  readonly total: number;
  readonly documentHits: number;
  readonly documents: number;
  readonly memos: number;
  readonly exact: boolean;
}

/**
 * The hits numbered [from, to) in order (documents and memos as they were added to the project,
 * each in text order), with the tally of all of them: exact when every row was read, estimated
 * otherwise.
 */
function findHits(ctx: QueryContext, q: SearchQuery, from: number, to: number, countAll: boolean): { found: Found[]; tally: Tally } {
  const none = { found: [] as Found[], tally: { total: 0, documentHits: 0, documents: 0, memos: 0, exact: true } };
  if (q.query.trim() === '') return none;
  const plan = planOf(ctx, q);
  const live = liveSources(q);
  // A row belongs to the source whose run of rowids it is in: the last one starting at or before it.
  const from_ = 'FROM (' + plan.candidates.sql + ') c JOIN live l ON l.id = (SELECT max(id) FROM search_sources WHERE id <= c.id)';
  const params = [...live.params, ...plan.candidates.params];
  // In rowid order, which the FTS5 tables give without sorting: sources in the order they were
  // indexed, each in text order. Rows are read only as far as needed.
  const rows = statement(
    ctx.raw,
    `${live.sql} SELECT c.id, l.document_id, l.revision_id, l.memo_id, c.id - l.id AS ord, seg.start_offset, seg.end_offset
     ${from_} LEFT JOIN segments seg ON seg.revision_id = l.revision_id AND seg.ord = c.id - l.id
     ORDER BY c.id`,
  ).iterate(...params) as IterableIterator<Row>;
  const texts = new Texts(ctx);
  const found: Found[] = [];
  const documents = new Set<string>();
  const memos = new Set<string>();
  let total = 0;
  let documentHits = 0;
  let read = 0;
  let complete = true;
  for (const row of rows) {
    if (!countAll && total >= to && read >= COUNT_ROWS) {
      complete = false;
      rows.return?.();
      break;
    }
    read++;
    const text = texts.of(row);
    if (row.memo_id !== null) Object.assign(row, texts.line(row));
    else if (row.start_offset === null) continue; // cannot happen: every row is a segment
    const spans = plan.spans(foldForSearch(text.slice(row.start_offset, row.end_offset)));
    if (!spans) continue;
    spans.forEach(([start, end], k) => {
      if (total + k >= from && total + k < to) found.push({ row, start: row.start_offset + start, end: row.start_offset + end });
    });
    total += spans.length;
    if (row.document_id !== null) {
      documentHits += spans.length;
      documents.add(row.document_id);
    } else memos.add(row.memo_id!);
  }
  if (complete) return { found, tally: { total, documentHits, documents: documents.size, memos: memos.size, exact: true } };
  // Too many rows to read them all: the rows are counted, the hits estimated from those read.
  const counts = statement(ctx.raw, `${live.sql} SELECT count(*) AS rows, count(l.document_id) AS documentRows, count(DISTINCT l.document_id) AS documents, count(DISTINCT l.memo_id) AS memos ${from_}`).get(
    ...params,
  ) as { rows: number; documentRows: number; documents: number; memos: number };
  const perRow = total / read;
  return {
    found,
    tally: {
      total: Math.round(perRow * counts.rows),
      documentHits: Math.round(perRow * counts.documentRows),
      documents: counts.documents,
      memos: counts.memos,
      exact: false,
    },
  };
}

/** Document kinds as words, as operation summaries name them. */
const KIND_NAMES: Readonly<Record<Locale, Readonly<Record<DocumentKind, string>>>> = { en: SUMMARY_TEXTS.terms.kind, ru: SUMMARY_TEXTS_RU.terms.kind };

/** Dates as citations write them; formatting one costs a formatter, so each is made once. */
const dates = new Map<string, string>();
function dateText(date: FuzzyDate, locale: Locale): string {
  const key = `${locale} ${date.precision} ${date.start} ${date.end}`;
  let text = dates.get(key);
  if (text === undefined) {
    text = formatFuzzyDate(date, locale);
    if (dates.size > 10_000) dates.clear();
    dates.set(key, text);
  }
  return text;
}

interface Source {
  readonly title: string;
  readonly text: string;
  readonly citation: string;
}

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
      const about = [KIND_NAMES[locale][d.kind] ?? d.kind, date ? dateText(date, locale) : null].filter(Boolean).join(', ');
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
      const when = dateText({ start: day, end: day, precision: 'day' }, locale);
      const on = m.about ? (locale === 'ru' ? `; о документе «${m.about}»` : `; on “${m.about}”`) : '';
      sources.set(m.id, { title, text: m.text, citation: `${locale === 'ru' ? 'Мемо' : 'Memo'} “${title}” (${[m.author, when].filter(Boolean).join(', ')}${on})` });
    }
  }
  return sources;
}

/** Searching a half-built index would miss hits without saying so: the researcher is told to wait instead. */
function ensureIndexed(ctx: QueryContext): void {
  if (searchIndexReady(ctx.raw)) return;
  const { done, total } = searchIndexProgress(ctx.raw);
  throw new QuireError(
    'index_building',
    `The search index is being built after the upgrade (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} texts done). Search will work as soon as it is ready; the rest of Quire can be used meanwhile.`,
    { done, total },
  );
}

/** The search's hits from `offset`, at most `limit`, with context and citations. */
export function search(ctx: QueryContext, q: SearchQuery & { limit: number; offset: number; locale: Locale }): SearchResult {
  ensureIndexed(ctx);
  const { found, tally } = findHits(ctx, q, q.offset, q.offset + q.limit, false);
  const docIds = [...new Set(found.flatMap((f) => (f.row.document_id ? [f.row.document_id] : [])))];
  const memoIds = [...new Set(found.flatMap((f) => (f.row.memo_id ? [f.row.memo_id] : [])))];
  const sources = sourcesOf(ctx, docIds, memoIds, q.locale);
  const hits = found.map((f): SearchHit => {
    const source = sources.get(f.row.document_id ?? f.row.memo_id!) ?? { title: '', text: '', citation: '' };
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
  return { ...tally, hits };
}

export const searchHandlers: SomeHandlers<'search.query' | 'search.codeHits'> = {
  'search.query': async (ctx, input) => search(ctx, input),

  'search.codeHits': async (ctx, { codeId, extent, ...q }) => {
    ensureIndexed(ctx);
    const code = ctx.write.read('codes', codeId);
    const { found } = findHits(ctx, { ...q, scope: 'documents' }, 0, Number.MAX_SAFE_INTEGER, true);
    const batch = new CodingBatch(ctx);
    const seen = new Set<string>();
    found.forEach((f, i) => {
      const documentId = f.row.document_id!;
      const [start, end] = extent === 'segment' ? [f.row.start_offset, f.row.end_offset] : [f.start, f.end];
      const key = `${documentId}:${start}:${end}`;
      if (seen.has(key)) return;
      seen.add(key);
      batch.apply({ documentId, codeId, start, end });
      if (i % 2000 === 1999) ctx.progress(i + 1, found.length);
    });
    ctx.describe(summary('search.code', { count: batch.created, query: q.query, code: code.name }));
    return { created: batch.created, matches: found.length };
  },
};
