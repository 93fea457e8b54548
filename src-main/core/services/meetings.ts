/**
 * Weekly meeting review: meetings of a team, their agendas, and the decisions taken on agenda
 * items. A decision that changes the project (recode, refine a definition, split, merge) runs the
 * codings or codebook operation inside the decision's own operation, so one undo takes back both.
 */
import { QuireError } from '../../../src-shared/contract/errors';
import type { DecisionDetails, Meeting, MeetingDecision, MeetingItem, MeetingOutcome, MeetingSummary } from '../../../src-shared/contract/meetings';
import type { ParsedInputOf } from '../../../src-shared/contract';
import { uuidv7 } from '../../../src-shared/model/ids';
import { summary } from '../../../src-shared/model/summaries';
import type { Summary } from '../../../src-shared/model/summaries';
import { renderMinutesMarkdown } from '../../../src-shared/model/minutes';
import type { MeetingItemRow, MeetingRow } from '../db/schema';
import type { MutationContext, QueryContext, SomeHandlers } from '../context';
import { describeTargets, previousMeeting, proposeAgenda, refKey } from './meeting-agenda';
import type { TargetRef } from './meeting-agenda';
import { now } from './map';
import { memberName } from './members';
import { excerptsOfCodings } from './excerpts';
import { MIME_TYPES } from '../export/formats';
import { checkedOverlay, checkLeaks } from './export';

const attendeesOf = (row: MeetingRow): string[] => JSON.parse(row.attendee_ids) as string[];


function meetingRow(ctx: QueryContext, id: string): MeetingRow {
  const row = ctx.raw.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
  if (!row) throw new QuireError('not_found', 'This meeting was not found in the project (it may have been deleted).', { id });
  return row;
}

function itemRows(ctx: QueryContext, meetingId: string): MeetingItemRow[] {
  return ctx.raw.prepare('SELECT * FROM meeting_items WHERE meeting_id = ? ORDER BY ord, id').all(meetingId) as MeetingItemRow[];
}

function toDecision(ctx: QueryContext, row: MeetingItemRow): MeetingDecision | null {
  if (row.outcome === null || row.decided_by === null || row.decided_at === null) return null;
  return {
    outcome: row.outcome as MeetingOutcome,
    note: row.note,
    noteContent: row.note_content,
    details: JSON.parse(row.decision ?? '{}') as DecisionDetails,
    decidedBy: row.decided_by,
    decidedByName: memberName(ctx, row.decided_by) ?? '',
    decidedAt: row.decided_at,
  };
}

const refOf = (row: MeetingItemRow): TargetRef => ({ kind: row.kind as TargetRef['kind'], targetId: row.target_id });
const itemKey = (row: MeetingItemRow): string => refKey(refOf(row));

function toItems(ctx: QueryContext, rows: readonly MeetingItemRow[]): MeetingItem[] {
  const targets = describeTargets(ctx, rows.map(refOf));
  return rows.map((r) => ({ id: r.id, order: r.ord, target: targets.get(itemKey(r))!, decision: toDecision(ctx, r) }));
}

/** A meeting with its attendees, agenda and decisions. */
export function meetingDetail(ctx: QueryContext, id: string): Meeting {
  const row = meetingRow(ctx, id);
  const previous = previousMeeting(ctx, row.team, { heldAt: row.held_at, id: row.id });
  return {
    id: row.id,
    team: row.team,
    heldAt: row.held_at,
    title: row.title,
    attendeeIds: attendeesOf(row),
    attendees: attendeesOf(row).map((a) => ({ id: a, name: memberName(ctx, a) ?? '' })),
    items: toItems(ctx, itemRows(ctx, id)),
    previousMeetingId: previous?.id ?? null,
    previousHeldAt: previous?.held_at ?? null,
    minutes: row.minutes,
  };
}

function checkAttendees(ctx: MutationContext, ids: readonly string[]): string {
  for (const id of ids) ctx.write.read('members', id);
  return JSON.stringify([...new Set(ids)]);
}

const meetingName = (row: MeetingRow): Summary =>
  row.title ? summary('meetings.name', { title: row.title, date: row.held_at.slice(0, 10) }) : summary('meetings.teamName', { team: row.team, date: row.held_at.slice(0, 10) });

