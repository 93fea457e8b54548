/**
 * The codebook's history, derived from the change log rather than kept beside it: the row changes
 * of `codes` (before/after images) of operations that are still done, the codings a merge or split
 * moved, and, for a meeting's decision, the agenda item the same operation wrote (its meeting and
 * note). Rows deleted since (a meeting, an item) are read back from their delete images.
 */
import { readSummary, summaryText } from '../../../src-shared/model/summaries';
import type { SummaryLanguage } from '../../../src-shared/model/summaries';
import type { CodeFieldChange, CodeHistoryAction, CodeHistoryEntry, CodeHistoryField, CodeHistoryMeeting } from '../../../src-shared/contract/codebook-history';
import type { CodeRow, MeetingItemRow, MeetingRow } from '../db/schema';
import type { QueryContext } from '../context';
import { statement } from '../db/statements';
import { lastDeleteImage } from '../db/delete-images';

/** Only operations still in effect: undone work is not history (a redo puts it back). */
const IN_EFFECT = `o.kind = 'do' AND o.state = 'done'`;

/** Code columns shown as fields; `parent_id` is shown as the parent's name. */
const COLUMN_FIELD: Readonly<Record<string, CodeHistoryField>> = {
  name: 'name',
  color: 'color',
  parent_id: 'parent',
  definition: 'definition',
  inclusion: 'inclusion',
  exclusion: 'exclusion',
  example: 'example',
};

interface OperationInfo {
  seq: number;
  id: string;
  at: string;
  actor_id: string;
  actor_name: string | null;
  method: string;
  summary: string;
  summary_key: string | null;
  summary_values: string | null;
  outcome: string | null;
}

interface CodeChange {
  op_seq: number;
  row_id: string;
  kind: 'insert' | 'update' | 'delete';
  before: string | null;
  after: string | null;
}

type Image = Partial<Record<keyof CodeRow, unknown>>;
const parse = (image: string | null): Image => (image === null ? {} : (JSON.parse(image) as Image));

/** A row as it is now, or as its last delete image left it. */
export function rowOrImage<R>(ctx: QueryContext, table: 'codes' | 'meetings' | 'meeting_items', id: string): { row: R; exists: boolean } | null {
  const row = statement(ctx.raw, `SELECT * FROM ${table} WHERE id = ?`).get(id) as R | undefined;
  if (row) return { row, exists: true };
  const image = lastDeleteImage<R>(ctx.raw, table, id);
  return image ? { row: image, exists: false } : null;
}

