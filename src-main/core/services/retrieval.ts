/**
 * Retrieval: the coded excerpts a query asks for (codes combined by an operator, filtered by
 * cases, attributes, documents, coders and speakers), saved queries, and bulk recode or uncode of
 * a selection of excerpts, each one undoable operation.
 */
import { summary } from '../../../src-shared/model/summaries';
import { QuireError } from '../../../src-shared/contract/errors';
import { RetrievalQuerySchema } from '../../../src-shared/contract/retrieval';
import type { ExcerptPage, RetrievalOperator, RetrievalQuery, SavedQuery, SpeakerFilter } from '../../../src-shared/contract/retrieval';
import type { CitationLanguage } from '../../../src-shared/model/citation';
import { uuidv7 } from '../../../src-shared/model/ids';
import type { QueryContext, ReadContext, SomeHandlers } from '../context';
import type { CodeRow, SavedQueryRow } from '../db/schema';
import { statement } from '../db/statements';
import { codebookRows } from './codebook';
import { documentScope, keepDocuments } from './document-scope';
import type { Scope, ScopeFilters } from './document-scope';
import { ExcerptBuilder } from './excerpts';
import { now } from './map';
import { matchDocument } from './retrieval-operators';
import type { Hit, Span } from './retrieval-operators';
import { segmentBounds } from './segment-bounds';
import { passesSpeakers, SpeakerSides } from './speaker-sides';

/** A code and every code inside it, in codebook order. */
export function subtree(rows: readonly CodeRow[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const r of rows) if (r.parent_id) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
  const out: string[] = [];
  const walk = (id: string): void => {
    out.push(id);
    for (const child of children.get(id) ?? []) walk(child);
  };
  walk(rootId);
  return out;
}

/** A coding as `loadSpans` reads it: id, document, code, coder, start, end, status, quote, quote number, rowid. */
type SpanRow = [string, string, string, string, number, number, string, string | null, number, number];

/**
 * Codings at the same place in the order readers see them everywhere: by code, then as they were
 * made. Ids are ASCII, so comparing them as JavaScript strings orders them as SQLite does.
 */
const byPlace = (a: SpanRow, b: SpanRow): number => a[4] - b[4] || a[5] - b[5] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0) || a[9] - b[9];

/** The codings of some codes in the scope, per document in text order; `slots` says which query code each code stands for. */
export function loadSpans(ctx: ReadContext, slots: ReadonlyMap<string, readonly number[]>, scope: Scope): Map<string, Span[]> {
  const codeIds = [...slots.keys()];
  const byDocument = new Map<string, Span[]>();
  if (codeIds.length === 0 || scope.documents.size === 0) return byDocument;
  const columns = 'id, document_id, code_id, coder_id, start_offset, end_offset, status, quote, quote_no, rowid';
  // Most of the codebook asked for (an export of everything): the scope's codings read a document
  // at a time in the document index's order, the other codes' skipped here. Cheaper than sorting
  // the chosen ones afresh, and than reading all 100,000 in one go (which kept them all alive until read).
  const most = codeIds.length * 2 > (statement(ctx.raw, 'SELECT COUNT(*) FROM codes').pluck().get() as number);
  // In the order the document index has them: codings at the same place are put in order below
  // (a temporary B-tree for them took SQLite 40% of the reading).
  const ofDocument = (id: string): SpanRow[] =>
    statement(ctx.raw, `SELECT ${columns} FROM codings INDEXED BY codings_document WHERE document_id = ? ORDER BY start_offset, end_offset`).raw().all(id) as SpanRow[];
  // A code's, coder's or status's one string for all of its spans, not one per row read: spans
  // live as long as the export or page they are read for, and 50,000 of them are copied to V8's old generation.
  const strings = new Map<string, string>();
  const shared = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  let run: SpanRow[] = [];
  const settle = (): void => {
    if (run.length === 0) return;
    byDocument.set(
      run[0]![1],
      run
        .sort(byPlace)
        .map(([id, , codeId, coderId, start, end, status, quote, quoteNo]) => ({ id, codeId: shared(codeId), coderId: shared(coderId), start, end, status: shared(status), quote, quoteNo, slots: slots.get(codeId)! })),
    );
    run = [];
  };
  const take = (rows: readonly SpanRow[]): void => {
    for (const row of rows) {
      if ((most && !slots.has(row[2])) || !scope.documents.has(row[1]) || (scope.coderIds && !scope.coderIds.has(row[3]))) continue;
      if (run.length > 0 && run[0]![1] !== row[1]) settle();
      run.push(row);
    }
    settle();
  };
  if (most) for (const id of scope.documents.keys()) take(ofDocument(id));
  else
    take(
      ctx.raw
        .prepare(`SELECT ${columns} FROM codings WHERE code_id IN (${codeIds.map(() => '?').join(',')}) ORDER BY document_id, start_offset, end_offset`)
        .raw()
        .all(...codeIds) as SpanRow[],
    );
  return byDocument;
}

