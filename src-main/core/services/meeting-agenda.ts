/**
 * "New since last meeting": agenda candidates read from the change log, and the agenda targets
 * (a coding, document or memo) as meetings show them.
 */
import type { AgendaCandidate, AgendaGroup, AgendaKind, AgendaProposal, AgendaTarget } from '../../../src-shared/contract/meetings';
import type { CodingRow, DocumentRow, MeetingRow, MemoRow } from '../db/schema';
import type { QueryContext } from '../context';
import { statement } from '../db/statements';
import { codebookRows } from './codebook';
import { withText } from './codings';

/** A reference to what an agenda item is about. */
export interface TargetRef {
  readonly kind: AgendaKind;
  readonly targetId: string;
}

export const refKey = (ref: TargetRef): string => `${ref.kind}:${ref.targetId}`;


/** Rows of `table` by id, read through one JSON parameter (no limit on how many). */
function rowsById<R>(ctx: QueryContext, table: 'codings' | 'documents' | 'memos', ids: readonly string[]): Map<string, R> {
  if (ids.length === 0) return new Map();
  const rows = ctx.raw.prepare(`SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as (R & { id: string })[];
  return new Map(rows.map((r) => [r.id, r]));
}

function namesOf(ctx: QueryContext, table: 'members' | 'codes'): Map<string, string> {
  return new Map(ctx.raw.prepare(`SELECT id, name FROM ${table}`).raw().all() as [string, string][]);
}

const GONE = { exists: false, label: '', quote: null, contextBefore: '', contextAfter: '', codeId: null, documentId: null, documentTitle: null, personId: null, personName: null } as const;
const MEMO_QUOTE = 500;

/** The targets of `refs` as an agenda shows them, keyed by {@link refKey}. */
export function describeTargets(ctx: QueryContext, refs: readonly TargetRef[]): Map<string, AgendaTarget> {
  const ids = (kind: AgendaKind) => refs.filter((r) => r.kind === kind).map((r) => r.targetId);
  const codings = rowsById<CodingRow>(ctx, 'codings', ids('coding'));
  const memos = rowsById<MemoRow>(ctx, 'memos', ids('memo'));
  const documents = rowsById<DocumentRow>(ctx, 'documents', [...ids('document'), ...[...codings.values()].map((c) => c.document_id)]);
  const members = namesOf(ctx, 'members');
  const codes = namesOf(ctx, 'codes');
  // A revision at a time, so each text is read once however many of its codings are described.
  const byRevision = [...codings.values()].sort((a, b) => a.revision_id.localeCompare(b.revision_id));
  const texts = new Map(withText(ctx, byRevision).map((c) => [c.id, c]));
  const person = (id: string) => ({ personId: id, personName: members.get(id) ?? null });
  const out = new Map<string, AgendaTarget>();
  for (const ref of refs) {
    const base = { kind: ref.kind, targetId: ref.targetId };
    const coding = ref.kind === 'coding' ? texts.get(ref.targetId) : undefined;
    const document = ref.kind === 'document' ? documents.get(ref.targetId) : undefined;
    const memo = ref.kind === 'memo' ? memos.get(ref.targetId) : undefined;
    let target: AgendaTarget = { ...base, ...GONE };
    if (coding) {
      target = {
        ...base,
        exists: true,
        label: codes.get(coding.codeId) ?? '',
        quote: coding.quote,
        contextBefore: coding.contextBefore,
        contextAfter: coding.contextAfter,
        codeId: coding.codeId,
        documentId: coding.documentId,
        documentTitle: documents.get(coding.documentId)?.title ?? null,
        ...person(coding.coderId),
      };
    } else if (document) {
      target = { ...base, ...GONE, exists: true, label: document.title, documentId: document.id, documentTitle: document.title, ...person(document.created_by) };
    } else if (memo) {
      const quote = memo.text.length > MEMO_QUOTE ? `${memo.text.slice(0, MEMO_QUOTE)}…` : memo.text;
      const label = memo.title.trim() || memo.text.trim().split('\n')[0]!.slice(0, 80);
      target = { ...base, ...GONE, exists: true, label, quote, codeId: memo.target_type === 'code' ? memo.target_id : null, ...person(memo.author_id) };
    }
    out.set(refKey(ref), target);
  }
  return out;
}

export interface AgendaFilters {
  readonly codeIds?: readonly string[] | undefined;
  readonly caseIds?: readonly string[] | undefined;
  readonly coderIds?: readonly string[] | undefined;
  readonly teamMembersOnly: boolean;
}

/** The team's latest meeting before `meeting` (or before now, for a team without a meeting). */
export function previousMeeting(ctx: QueryContext, team: string, before: { heldAt: string; id: string | null }): MeetingRow | null {
  const row = ctx.raw
    .prepare('SELECT * FROM meetings WHERE team = ? AND held_at < ? AND id IS NOT ? ORDER BY held_at DESC, id DESC LIMIT 1')
    .get(team, before.heldAt, before.id) as MeetingRow | undefined;
  return row ?? null;
}

/** Ids of `roots` and everything under them in a tree table. */
function subtree(ctx: QueryContext, table: 'codes' | 'cases', roots: readonly string[]): Set<string> {
  return new Set(
    ctx.raw
      .prepare(`WITH RECURSIVE sub(id) AS (SELECT value FROM json_each(?) UNION SELECT t.id FROM ${table} t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub`)
      .pluck()
      .all(JSON.stringify(roots)) as string[],
  );
}

/** What a candidate is, enough to filter and group it before its words are read. */
interface Touched {
  readonly kind: AgendaKind;
  readonly targetId: string;
  readonly codeId: string | null;
  readonly added: boolean;
  readonly at: string;
}

/**
 * Operations whose changes count as new: still done (undone work does not count; redone work
 * counts again), not the reanchoring of codings by a document's revision, and not the meeting
 * decisions themselves. `c` is the change, `o` its operation.
 */
const COUNTED = `c.op_seq >= :fromSeq AND o.kind = 'do' AND o.state = 'done' AND o.at > :since AND o.method NOT LIKE 'meetings.%' AND o.method NOT IN ('documents.revise', 'documents.delete')`;

/**
 * Where the changes since `since` begin in the log (`operations_at`, migration 10), and how to
 * reach them: a week's changes are a range of the log's key, not a walk through every change ever
 * made to the table (`+c.tbl` keeps SQLite off the per-table index then); everything is a walk
 * through the table's changes. Null when nothing happened since.
 */
function logRange(ctx: QueryContext, since: string | null): { fromSeq: number; table: string } | null {
  if (since === null) return { fromSeq: 0, table: 'c.tbl' };
  const fromSeq = statement(ctx.raw, 'SELECT min(seq) FROM operations WHERE at > ?').pluck().get(since) as number | null;
  return fromSeq === null ? null : { fromSeq, table: '+c.tbl' };
}

/**
 * Codings added or changed since `since` (a change of code, extent or comment, not bookkeeping
 * like `updated_at`) that pass the filters, ranked per code oldest first: the first `perGroup` of
 * each code and those already on the agenda, each with its code's total. Filtering, counting and
 * ranking stay in SQL so programme scale (100,000 codings, a team that never met) never reaches
 * JavaScript row by row.
 */
function touchedCodings(ctx: QueryContext, since: string | null, scope: Scope, perGroup: number, onAgenda: readonly string[]): (Touched & { total: number })[] {
  const range = logRange(ctx, since);
  if (!range) return [];
  const list = (set: ReadonlySet<string> | null) => (set ? JSON.stringify([...set]) : null);
  const rows = statement(
    ctx.raw,
    `WITH t AS (
       SELECT c.row_id, max(c.kind = 'insert') AS added, max(o.at) AS at, min(o.seq) AS seq FROM changes c JOIN operations o ON o.seq = c.op_seq
       WHERE ${range.table} = 'codings' AND ${COUNTED} AND (c.kind = 'insert' OR (c.kind = 'update'
         AND EXISTS (SELECT 1 FROM json_each(c.after) WHERE key IN ('code_id', 'start_offset', 'end_offset', 'comment'))))
       GROUP BY c.row_id),
     candidates AS (
       SELECT t.row_id AS targetId, k.code_id AS codeId, t.added, t.at, t.seq FROM t JOIN codings k ON k.id = t.row_id
       WHERE (:codes IS NULL OR k.code_id IN (SELECT value FROM json_each(:codes)))
         AND (:documents IS NULL OR k.document_id IN (SELECT value FROM json_each(:documents)))
         AND (:coders IS NULL OR k.coder_id IN (SELECT value FROM json_each(:coders)))),
     ranked AS (
       SELECT *, row_number() OVER (PARTITION BY codeId ORDER BY at, seq) AS rank, count(*) OVER (PARTITION BY codeId) AS total FROM candidates)
     SELECT 'coding' AS kind, targetId, codeId, added, at, total FROM ranked
     WHERE rank <= :perGroup OR targetId IN (SELECT value FROM json_each(:onAgenda)) ORDER BY at, seq`,
  ).all({ since: since ?? '', fromSeq: range.fromSeq, codes: list(scope.codes), documents: list(scope.documents), coders: list(scope.coders), perGroup, onAgenda: JSON.stringify(onAgenda) }) as (Omit<Touched, 'added'> & { added: number; total: number })[];
  return rows.map((r) => ({ ...r, added: r.added === 1 }));
}

/** Documents added and memos added or edited since `since` (few: filtered in JavaScript). */
function touchedOthers(ctx: QueryContext, since: string | null): (Touched & { personId: string })[] {
  const range = logRange(ctx, since);
  if (!range) return [];
  const rows = statement(
    ctx.raw,
    `WITH t AS (
       SELECT c.tbl, c.row_id, max(c.kind = 'insert') AS added, max(o.at) AS at, min(o.seq) AS seq FROM changes c JOIN operations o ON o.seq = c.op_seq
       WHERE ${range.table} IN ('documents', 'memos') AND ${COUNTED}
         AND (c.kind = 'insert' OR (c.kind = 'update' AND c.tbl = 'memos' AND EXISTS (SELECT 1 FROM json_each(c.after) WHERE key <> 'updated_at')))
       GROUP BY c.tbl, c.row_id)
     SELECT 'document' AS kind, t.row_id AS targetId, NULL AS codeId, d.created_by AS personId, t.added, t.at, t.seq FROM t JOIN documents d ON d.id = t.row_id WHERE t.tbl = 'documents'
     UNION ALL
     SELECT 'memo', t.row_id, CASE m.target_type WHEN 'code' THEN m.target_id END, m.author_id, t.added, t.at, t.seq FROM t JOIN memos m ON m.id = t.row_id WHERE t.tbl = 'memos'
     ORDER BY at, seq`,
  ).all({ since: since ?? '', fromSeq: range.fromSeq }) as (Omit<Touched, 'added'> & { personId: string; added: number })[];
  return rows.map((r) => ({ ...r, added: r.added === 1 }));
}

/** The filters resolved to sets of ids (null: not filtered). */
interface Scope {
  readonly codes: ReadonlySet<string> | null;
  readonly cases: ReadonlySet<string> | null;
  readonly documents: ReadonlySet<string> | null;
  readonly coders: ReadonlySet<string> | null;
}

function scopeOf(ctx: QueryContext, team: string, filters: AgendaFilters): Scope {
  const codes = filters.codeIds?.length ? subtree(ctx, 'codes', filters.codeIds) : null;
  const cases = filters.caseIds?.length ? subtree(ctx, 'cases', filters.caseIds) : null;
  const documents = cases
    ? new Set(ctx.raw.prepare('SELECT document_id FROM document_cases WHERE case_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify([...cases])) as string[])
    : null;
  let coders = filters.coderIds?.length ? new Set(filters.coderIds) : null;
  if (filters.teamMembersOnly) {
    const members = ctx.raw.prepare('SELECT id FROM members WHERE team = ?').pluck().all(team) as string[];
    coders = new Set(members.filter((m) => coders === null || coders.has(m)));
  }
  return { codes, cases, documents, coders };
}

/** Whether a document or memo passes the filters (each filter that is set must hold). */
function otherFilter(ctx: QueryContext, { codes, cases, documents, coders }: Scope): (t: Touched & { personId: string }) => boolean {
  const codeList = JSON.stringify([...(codes ?? [])]);
  const codedWith = (documentId: string): boolean =>
    statement(ctx.raw, 'SELECT 1 FROM codings WHERE document_id = ? AND code_id IN (SELECT value FROM json_each(?)) LIMIT 1').get(documentId, codeList) !== undefined;
  const memoTarget = (memoId: string) => statement(ctx.raw, 'SELECT target_type, target_id FROM memos WHERE id = ?').get(memoId) as { target_type: string; target_id: string | null };
  return (t) => {
    if (coders && !coders.has(t.personId)) return false;
    if (t.kind === 'document') return (!codes || codedWith(t.targetId)) && (!documents || documents.has(t.targetId));
    if (!codes && !documents) return true;
    const { target_type: type, target_id: id } = memoTarget(t.targetId);
    const coding = type === 'coding' && id ? (statement(ctx.raw, 'SELECT code_id, document_id FROM codings WHERE id = ?').get(id) as { code_id: string; document_id: string } | undefined) : undefined;
    const onCode = type === 'code' ? id : (coding?.code_id ?? null);
    const onDocument = type === 'document' ? id : (coding?.document_id ?? null);
    if (codes && (onCode === null || !codes.has(onCode))) return false;
    if (cases && !((type === 'case' && id !== null && cases.has(id)) || (onDocument !== null && documents!.has(onDocument)))) return false;
    return true;
  };
}

interface Draft {
  readonly key: string;
  readonly kind: AgendaKind;
  readonly label: string;
  readonly codeId: string | null;
  readonly items: readonly Touched[];
  readonly total: number;
}

export interface ProposeInput {
  readonly team: string;
  readonly since: string | null;
  readonly filters: AgendaFilters;
  readonly onAgenda: ReadonlySet<string>;
  /** Candidates shown per group; the rest are counted (`more`), except those already on the agenda. */
  readonly perGroup: number;
}

/**
 * The agenda proposal. Only the candidates shown are described (their words and context read from
 * the revisions): a team that never met would otherwise have every coding of the project read.
 */
export async function proposeAgenda(ctx: QueryContext, input: ProposeInput): Promise<AgendaProposal> {
  const scope = scopeOf(ctx, input.team, input.filters);
  const onAgenda = (item: Touched) => input.onAgenda.has(refKey(item));
  const codings = touchedCodings(ctx, input.since, scope, input.perGroup, [...input.onAgenda].filter((k) => k.startsWith('coding:')).map((k) => k.slice('coding:'.length)));
  const byCode = new Map<string, (Touched & { total: number })[]>();
  for (const c of codings) byCode.set(c.codeId!, [...(byCode.get(c.codeId!) ?? []), c]);
  const others = touchedOthers(ctx, input.since).filter(otherFilter(ctx, scope));
  const drafts: Draft[] = [
    ...(await codebookRows(ctx))
      .filter((code) => byCode.has(code.id))
      .map((code): Draft => ({ key: `code:${code.id}`, kind: 'coding', label: code.name, codeId: code.id, items: byCode.get(code.id)!, total: byCode.get(code.id)![0]!.total })),
    ...(['document', 'memo'] as const)
      .map((kind): Draft => {
        const all = others.filter((o) => o.kind === kind);
        return { key: `${kind}s`, kind, label: kind === 'document' ? 'New documents' : 'Memos', codeId: null, items: all.filter((t, i) => i < input.perGroup || onAgenda(t)), total: all.length };
      })
      .filter((g) => g.total > 0),
  ];
  const targets = describeTargets(ctx, drafts.flatMap((g) => g.items));
  const groups = drafts.map(
    (g): AgendaGroup => ({
      key: g.key,
      kind: g.kind,
      label: g.label,
      codeId: g.codeId,
      candidates: g.items.map((t): AgendaCandidate => ({ ...targets.get(refKey(t))!, change: t.added ? 'added' : 'changed', changedAt: t.at, onAgenda: onAgenda(t) })),
      total: g.total,
      more: g.total - g.items.length,
    }),
  );
  return { team: input.team, since: input.since, groups };
}