/** The meeting whose decision an operation was: the agenda item it wrote, and that item's meeting. */
function meetingOf(ctx: QueryContext, seq: number): CodeHistoryMeeting | null {
  const change = statement(ctx.raw, "SELECT row_id, after FROM changes WHERE op_seq = ? AND tbl = 'meeting_items' ORDER BY ord LIMIT 1").get(seq) as
    | { row_id: string; after: string | null }
    | undefined;
  if (!change) return null;
  const item = rowOrImage<MeetingItemRow>(ctx, 'meeting_items', change.row_id);
  const decided = parse(change.after) as Partial<MeetingItemRow>;
  const meeting = item ? rowOrImage<MeetingRow>(ctx, 'meetings', item.row.meeting_id) : null;
  if (!item || !meeting) return null;
  return {
    id: meeting.row.id,
    title: meeting.row.title,
    team: meeting.row.team,
    heldAt: meeting.row.held_at,
    outcome: decided.outcome ?? item.row.outcome,
    // The note as decided; deciding again with the same note leaves it out of the image.
    note: decided.note ?? item.row.note,
    exists: meeting.exists,
  };
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** The history of one code or of every code, newest first. */
export function codeHistory(ctx: QueryContext, options: { readonly codeId?: string | undefined; readonly limit?: number }): CodeHistoryEntry[] {
  const codeId = options.codeId ?? null;
  const changes = statement(
    ctx.raw,
    `SELECT c.op_seq, c.row_id, c.kind, c.before, c.after FROM changes c JOIN operations o ON o.seq = c.op_seq
     WHERE c.tbl = 'codes' AND (:code IS NULL OR c.row_id = :code) AND ${IN_EFFECT} ORDER BY c.op_seq, c.ord`,
  ).all({ code: codeId }) as CodeChange[];
  // Codings moved from one code to another by a merge or a split (also when a meeting decided it).
  const moves = statement(
    ctx.raw,
    `SELECT o.seq, json_extract(c.before, '$.code_id') AS from_id, json_extract(c.after, '$.code_id') AS to_id, count(*) AS n
     FROM operations o JOIN changes c ON c.op_seq = o.seq AND c.tbl = 'codings' AND c.kind = 'update'
     WHERE ${IN_EFFECT} AND (o.method IN ('codes.merge', 'codes.split') OR (o.method = 'meetings.decide' AND json_extract(o.input, '$.outcome') IN ('merge', 'split')))
       AND json_extract(c.after, '$.code_id') IS NOT NULL
     GROUP BY o.seq, from_id, to_id`,
  ).all() as { seq: number; from_id: string; to_id: string; n: number }[];

  // Merges by their input, so a target shows what it received even from a code without codings.
  const merges = statement(
    ctx.raw,
    `SELECT o.seq, json_extract(o.input, '$.sourceId') AS source_id, json_extract(o.input, '$.targetId') AS target_id FROM operations o
     WHERE ${IN_EFFECT} AND (o.method = 'codes.merge' OR (o.method = 'meetings.decide' AND json_extract(o.input, '$.outcome') = 'merge'))
       AND (:code IS NULL OR json_extract(o.input, '$.targetId') = :code)`,
  ).all({ code: codeId }) as { seq: number; source_id: string; target_id: string }[];

  const seqs = [...new Set([...changes.map((c) => c.op_seq), ...moves.map((m) => m.seq), ...merges.map((m) => m.seq)])];
  const operations = new Map(
    (
      statement(
        ctx.raw,
        `SELECT o.seq, o.id, o.at, o.actor_id, m.name AS actor_name, o.method, o.summary, o.summary_key, o.summary_values, json_extract(o.input, '$.outcome') AS outcome
         FROM operations o LEFT JOIN members m ON m.id = o.actor_id WHERE o.seq IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(seqs)) as OperationInfo[]
    ).map((o) => [o.seq, o]),
  );

  // Names of codes, deleted ones included, for parents and the other side of a merge or split.
  const names = new Map<string, string>();
  const nameOf = (id: string | null): string | null => {
    if (id === null) return null;
    if (!names.has(id)) names.set(id, rowOrImage<CodeRow>(ctx, 'codes', id)?.row.name ?? '');
    return names.get(id)!;
  };
  const valueOf = (column: string, value: unknown): string | null => (column === 'parent_id' ? nameOf(text(value)) : text(value));

  // Each code's state walked back from now through the updates, so its creation shows what it began with.
  const state = new Map<string, Image>();
  const stateOf = (id: string): Image => {
    if (!state.has(id)) state.set(id, { ...(rowOrImage<CodeRow>(ctx, 'codes', id)?.row ?? {}) });
    return state.get(id)!;
  };

  const entries: CodeHistoryEntry[] = [];
  const entry = (seq: number, code: string, action: CodeHistoryAction, fields: CodeFieldChange[], other: { id: string; codings: number } | null = null) => {
    const op = operations.get(seq)!;
    const meeting = op.method === 'meetings.decide' ? meetingOf(ctx, seq) : null;
    entries.push({
      operationId: op.id,
      seq,
      at: op.at,
      actorId: op.actor_id,
      actorName: op.actor_name ?? '',
      method: op.method,
      summary: op.summary || op.method,
      described: readSummary(op.summary_key, op.summary_values),
      codeId: code,
      codeName: nameOf(code) ?? '',
      action,
      fields,
      otherCodeId: other?.id ?? null,
      otherCodeName: other ? nameOf(other.id) : null,
      codings: other?.codings ?? 0,
      meeting,
      reason: meeting?.note.trim() || op.summary || op.method,
    });
  };

  const mergeTarget = (seq: number, source: string): { id: string; codings: number } | null => {
    const op = operations.get(seq)!;
    if (op.method !== 'codes.merge' && op.outcome !== 'merge') return null;
    const moved = moves.filter((m) => m.seq === seq && m.from_id === source);
    const input = statement(ctx.raw, "SELECT json_extract(input, '$.targetId') FROM operations WHERE seq = ?").pluck().get(seq) as string | null;
    const target = input ?? moved[0]?.to_id ?? null;
    return target ? { id: target, codings: moved.reduce((n, m) => n + m.n, 0) } : null;
  };

  for (const change of [...changes].reverse()) {
    const current = stateOf(change.row_id);
    if (change.kind === 'update') {
      const before = parse(change.before);
      const after = parse(change.after);
      Object.assign(current, before);
      const fields = Object.keys(after)
        .filter((column) => column in COLUMN_FIELD)
        .map((column): CodeFieldChange => ({ field: COLUMN_FIELD[column]!, before: valueOf(column, before[column as keyof CodeRow]), after: valueOf(column, after[column as keyof CodeRow]) }));
      const archived = 'archived' in after ? (after.archived === 1 ? 'archived' : 'restored') : null;
      // Reordering among siblings is not a change of the codebook.
      if (fields.length === 0 && archived === null) continue;
      const only = (field: CodeHistoryField) => fields.length === 1 && fields[0]!.field === field;
      entry(change.op_seq, change.row_id, archived ?? (only('parent') ? 'moved' : only('name') ? 'renamed' : 'edited'), fields);
    } else if (change.kind === 'insert') {
      const fields = Object.entries(COLUMN_FIELD)
        .map(([column, field]): CodeFieldChange => ({ field, before: null, after: valueOf(column, current[column as keyof CodeRow]) }))
        .filter((f) => f.after !== null && f.after !== '');
      entry(change.op_seq, change.row_id, 'created', fields);
    } else {
      const target = mergeTarget(change.op_seq, change.row_id);
      entry(change.op_seq, change.row_id, target ? 'merged-into' : 'deleted', [], target);
    }
  }

  const movedBy = (seq: number, from: string) => moves.filter((m) => m.seq === seq && m.from_id === from).reduce((n, m) => n + m.n, 0);
  for (const merge of merges) entry(merge.seq, merge.target_id, 'merged-from', [], { id: merge.source_id, codings: movedBy(merge.seq, merge.source_id) });
  for (const move of moves) {
    const op = operations.get(move.seq)!;
    if (op.method === 'codes.merge' || op.outcome === 'merge') continue;
    if (codeId === null || codeId === move.from_id) entry(move.seq, move.from_id, 'split-into', [], { id: move.to_id, codings: move.n });
    if (codeId === null || codeId === move.to_id) entry(move.seq, move.to_id, 'split-from', [], { id: move.from_id, codings: move.n });
  }

  // Newest first; within one operation a code's creation comes last (it happened first).
  const created = (e: CodeHistoryEntry) => (e.action === 'created' ? 1 : 0);
  return entries.sort((a, b) => b.seq - a.seq || created(a) - created(b) || a.codeName.localeCompare(b.codeName)).slice(0, options.limit ?? entries.length);
}

/**
 * An entry's summary in the export's language, and so its reason where no meeting's note gives one.
 * An operation stored without a key keeps its English.
 */
export function historyInLanguage(e: CodeHistoryEntry, language: SummaryLanguage): CodeHistoryEntry {
  if (!e.described || language === 'en') return e;
  const summary = summaryText(e.described, language);
  return { ...e, summary, reason: e.meeting?.note.trim() ? e.reason : summary };
}