/** Hits in reading order: documents by date and title, then passages by position. */
export function sortHits(hits: Hit[], scope: Scope): Hit[] {
  return hits.sort((a, b) => scope.documents.get(a.documentId)!.order - scope.documents.get(b.documentId)!.order || a.start - b.start || a.end - b.end);
}

/** A page of hits as excerpts, with the total and the number of documents they come from. */
export async function excerptPage(
  ctx: QueryContext,
  hits: readonly Hit[],
  scope: Scope,
  sides: SpeakerSides,
  page: { readonly limit: number; readonly offset: number; readonly language: CitationLanguage; readonly context: number },
): Promise<ExcerptPage> {
  const shown = hits.slice(page.offset, page.offset + page.limit);
  return {
    total: hits.length,
    documents: new Set(hits.map((h) => h.documentId)).size,
    excerpts: await new ExcerptBuilder(ctx, sides).build(shown, scope.documents, { language: page.language, context: page.context }),
  };
}

/** A revision's turns and paragraphs in order. */
export function segmentsOf(ctx: ReadContext, revisionId: string): { start: number; end: number }[] {
  const { starts, ends } = segmentBounds(ctx.raw, revisionId);
  return Array.from(starts, (start, i) => ({ start, end: ends[i]! }));
}

interface Matching extends ScopeFilters {
  readonly codeIds: readonly string[];
  readonly operator: RetrievalOperator;
  readonly distance: number;
  readonly includeSubcodes: boolean;
  readonly speakers: SpeakerFilter;
}

/** The hits of a query in reading order; `only` keeps to some of its documents (a part of an export written in its own thread). */
export async function retrieve(ctx: ReadContext, q: Matching, sides: SpeakerSides, only?: ReadonlySet<string>): Promise<{ hits: Hit[]; scope: Scope }> {
  const rows = await codebookRows(ctx);
  const known = new Set(rows.map((r) => r.id));
  const missing = q.codeIds.filter((id) => !known.has(id));
  if (missing.length > 0) throw new QuireError('not_found', 'A code of this query is no longer in the codebook (it may have been deleted or merged).', { codeIds: missing });
  const slots = new Map<string, number[]>();
  q.codeIds.forEach((root, slot) => {
    for (const id of q.includeSubcodes ? subtree(rows, root) : [root]) {
      const list = slots.get(id) ?? [];
      if (!list.includes(slot)) list.push(slot);
      slots.set(id, list);
    }
  });
  const scope = only ? keepDocuments(documentScope(ctx, q), only) : documentScope(ctx, q);
  const hits: Hit[] = [];
  for (const [documentId, spans] of loadSpans(ctx, slots, scope)) {
    const document = scope.documents.get(documentId)!;
    const found = matchDocument({
      operator: q.operator,
      distance: q.distance,
      slotCount: q.codeIds.length,
      documentId,
      spans,
      segments: () => segmentsOf(ctx, document.revisionId),
    });
    for (const hit of found) if (q.speakers === 'all' || passesSpeakers(sides.turns(document), hit.start, hit.end, q.speakers)) hits.push(hit);
  }
  return { hits: sortHits(hits, scope), scope };
}

