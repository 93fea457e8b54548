import { summary } from '../../../src-shared/model/summaries';
import { uuidv7 } from '../../../src-shared/model/ids';
import { QuireError, notFound } from '../../../src-shared/contract/errors';
import { normalizeText, reanchor } from '../../../src-shared/text';
import type { DocumentDetail, DocumentSummary, Revision, SegmentKind } from '../../../src-shared/model/entities';
import type { DocumentRow, RevisionRow } from '../db/schema';
import type { MutationContext, QueryContext, SomeHandlers } from '../context';
import type { ParsedInputOf } from '../../../src-shared/contract';
import { markdownToText } from '../import/markdown';
import { asKind, fromDate, now, toDocumentCoding, toDate } from './map';
import { attributeValuesOf, clearAttributeValues, setAttributeValue } from './attributes';
import { checkDocumentKey, deleteCoding } from './quote-ids';
import { speakerLinkIds, speakerLinks } from './speaker-links';
import { documentSpeakers } from './document-speakers';

/** Summaries of some documents (all when `ids` is null), in title order. */
export async function documentSummaries(ctx: QueryContext, ids: readonly string[] | null): Promise<DocumentSummary[]> {
  if (ids !== null && ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('documents as d')
    .innerJoin('revisions as r', 'r.id', 'd.current_revision_id')
    .selectAll('d')
    .select(['r.number as revision_number', 'r.length as length'])
    .$if(ids !== null, (q) => q.where('d.id', 'in', ids ?? []))
    .orderBy('d.title')
    .execute();
  const scope = ids === null ? '' : `WHERE document_id IN (${ids.map(() => '?').join(',')})`;
  const params = ids ?? [];
  const cases = new Map<string, string[]>();
  for (const link of ctx.raw.prepare(`SELECT document_id, case_id FROM document_cases ${scope}`).all(...params) as { document_id: string; case_id: string }[]) {
    const list = cases.get(link.document_id) ?? [];
    list.push(link.case_id);
    cases.set(link.document_id, list);
  }
  const counts = new Map<string, { n: number; review: number }>();
  for (const c of ctx.raw
    .prepare(`SELECT document_id, count(*) AS n, sum(status = 'needs_review') AS review FROM codings ${scope} GROUP BY document_id`)
    .all(...params) as { document_id: string; n: number; review: number }[]) {
    counts.set(c.document_id, { n: c.n, review: c.review });
  }
  return rows.map((r) => ({
    id: r.id,
    kind: asKind(r.kind),
    title: r.title,
    language: r.language,
    date: toDate(r),
    interviewerIds: JSON.parse(r.interviewer_ids) as string[],
    sourceFileName: r.source_file_name,
    currentRevisionId: r.current_revision_id,
    revisionNumber: r.revision_number,
    length: r.length,
    caseIds: cases.get(r.id) ?? [],
    codingCount: counts.get(r.id)?.n ?? 0,
    needsReviewCount: counts.get(r.id)?.review ?? 0,
    createdAt: r.created_at,
    quoteKey: r.quote_key,
  }));
}

export async function summaryOf(ctx: QueryContext, id: string): Promise<DocumentSummary> {
  const [summary] = await documentSummaries(ctx, [id]);
  if (!summary) throw notFound('This document', id);
  return summary;
}

async function checkMembers(ctx: QueryContext, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await ctx.db.selectFrom('members').select('id').where('id', 'in', ids).execute();
  if (found.length !== new Set(ids).size) throw new QuireError('not_found', 'One of the interviewers is not a member of this project’s team.', { ids });
}

/** Links a document to a case unless it already is. */
function linkCase(ctx: MutationContext, documentId: string, caseId: string): void {
  ctx.write.read('cases', caseId);
  const exists = ctx.raw.prepare('SELECT 1 FROM document_cases WHERE document_id = ? AND case_id = ?').get(documentId, caseId);
  if (!exists) ctx.write.insert('document_cases', { id: uuidv7(), document_id: documentId, case_id: caseId });
}

/**
 * Links a speaker label to a case, or unlinks it (`caseId` null). Links made to an older reading
 * of the label (with its stage direction) go, so the label keeps the one link asked for and an
 * old one never comes back once its label is unlinked.
 */
function linkSpeaker(ctx: MutationContext, documentId: string, speaker: string, caseId: string | null): void {
  if (caseId !== null) ctx.write.read('cases', caseId);
  const existing = ctx.raw
    .prepare('SELECT id FROM speaker_links WHERE document_id = ? AND speaker = ?')
    .pluck()
    .get(documentId, speaker) as string | undefined;
  for (const id of speakerLinkIds(ctx.raw, documentId, speaker)) if (id !== existing) ctx.write.delete('speaker_links', id);
  if (caseId === null) {
    if (existing) ctx.write.delete('speaker_links', existing);
    return;
  }
  if (existing) ctx.write.update('speaker_links', existing, { case_id: caseId });
  else ctx.write.insert('speaker_links', { id: uuidv7(), document_id: documentId, speaker, case_id: caseId });
}

/** What a new document is made of, whichever way it arrives (typed in, imported, written as a note). */
export type NewDocument = Omit<ParsedInputOf<'documents.create'>, 'format'>;

/** Writes a document and its first revision with links and attributes; returns its id. */
export async function createDocument(ctx: MutationContext, input: NewDocument): Promise<string> {
  await checkMembers(ctx, input.interviewerIds);
  const text = normalizeText(input.text);
  const at = now();
  const documentId = uuidv7();
  const revisionId = uuidv7();
  const document: DocumentRow = {
    id: documentId,
    kind: input.kind,
    title: input.title,
    language: input.language,
    ...fromDate(input.date),
    interviewer_ids: JSON.stringify(input.interviewerIds),
    source_file_name: input.sourceFileName,
    current_revision_id: revisionId,
    created_at: at,
    created_by: ctx.actor.id,
    updated_at: at,
    quote_key: null,
    last_quote: 0,
  };
  ctx.write.insert('documents', document);
  ctx.write.insert('revisions', { id: revisionId, document_id: documentId, number: 1, text, length: text.length, note: null, created_at: at, created_by: ctx.actor.id });
  for (const caseId of input.caseIds) linkCase(ctx, documentId, caseId);
  for (const [speaker, caseId] of Object.entries(input.speakers)) linkSpeaker(ctx, documentId, speaker, caseId);
  for (const [attributeId, value] of Object.entries(input.attributes)) setAttributeValue(ctx, 'document', attributeId, documentId, value);
  return documentId;
}

function currentRevision(ctx: MutationContext, documentId: string): RevisionRow {
  const document = ctx.write.read('documents', documentId);
  return ctx.write.read('revisions', document.current_revision_id);
}

export const documentHandlers: SomeHandlers<
  | 'documents.list'
  | 'documents.get'
  | 'documents.create'
  | 'documents.update'
  | 'documents.revise'
  | 'documents.revisions'
  | 'documents.delete'
  | 'documents.linkCase'
  | 'documents.unlinkCase'
  | 'documents.speakers'
  | 'documents.linkSpeaker'
> = {
  'documents.list': async (ctx, { kind, caseId }) => {
    let ids: string[] | null = null;
    if (kind !== undefined || caseId !== undefined) {
      let q = ctx.db.selectFrom('documents').select('id');
      if (kind) q = q.where('kind', '=', kind);
      if (caseId) q = q.where('id', 'in', ctx.db.selectFrom('document_cases').select('document_id').where('case_id', '=', caseId));
      ids = (await q.execute()).map((r) => r.id);
    }
    return documentSummaries(ctx, ids);
  },

  'documents.get': async (ctx, { id, revisionId, opening }) => {
    const summary = await summaryOf(ctx, id);
    const revId = revisionId ?? summary.currentRevisionId;
    const revision = await ctx.db
      .selectFrom('revisions')
      .select(['text', 'document_id'])
      .where('id', '=', revId)
      .executeTakeFirst();
    if (!revision || revision.document_id !== id) throw notFound('This revision of the document', revId);
    // The opening part ends with the last segment touching the characters asked for, so no
    // segment is cut; its codings are those starting before that end.
    let segmentsQuery = ctx.db.selectFrom('segments').selectAll().where('revision_id', '=', revId).orderBy('ord');
    if (opening !== undefined) segmentsQuery = segmentsQuery.where('start_offset', '<', opening);
    const [segments, attributes] = await Promise.all([segmentsQuery.execute(), attributeValuesOf(ctx, [id])]);
    // Under the labels turns carry now, links made to an older reading of a label included.
    const speakers = [...(speakerLinks(ctx.raw, id).get(id) ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const end = opening === undefined ? revision.text.length : Math.min(revision.text.length, Math.max(opening, segments.at(-1)?.end_offset ?? 0));
    let codingsQuery = ctx.db.selectFrom('codings').selectAll().where('document_id', '=', id).where('revision_id', '=', revId).orderBy('start_offset');
    if (opening !== undefined) codingsQuery = codingsQuery.where('start_offset', '<', end);
    const [codings, segmentCount] = await Promise.all([
      codingsQuery.execute(),
      opening === undefined ? segments.length : ctx.db.selectFrom('segments').select((eb) => eb.fn.countAll<number>().as('n')).where('revision_id', '=', revId).executeTakeFirstOrThrow().then((r) => Number(r.n)),
    ]);
    const detail: DocumentDetail = {
      ...summary,
      text: opening === undefined ? revision.text : revision.text.slice(0, end),
      segments: segments.map((s) => ({
        start: s.start_offset,
        end: s.end_offset,
        kind: s.kind as SegmentKind,
        speaker: s.speaker,
        timestamp: s.timestamp,
        asides: (JSON.parse(s.asides) as [number, number][]).map(([start, end]) => ({ start, end })),
      })),
      codings: codings.map(toDocumentCoding),
      speakers: speakers.map(([speaker, caseId]) => ({ speaker, caseId })),
      attributes: attributes.get(id) ?? {},
      ...(opening === undefined ? {} : { opening: { end, segmentCount } }),
    };
    return detail;
  },

  'documents.create': async (ctx, input) => {
    const id = await createDocument(ctx, {
      ...input,
      text: input.format === 'markdown' ? markdownToText(input.text) : input.text,
    });
    ctx.describe(summary('documents.add', { title: input.title }));
    return summaryOf(ctx, id);
  },

  'documents.update': async (ctx, { id, date, interviewerIds, sourceFileName, title, kind, language, caseIds, attributes, quoteKey }) => {
    const patch: Partial<DocumentRow> = {};
    if (quoteKey !== undefined) {
      checkDocumentKey(ctx, id, quoteKey);
      patch.quote_key = quoteKey;
    }
    if (title !== undefined) patch.title = title;
    if (kind !== undefined) patch.kind = kind;
    if (language !== undefined) patch.language = language;
    if (date !== undefined) Object.assign(patch, fromDate(date));
    if (sourceFileName !== undefined) patch.source_file_name = sourceFileName;
    if (interviewerIds !== undefined) {
      await checkMembers(ctx, interviewerIds);
      patch.interviewer_ids = JSON.stringify(interviewerIds);
    }
    const changesBefore = ctx.write.changeCount;
    const row = ctx.write.update('documents', id, patch);
    if (caseIds !== undefined) {
      const links = ctx.raw.prepare('SELECT id, case_id FROM document_cases WHERE document_id = ?').all(id) as { id: string; case_id: string }[];
      for (const link of links) if (!caseIds.includes(link.case_id)) ctx.write.delete('document_cases', link.id);
      for (const caseId of caseIds) linkCase(ctx, id, caseId);
    }
    for (const [attributeId, value] of Object.entries(attributes ?? {})) setAttributeValue(ctx, 'document', attributeId, id, value);
    // Saving unchanged details is no change at all: no new time stamp, nothing to undo.
    if (ctx.write.changeCount > changesBefore) ctx.write.update('documents', id, { updated_at: now() });
    ctx.describe(summary('documents.update', { title: row.title }));
    return summaryOf(ctx, id);
  },

  'documents.revise': async (ctx, { id, text: rawText, note }) => {
    const old = currentRevision(ctx, id);
    const text = normalizeText(rawText);
    if (text === old.text) return { document: await summaryOf(ctx, id), codings: { intact: 0, moved: 0, needsReview: 0 } };
    const at = now();
    const revisionId = uuidv7();
    ctx.write.insert('revisions', { id: revisionId, document_id: id, number: old.number + 1, text, length: text.length, note: note ?? null, created_at: at, created_by: ctx.actor.id });
    const document = ctx.write.update('documents', id, { current_revision_id: revisionId, updated_at: at });
    const codings = await ctx.db.selectFrom('codings').selectAll().where('document_id', '=', id).orderBy('start_offset').execute();
    const results = reanchor(old.text, text, codings.map((c) => ({ start: c.start_offset, end: c.end_offset })));
    const tally = { intact: 0, moved: 0, needsReview: 0 };
    codings.forEach((coding, i) => {
      const r = results[i]!;
      const found = r.status !== 'needs_review';
      if (r.status === 'intact') tally.intact++;
      else if (r.status === 'moved') tally.moved++;
      else tally.needsReview++;
      ctx.write.update('codings', coding.id, {
        revision_id: revisionId,
        // A flagged coding keeps the words it was made on, so the reviewer sees what was meant;
        // its range is the diff's best guess and may be empty if the passage vanished.
        quote: found && coding.quote === null ? null : (coding.quote ?? old.text.slice(coding.start_offset, coding.end_offset)),
        start_offset: r.start,
        end_offset: r.end,
        status: found ? coding.status : 'needs_review',
        updated_at: at,
      });
    });
    ctx.describe(summary('documents.revise', { title: document.title, count: tally.needsReview }));
    return { document: await summaryOf(ctx, id), codings: tally };
  },

  'documents.revisions': async (ctx, { id }) => {
    const rows = await ctx.db
      .selectFrom('revisions')
      .select(['id', 'document_id', 'number', 'length', 'note', 'created_at', 'created_by'])
      .where('document_id', '=', id)
      .orderBy('number', 'desc')
      .execute();
    if (rows.length === 0) throw notFound('This document', id);
    return rows.map((r): Revision => ({ id: r.id, documentId: r.document_id, number: r.number, length: r.length, note: r.note, createdAt: r.created_at, createdBy: r.created_by }));
  },

  'documents.delete': async (ctx, { id, cascade }) => {
    const document = ctx.write.read('documents', id);
    const codingIds = ctx.raw.prepare('SELECT id FROM codings WHERE document_id = ?').pluck().all(id) as string[];
    if (codingIds.length > 0 && !cascade) {
      throw new QuireError('conflict', `"${document.title}" has ${codingIds.length} codings. Delete it together with its codings, or keep it.`, { codings: codingIds.length });
    }
    const memoIds = ctx.raw
      .prepare(
        "SELECT id FROM memos WHERE (target_type = 'document' AND target_id = ?) OR (target_type = 'coding' AND target_id IN (SELECT id FROM codings WHERE document_id = ?))",
      )
      .pluck()
      .all(id, id) as string[];
    for (const memoId of memoIds) ctx.write.delete('memos', memoId);
    for (const codingId of codingIds) deleteCoding(ctx, codingId);
    for (const table of ['document_cases', 'speaker_links'] as const) {
      for (const linkId of ctx.raw.prepare(`SELECT id FROM ${table} WHERE document_id = ?`).pluck().all(id) as string[]) ctx.write.delete(table, linkId);
    }
    clearAttributeValues(ctx, id);
    for (const originalId of ctx.raw.prepare('SELECT id FROM originals WHERE document_id = ?').pluck().all(id) as string[]) ctx.write.delete('originals', originalId);
    for (const revisionId of ctx.raw.prepare('SELECT id FROM revisions WHERE document_id = ? ORDER BY number DESC').pluck().all(id) as string[]) {
      ctx.write.delete('revisions', revisionId);
    }
    ctx.write.delete('documents', id);
    ctx.describe(summary('documents.delete', { title: document.title }));
    return { deletedCodings: codingIds.length };
  },

  'documents.linkCase': async (ctx, { documentId, caseId }) => {
    ctx.write.read('documents', documentId);
    linkCase(ctx, documentId, caseId);
    ctx.describe(summary('documents.linkCase'));
    return null;
  },

  'documents.unlinkCase': async (ctx, { documentId, caseId }) => {
    const id = ctx.raw.prepare('SELECT id FROM document_cases WHERE document_id = ? AND case_id = ?').pluck().get(documentId, caseId) as string | undefined;
    if (id) ctx.write.delete('document_cases', id);
    ctx.describe(summary('documents.unlinkCase'));
    return null;
  },

  'documents.speakers': async (ctx, { id }) => documentSpeakers(ctx, id),

  'documents.linkSpeaker': async (ctx, { documentId, speaker, caseId }) => {
    const document = ctx.write.read('documents', documentId);
    linkSpeaker(ctx, documentId, speaker, caseId);
    // Names, not ids: the undo notice and the history say what was linked where.
    ctx.describe(
      caseId === null
        ? summary('documents.unlinkSpeaker', { speaker, title: document.title })
        : summary('documents.linkSpeaker', { speaker, title: document.title, case: ctx.write.read('cases', caseId).name }),
    );
    return null;
  },
};