/** Reads an item's coding, saying in words when the item is not about one or it is gone. */
function itemCoding(ctx: MutationContext, item: MeetingItemRow, outcome: string) {
  if (item.kind !== 'coding') throw new QuireError('invalid_input', `"${outcome}" is a decision about a coding, and this agenda item is a ${item.kind}.`);
  const coding = ctx.raw.prepare('SELECT * FROM codings WHERE id = ?').get(item.target_id) as ReturnType<typeof ctx.write.read<'codings'>> | undefined;
  if (!coding) throw new QuireError('not_found', 'The coding of this agenda item was removed since the agenda was made.', { id: item.target_id });
  return coding;
}

const codeName = (ctx: MutationContext, id: string): string => ctx.write.read('codes', id).name;

type DecideInput = ParsedInputOf<'meetings.decide'>;

/** Applies a decision to the project and says what it did, for the item and the minutes. */
async function apply(ctx: MutationContext, item: MeetingItemRow, input: DecideInput): Promise<DecisionDetails> {
  switch (input.outcome) {
    case 'keep':
      return {};
    case 'flag-for-paper':
      return { paper: input.paper };
    case 'recode': {
      const coding = itemCoding(ctx, item, input.outcome);
      const fromCodeName = codeName(ctx, coding.code_id);
      await ctx.call('codings.recode', { id: coding.id, codeId: input.codeId });
      return { fromCodeId: coding.code_id, fromCodeName, toCodeId: input.codeId, toCodeName: codeName(ctx, input.codeId) };
    }
    case 'refine-definition': {
      const memo = item.kind === 'memo' ? ctx.raw.prepare('SELECT target_type, target_id FROM memos WHERE id = ?').get(item.target_id) as { target_type: string; target_id: string | null } | undefined : undefined;
      const codeId = input.codeId ?? (item.kind === 'coding' ? itemCoding(ctx, item, input.outcome).code_id : memo?.target_type === 'code' ? memo.target_id : null);
      if (!codeId) throw new QuireError('invalid_input', 'Choose the code whose definition the meeting refined.');
      const code = ctx.write.read('codes', codeId);
      const fields = (['definition', 'inclusion', 'exclusion', 'example'] as const).filter((f) => input[f] !== undefined && input[f] !== code[f]);
      if (fields.length === 0) throw new QuireError('invalid_input', `The definition of "${code.name}" is unchanged: write the refined definition, criteria or example.`);
      await ctx.call('codes.update', { id: codeId, ...Object.fromEntries(fields.map((f) => [f, input[f]])) });
      return {
        codeId,
        codeName: code.name,
        before: Object.fromEntries(fields.map((f) => [f, code[f]])),
        after: Object.fromEntries(fields.map((f) => [f, input[f]!])),
      };
    }
    case 'disagreement': {
      const coding = itemCoding(ctx, item, input.outcome);
      const reviewerId = input.reviewerId ?? ctx.actor.id;
      return {
        fromCodeId: coding.code_id,
        fromCodeName: codeName(ctx, coding.code_id),
        toCodeId: input.reviewerCodeId,
        toCodeName: codeName(ctx, input.reviewerCodeId),
        coderId: coding.coder_id,
        coderName: ctx.write.read('members', coding.coder_id).name,
        reviewerId,
        reviewerName: ctx.write.read('members', reviewerId).name,
      };
    }
    case 'split': {
      const coding = itemCoding(ctx, item, input.outcome);
      const codingIds = input.codingIds ?? [coding.id];
      const fromCodeName = codeName(ctx, coding.code_id);
      const target = await ctx.call('codes.split', { id: coding.code_id, codingIds, into: input.into });
      return { fromCodeId: coding.code_id, fromCodeName, toCodeId: target.id, toCodeName: target.name, codingIds };
    }
    case 'merge': {
      const fromCodeName = codeName(ctx, input.sourceId);
      const target = await ctx.call('codes.merge', { sourceId: input.sourceId, targetId: input.targetId });
      return { fromCodeId: input.sourceId, fromCodeName, toCodeId: target.id, toCodeName: target.name };
    }
  }
}