const toSaved = (r: SavedQueryRow): SavedQuery => ({
  id: r.id,
  name: r.name,
  query: RetrievalQuerySchema.parse(JSON.parse(r.query)),
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
});

/** The stored form of a query: its JSON, dates as the ranges they were read as. */
const storedQuery = (query: RetrievalQuery): string => JSON.stringify(query);

export const retrievalHandlers: SomeHandlers<'retrieval.run' | 'retrieval.save' | 'retrieval.saved' | 'retrieval.deleteSaved' | 'retrieval.recode' | 'retrieval.uncode'> = {
  'retrieval.run': async (ctx, input) => {
    const sides = new SpeakerSides(ctx);
    const { hits, scope } = await retrieve(ctx, input, sides);
    return excerptPage(ctx, hits, scope, sides, input);
  },

  'retrieval.save': async (ctx, { name, query }) => {
    const at = now();
    const same = statement(ctx.raw, 'SELECT id FROM saved_queries WHERE lower(name) = lower(?)').pluck().get(name) as string | undefined;
    const row = same
      ? ctx.write.update('saved_queries', same, { name, query: storedQuery(query), updated_at: at })
      : ctx.write.insert('saved_queries', { id: uuidv7(), name, query: storedQuery(query), created_at: at, created_by: ctx.actor.id, updated_at: at });
    ctx.describe(summary('retrieval.saveQuery', { name }));
    return toSaved(row);
  },

  'retrieval.saved': async (ctx) => {
    const rows = ctx.raw.prepare('SELECT * FROM saved_queries').all() as SavedQueryRow[];
    // A query saved by a build that wrote it differently is left out rather than breaking the list.
    return rows
      .sort((a, b) => a.name.localeCompare(b.name, 'ru', { numeric: true }))
      .flatMap((r) => {
        try {
          return [toSaved(r)];
        } catch {
          return [];
        }
      });
  },

  'retrieval.deleteSaved': async (ctx, { id }) => {
    const row = ctx.write.delete('saved_queries', id);
    ctx.describe(summary('retrieval.deleteQuery', { name: row.name }));
    return null;
  },

  'retrieval.recode': async (ctx, { codingIds, codeId }) => {
    const target = ctx.write.read('codes', codeId);
    if (target.archived === 1) throw new QuireError('invalid_input', `The code "${target.name}" is archived: restore it before coding with it.`);
    const twin = statement(
      ctx.raw,
      'SELECT id FROM codings WHERE code_id = ? AND document_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ? AND id <> ?',
    ).pluck();
    let recoded = 0;
    let merged = 0;
    for (const id of new Set(codingIds)) {
      const coding = ctx.write.read('codings', id);
      if (coding.code_id === codeId) continue;
      const same = twin.get(codeId, coding.document_id, coding.coder_id, coding.start_offset, coding.end_offset, id) as string | undefined;
      if (same) {
        // The new code is already on these words by this coder: one coding, keeping the memos.
        for (const memo of statement(ctx.raw, "SELECT id FROM memos WHERE target_type = 'coding' AND target_id = ?").pluck().all(id) as string[]) {
          ctx.write.update('memos', memo, { target_id: same });
        }
        await ctx.call('codings.remove', { id });
        merged++;
      } else {
        await ctx.call('codings.recode', { id, codeId });
        recoded++;
      }
    }
    ctx.describe(summary('retrieval.recode', { count: recoded + merged, code: target.name }));
    return { recoded, merged };
  },

  'retrieval.uncode': async (ctx, { codingIds }) => {
    const ids = [...new Set(codingIds)];
    for (const id of ids) await ctx.call('codings.remove', { id });
    ctx.describe(summary('retrieval.remove', { count: ids.length }));
    return { removed: ids.length };
  },
};
