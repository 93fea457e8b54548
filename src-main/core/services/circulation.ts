/**
 * Circulation: a member's unread documents and codings from other teams, and marking them read.
 * "Unread" is computed, not stored: an item of another team's member that no read mark covers (the
 * member's watermark, an item's own mark, or a document's mark for its codings), so a mark for
 * everything is one row at any scale, and the counts are a few index ranges (migration 10).
 */
import { summary } from '../../../src-shared/model/summaries';
import type { ReadTarget, Unread, UnreadItem } from '../../../src-shared/contract/circulation';
import { uuidv7 } from '../../../src-shared/model/ids';
import type { ReadMarkRow } from '../db/schema';
import { revisionText } from '../db/revision-texts';
import { statement } from '../db/statements';
import type { MutationContext, QueryContext, SomeHandlers } from '../context';
import { now } from './map';

/** How much of a coding's words an unread list shows. */
const QUOTE = 200;

/**
 * The members of other teams than `:me`'s. A member without a team counts members with a team as
 * other teams, and no one else.
 */
const PRELUDE = `WITH me AS (SELECT team FROM members WHERE id = :me),
  others AS (SELECT id FROM members WHERE id <> :me AND team IS NOT (SELECT team FROM me))`;

/**
 * Unread codings (`c`) after the watermark `:since`, under {@link PRELUDE}. Once a member has a
 * watermark, the codings after it are a range of `codings_created` (without statistics SQLite
 * would rather walk every coding in code order); before, they are every coding of the others.
 */
const unreadCodings = (watermark: boolean) => `FROM codings c ${watermark ? 'INDEXED BY codings_created' : ''}
  WHERE c.created_at > :since AND c.coder_id IN (SELECT id FROM others)
    AND NOT EXISTS (SELECT 1 FROM read_marks r WHERE r.member_id = :me AND r.kind = 'coding' AND r.target_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM read_marks r WHERE r.member_id = :me AND r.kind = 'document-codings' AND r.target_id = c.document_id AND r.read_at >= c.created_at)`;

/** Unread documents (`d`) after the watermark `:since`, under {@link PRELUDE}. */
const unreadDocuments = (watermark: boolean) => `FROM documents d ${watermark ? 'INDEXED BY documents_created' : ''}
  WHERE d.created_at > :since AND d.created_by IN (SELECT id FROM others)
    AND NOT EXISTS (SELECT 1 FROM read_marks r WHERE r.member_id = :me AND r.kind = 'document' AND r.target_id = d.id)`;

/** The member and their watermark (everything added up to it is read; '' before the first). */
interface Reader {
  readonly me: string;
  readonly since: string;
}

function readerOf(ctx: QueryContext, member: string): Reader {
  const since = statement(ctx.raw, "SELECT read_at FROM read_marks WHERE member_id = ? AND kind = 'all' AND target_id = ''").pluck().get(member) as string | undefined;
  return { me: member, since: since ?? '' };
}

interface ItemRow {
  kind: 'document' | 'coding';
  id: string;
  document_id: string;
  document_title: string;
  code_id: string | null;
  code_name: string | null;
  revision_id: string | null;
  start_offset: number | null;
  end_offset: number | null;
  stored_quote: string | null;
  person_id: string;
  person_name: string;
  team: string | null;
  created_at: string;
}

function quoteOf(ctx: QueryContext, r: ItemRow): string | null {
  if (r.kind === 'document') return null;
  const words = r.stored_quote ?? (revisionText(ctx.raw, r.revision_id!) ?? '').slice(r.start_offset!, r.end_offset!);
  return words.length > QUOTE ? `${words.slice(0, QUOTE)}…` : words;
}

