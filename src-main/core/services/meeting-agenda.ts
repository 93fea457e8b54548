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

const TABLE_KIND: Readonly<Record<string, AgendaKind>> = { codings: 'coding', documents: 'document', memos: 'memo' };

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
  const texts = new Map(withText(ctx, [...codings.values()]).map((c) => [c.id, c]));
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

/** Coding columns whose change is worth a second look (not bookkeeping like `updated_at`). */
const CODING_FIELDS = ['code_id', 'start_offset', 'end_offset', 'comment'];

interface Touched {
  added: boolean;
  at: string;
}

/**
 * What the change log says was added or changed since `since`: operations that are still done
 * (undone work does not count; redone work counts again), not the reanchoring of codings by a
 * document's revision, and not the meeting decisions themselves.
 */
function touchedSince(ctx: QueryContext, since: string | null): Map<string, Touched> {
  const rows = ctx.raw
    .prepare(
      `SELECT c.tbl, c.row_id, c.kind, c.after, o.at FROM changes c JOIN operations o ON o.seq = c.op_seq
       WHERE o.kind = 'do' AND o.state = 'done' AND o.at > ? AND c.tbl IN ('codings', 'documents', 'memos')
         AND o.method NOT LIKE 'meetings.%' AND o.method NOT IN ('documents.revise', 'documents.delete')
       ORDER BY o.seq`,
    )
    .all(since ?? '') as { tbl: string; row_id: string; kind: string; after: string | null; at: string }[];
  const touched = new Map<string, Touched>();
  for (const r of rows) {
    if (r.kind === 'delete') continue;
    if (r.kind === 'update') {
      if (r.tbl === 'documents') continue;
      const columns = Object.keys(JSON.parse(r.after ?? '{}') as object);
      if (r.tbl === 'codings' ? !columns.some((c) => CODING_FIELDS.includes(c)) : columns.every((c) => c === 'updated_at')) continue;
    }
    const key = refKey({ kind: TABLE_KIND[r.tbl]!, targetId: r.row_id });
    const before = touched.get(key);
    touched.set(key, { added: (before?.added ?? false) || r.kind === 'insert', at: r.at });
  }
  return touched;
}

/** Whether a target passes the filters (each filter that is set must hold). */
function filterOf(ctx: QueryContext, team: string, filters: AgendaFilters): (t: AgendaTarget) => boolean {
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
  const codeList = JSON.stringify([...(codes ?? [])]);
  const codedWith = (documentId: string): boolean =>
    statement(ctx.raw, 'SELECT 1 FROM codings WHERE document_id = ? AND code_id IN (SELECT value FROM json_each(?)) LIMIT 1').get(documentId, codeList) !== undefined;
  const memoTarget = (memoId: string) => statement(ctx.raw, 'SELECT target_type, target_id FROM memos WHERE id = ?').get(memoId) as { target_type: string; target_id: string | null };
  return (t) => {
    if (coders && (t.personId === null || !coders.has(t.personId))) return false;
    if (t.kind === 'coding') return (!codes || codes.has(t.codeId!)) && (!documents || documents.has(t.documentId!));
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

/** Candidates in groups: codings by code (codebook order), then new documents, then memos. */
function group(codebook: readonly { id: string; name: string }[], candidates: readonly AgendaCandidate[]): AgendaGroup[] {
  const byCode = new Map<string, AgendaCandidate[]>();
  for (const c of candidates.filter((c) => c.kind === 'coding')) byCode.set(c.codeId!, [...(byCode.get(c.codeId!) ?? []), c]);
  return [
    ...codebook
      .filter((code) => byCode.has(code.id))
      .map((code): AgendaGroup => ({ key: `code:${code.id}`, kind: 'coding', label: code.name, codeId: code.id, candidates: byCode.get(code.id)! })),
    ...(['document', 'memo'] as const)
      .map((kind): AgendaGroup => ({ key: `${kind}s`, kind, label: kind === 'document' ? 'New documents' : 'Memos', codeId: null, candidates: candidates.filter((c) => c.kind === kind) }))
      .filter((g) => g.candidates.length > 0),
  ];
}

export interface ProposeInput {
  readonly team: string;
  readonly since: string | null;
  readonly filters: AgendaFilters;
  readonly onAgenda: ReadonlySet<string>;
}

export async function proposeAgenda(ctx: QueryContext, input: ProposeInput): Promise<AgendaProposal> {
  const touched = touchedSince(ctx, input.since);
  const refs = [...touched.keys()].map((key): TargetRef => {
    const [kind, targetId] = key.split(':') as [AgendaKind, string];
    return { kind, targetId };
  });
  const targets = describeTargets(ctx, refs);
  const keep = filterOf(ctx, input.team, input.filters);
  const candidates = refs
    .map((ref) => ({ ref, target: targets.get(refKey(ref))!, change: touched.get(refKey(ref))! }))
    .filter(({ target }) => target.exists && keep(target))
    .map(({ ref, target, change }): AgendaCandidate => ({ ...target, change: change.added ? 'added' : 'changed', changedAt: change.at, onAgenda: input.onAgenda.has(refKey(ref)) }))
    .sort((a, b) => a.changedAt.localeCompare(b.changedAt));
  return { team: input.team, since: input.since, groups: group(await codebookRows(ctx), candidates) };
}