const SUMMARY: Readonly<Record<MeetingOutcome, (d: DecisionDetails, meeting: Summary) => Summary>> = {
  keep: (_, meeting) => summary('meetings.decide.keep', { meeting }),
  recode: (d, meeting) => summary('meetings.decide.recode', { from: d.fromCodeName ?? '', to: d.toCodeName ?? '', meeting }),
  'refine-definition': (d, meeting) => summary('meetings.decide.refine', { code: d.codeName ?? '', meeting }),
  'flag-for-paper': (d, meeting) => (d.paper ? summary('meetings.decide.flagPaper', { paper: d.paper, meeting }) : summary('meetings.decide.flag', { meeting })),
  disagreement: (d, meeting) => summary('meetings.decide.disagreement', { from: d.fromCodeName ?? '', to: d.toCodeName ?? '', meeting }),
  split: (d, meeting) => summary('meetings.decide.split', { count: d.codingIds?.length ?? 0, from: d.fromCodeName ?? '', to: d.toCodeName ?? '', meeting }),
  merge: (d, meeting) => summary('meetings.decide.merge', { from: d.fromCodeName ?? '', to: d.toCodeName ?? '', meeting }),
};

export const meetingHandlers: SomeHandlers<
  'meetings.list' | 'meetings.get' | 'meetings.create' | 'meetings.update' | 'meetings.remove' | 'meetings.proposeAgenda' | 'meetings.setAgenda' | 'meetings.decide' | 'meetings.minutes' | 'meetings.excerpt'