/** What `member` has not read, with the items of one document or code (or all), newest first. */
export function unread(ctx: QueryContext, member: string, filter: { documentId?: string | undefined; codeId?: string | undefined; limit: number }): Unread {
  const me = readerOf(ctx, member);
  const UNREAD_CODINGS = unreadCodings(me.since !== '');
  const UNREAD_DOCUMENTS = unreadDocuments(me.since !== '');
  const team = (statement(ctx.raw, 'SELECT team FROM members WHERE id = ?').pluck().get(member) as string | null | undefined) ?? null;
  const codingCounts = statement(ctx.raw, `${PRELUDE} SELECT c.document_id, c.code_id, count(*) AS n ${UNREAD_CODINGS} GROUP BY c.document_id, c.code_id`).all(me) as {
    document_id: string;
    code_id: string;
    n: number;
  }[];
  const documents = statement(ctx.raw, `${PRELUDE} SELECT d.id ${UNREAD_DOCUMENTS}`).pluck().all(me) as string[];
  const perDocument = new Map<string, { document: boolean; codings: number }>(documents.map((id) => [id, { document: true, codings: 0 }]));
  const perCode = new Map<string, number>();
  for (const r of codingCounts) {
    const d = perDocument.get(r.document_id) ?? { document: false, codings: 0 };
    perDocument.set(r.document_id, { ...d, codings: d.codings + r.n });
    perCode.set(r.code_id, (perCode.get(r.code_id) ?? 0) + r.n);
  }
  const titles = new Map(
    statement(ctx.raw, 'SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify([...perDocument.keys()])) as [string, string][],
  );
  const scope = { ...me, document: filter.documentId ?? null, code: filter.codeId ?? null, limit: filter.limit };
  const rows = statement(
    ctx.raw,
    `${PRELUDE}
     SELECT 'coding' AS kind, c.id, c.document_id, c.code_id, c.revision_id, c.start_offset, c.end_offset, c.quote AS stored_quote, c.coder_id AS person_id, c.created_at ${UNREAD_CODINGS}
       AND (:document IS NULL OR c.document_id = :document) AND (:code IS NULL OR c.code_id = :code)
     UNION ALL
     SELECT 'document', d.id, d.id, NULL, NULL, NULL, NULL, NULL, d.created_by, d.created_at ${UNREAD_DOCUMENTS}
       AND (:document IS NULL OR d.id = :document) AND :code IS NULL
     ORDER BY created_at DESC, id DESC LIMIT :limit`,
  ).all(scope) as Omit<ItemRow, 'document_title' | 'code_name' | 'person_name' | 'team'>[];
  const people = new Map((statement(ctx.raw, 'SELECT id, name, team FROM members').all() as { id: string; name: string; team: string | null }[]).map((m) => [m.id, m]));
  const codeNames = new Map(statement(ctx.raw, 'SELECT id, name FROM codes').raw().all() as [string, string][]);
  const items = rows.map((r): UnreadItem => {
    const person = people.get(r.person_id);
    const full: ItemRow = { ...r, document_title: titles.get(r.document_id) ?? '', code_name: r.code_id ? (codeNames.get(r.code_id) ?? '') : null, person_name: person?.name ?? '', team: person?.team ?? null };
    return {
      kind: r.kind,
      id: r.id,
      documentId: r.document_id,
      documentTitle: full.document_title,
      codeId: r.code_id,
      codeName: full.code_name,
      quote: quoteOf(ctx, full),
      personId: r.person_id,
      personName: full.person_name,
      team: full.team,
      createdAt: r.created_at,
    };
  });
  return {
    team,
    documents: documents.length,
    codings: codingCounts.reduce((n, r) => n + r.n, 0),
    byDocument: [...perDocument].map(([documentId, d]) => ({ documentId, title: titles.get(documentId) ?? '', ...d })).sort((a, b) => a.title.localeCompare(b.title)),
    byCode: [...perCode].map(([codeId, codings]) => ({ codeId, codings })),
    items,
  };
}

/** The member's mark of `kind` on `target`, written or moved to now. */
function mark(ctx: MutationContext, kind: ReadMarkRow['kind'], target: string, at: string): void {
  const existing = statement(ctx.raw, 'SELECT id FROM read_marks WHERE member_id = ? AND kind = ? AND target_id = ?').pluck().get(ctx.actor.id, kind, target) as string | undefined;
  if (existing) ctx.write.update('read_marks', existing, { read_at: at });
  else ctx.write.insert('read_marks', { id: uuidv7(), member_id: ctx.actor.id, kind, target_id: target, read_at: at });
}

const count = (ctx: QueryContext, sql: string, params: object): number => statement(ctx.raw, sql).pluck().get(params) as number;

/** Marks what `target` names as read and says how many unread items that was. */
function markRead(ctx: MutationContext, target: ReadTarget): number {
  const me = readerOf(ctx, ctx.actor.id);
  const UNREAD_CODINGS = unreadCodings(me.since !== '');
  const UNREAD_DOCUMENTS = unreadDocuments(me.since !== '');
  const at = now();
  if (target.kind === 'all') {
    const total = count(ctx, `${PRELUDE} SELECT (SELECT count(*) ${UNREAD_CODINGS}) + (SELECT count(*) ${UNREAD_DOCUMENTS})`, me);
    if (total === 0) return 0;
    // The watermark covers every item marked one by one so far.
    for (const id of statement(ctx.raw, "SELECT id FROM read_marks WHERE member_id = ? AND kind <> 'all'").pluck().all(me.me) as string[]) ctx.write.delete('read_marks', id);
    mark(ctx, 'all', '', at);
    return total;
  }
  if (target.kind === 'coding') {
    ctx.write.read('codings', target.id);
    if (count(ctx, `${PRELUDE} SELECT count(*) ${UNREAD_CODINGS} AND c.id = :id`, { ...me, id: target.id }) === 0) return 0;
    mark(ctx, 'coding', target.id, at);
    return 1;
  }
  ctx.write.read('documents', target.id);
  const document = count(ctx, `${PRELUDE} SELECT count(*) ${UNREAD_DOCUMENTS} AND d.id = :id`, { ...me, id: target.id });
  if (document > 0) mark(ctx, 'document', target.id, at);
  if (target.kind === 'document') return document;
  const codings = count(ctx, `${PRELUDE} SELECT count(*) ${UNREAD_CODINGS} AND c.document_id = :id`, { ...me, id: target.id });
  if (codings > 0) mark(ctx, 'document-codings', target.id, at);
  return document + codings;
}

export const circulationHandlers: SomeHandlers<'circulation.unread' | 'circulation.markRead'> = {
  'circulation.unread': async (ctx, filter) => unread(ctx, ctx.actor.id, filter),

  'circulation.markRead': async (ctx, target) => {
    const marked = markRead(ctx, target);
    if (marked > 0) {
      // Personal bookkeeping, not work on the project: Ctrl+Z skips it.
      ctx.raw.prepare('UPDATE operations SET final = 1 WHERE seq = ?').run(ctx.operationSeq);
      ctx.describe(summary('circulation.markRead', { count: marked }));
    }
    return { marked };
  },
};