> = {
  'meetings.list': async (ctx, { team }) => {
    const rows = ctx.raw
      .prepare(
        `SELECT m.*, (SELECT count(*) FROM meeting_items i WHERE i.meeting_id = m.id) AS item_count,
           (SELECT count(*) FROM meeting_items i WHERE i.meeting_id = m.id AND i.outcome IS NOT NULL) AS decided_count
         FROM meetings m WHERE ? IS NULL OR m.team = ? ORDER BY m.held_at DESC, m.id DESC`,
      )
      .all(team ?? null, team ?? null) as (MeetingRow & { item_count: number; decided_count: number })[];
    return rows.map((r): MeetingSummary => ({ id: r.id, team: r.team, heldAt: r.held_at, title: r.title, attendeeIds: attendeesOf(r), itemCount: r.item_count, decidedCount: r.decided_count }));
  },

  'meetings.get': async (ctx, { id }) => meetingDetail(ctx, id),

  'meetings.create': async (ctx, input) => {
    const at = now();
    const row = ctx.write.insert('meetings', {
      id: uuidv7(),
      team: input.team,
      held_at: input.heldAt,
      title: input.title,
      attendee_ids: checkAttendees(ctx, input.attendeeIds),
      minutes: null,
      created_at: at,
      created_by: ctx.actor.id,
      updated_at: at,
    });
    ctx.describe(summary('meetings.create', { meeting: meetingName(row) }));
    return meetingDetail(ctx, row.id);
  },

  'meetings.update': async (ctx, { id, team, heldAt, title, attendeeIds, minutes }) => {
    ctx.write.read('meetings', id);
    const row = ctx.write.update('meetings', id, {
      ...(team !== undefined ? { team } : {}),
      ...(heldAt !== undefined ? { held_at: heldAt } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(attendeeIds !== undefined ? { attendee_ids: checkAttendees(ctx, attendeeIds) } : {}),
      ...(minutes !== undefined ? { minutes: minutes === null || minutes.trim() === '' ? null : minutes } : {}),
      updated_at: now(),
    });
    ctx.describe(summary('meetings.update', { meeting: meetingName(row) }));
    return meetingDetail(ctx, id);
  },

  'meetings.remove': async (ctx, { id }) => {
    const row = ctx.write.read('meetings', id);
    for (const item of itemRows(ctx, id)) ctx.write.delete('meeting_items', item.id);
    ctx.write.delete('meetings', id);
    ctx.describe(summary('meetings.delete', { meeting: meetingName(row) }));
    return null;
  },

  'meetings.proposeAgenda': async (ctx, { meetingId, team, since, filters, perGroup }) => {
    const meeting = meetingId ? meetingRow(ctx, meetingId) : null;
    const forTeam = meeting?.team ?? team!;
    const previous = since === undefined ? previousMeeting(ctx, forTeam, meeting ? { heldAt: meeting.held_at, id: meeting.id } : { heldAt: now(), id: null }) : null;
    const onAgenda = new Set(meeting ? itemRows(ctx, meeting.id).map(itemKey) : []);
    return proposeAgenda(ctx, { team: forTeam, since: since ?? previous?.held_at ?? null, filters, onAgenda, perGroup });
  },

  'meetings.setAgenda': async (ctx, { meetingId, items }) => {
    const meeting = ctx.write.read('meetings', meetingId);
    const keys = items.map((i) => refKey(i));
    if (new Set(keys).size !== keys.length) throw new QuireError('invalid_input', 'The same item is on the agenda twice: keep it once.');
    const existing = new Map(itemRows(ctx, meetingId).map((r) => [itemKey(r), r]));
    const targets = describeTargets(ctx, items);
    const gone = items.filter((i) => !targets.get(refKey(i))!.exists && !existing.has(refKey(i)));
    if (gone.length > 0) throw new QuireError('not_found', `${gone.length} of the chosen items are no longer in the project.`, { items: gone });
    for (const [key, row] of existing) if (!keys.includes(key)) ctx.write.delete('meeting_items', row.id);
    items.forEach((item, ord) => {
      const row = existing.get(refKey(item));
      if (row) ctx.write.update('meeting_items', row.id, { ord });
      else ctx.write.insert('meeting_items', { id: uuidv7(), meeting_id: meetingId, ord, kind: item.kind, target_id: item.targetId, outcome: null, note: '', note_content: null, decision: null, decided_by: null, decided_at: null });
    });
    ctx.describe(summary('meetings.setAgenda', { meeting: meetingName(meeting), count: items.length }));
    return meetingDetail(ctx, meetingId);
  },

  'meetings.decide': async (ctx, input) => {
    const item = ctx.write.read('meeting_items', input.itemId);
    const meeting = ctx.write.read('meetings', item.meeting_id);
    const details = await apply(ctx, item, input);
    const row = ctx.write.update('meeting_items', item.id, { outcome: input.outcome, note: input.note, note_content: input.noteContent, decision: JSON.stringify(details), decided_by: ctx.actor.id, decided_at: now() });
    // The meeting is the reason: it stands in the summary the codebook's history shows.
    ctx.describe(SUMMARY[input.outcome](details, meetingName(meeting)));
    return toItems(ctx, [row])[0]!;
  },

  'meetings.minutes': async (ctx, { id, format, language, pseudonyms, allowLeaks }) => {
    const meeting = meetingDetail(ctx, id);
    // The file name is checked with the text: a team may be named after its enterprise.
    const overlay = pseudonyms ? checkedOverlay(ctx) : null;
    const rename = overlay?.rename ?? ((text: string) => text);
    const name = rename(`${language === 'ru' ? 'Протокол' : 'Minutes'} ${meeting.team} ${meeting.heldAt.slice(0, 10)}`).replace(/[\\/:*?"<>|]+/g, '-');
    const markdown = rename(meeting.minutes ?? renderMinutesMarkdown(meeting, language));
    overlay?.scan([name, markdown]);
    const leaks = checkLeaks(overlay, allowLeaks);
    const edited = meeting.minutes !== null;
    if (format === 'markdown') return { fileName: `${name}.md`, mimeType: 'text/markdown', content: markdown, encoding: 'utf-8', edited, leaks };
    // Loaded on first use, as the other writers of Word files are (docx is large).
    const { minutesDocx } = await import('../export/minutes-docx');
    const bytes = await minutesDocx(markdown, rename(meeting.title.trim()) || name);
    return { fileName: `${name}.docx`, mimeType: MIME_TYPES.docx, content: bytes.toString('base64'), encoding: 'base64', edited, leaks };
  },

  'meetings.excerpt': async (ctx, { itemId, language, context }) => {
    const item = ctx.raw.prepare('SELECT kind, target_id FROM meeting_items WHERE id = ?').get(itemId) as Pick<MeetingItemRow, 'kind' | 'target_id'> | undefined;
    if (!item) throw new QuireError('not_found', 'This agenda item was not found (it may have been dropped from the agenda).', { id: itemId });
    if (item.kind !== 'coding') return null;
    const [excerpt] = await excerptsOfCodings(ctx, [item.target_id], { language, context });
    return excerpt ?? null;
  },
};
