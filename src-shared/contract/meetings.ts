/**
 * Weekly meeting review: a team's meetings, an agenda proposed from the change log ("new since the
 * team's last meeting"), decisions taken per agenda item through the core, and minutes.
 */
import { z } from 'zod';
import { mutation, query, session } from './define';
import { Id, Name } from './common';
import type { LeakReport } from './pseudonyms';
import type { Excerpt } from './retrieval';

export const AGENDA_KINDS = ['coding', 'document', 'memo'] as const;
/** What an agenda item points at. */
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const MEETING_OUTCOMES = ['keep', 'recode', 'refine-definition', 'flag-for-paper', 'disagreement', 'split', 'merge'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/** A coding, document or memo as an agenda shows it; `exists` is false once it was deleted. */
export interface AgendaTarget {
  readonly kind: AgendaKind;
  readonly targetId: string;
  readonly exists: boolean;
  /** The code's name (coding), the document's title, or the memo's title or first words. */
  readonly label: string;
  /** The coded words, or the memo's text (shortened); null for a document. */
  readonly quote: string | null;
  readonly contextBefore: string;
  readonly contextAfter: string;
  readonly codeId: string | null;
  readonly documentId: string | null;
  readonly documentTitle: string | null;
  /** The coder of a coding, the author of a memo, who added a document. */
  readonly personId: string | null;
  readonly personName: string | null;
}

/** What was decided on an item, with the names as they were when it was decided. */
export interface DecisionDetails {
  readonly codeId?: string;
  readonly codeName?: string;
  /** recode: the code before and after; disagreement: the coder's code and the reviewer's. */
  readonly fromCodeId?: string;
  readonly fromCodeName?: string;
  readonly toCodeId?: string;
  readonly toCodeName?: string;
  readonly coderId?: string;
  readonly coderName?: string;
  readonly reviewerId?: string;
  readonly reviewerName?: string;
  /** refine-definition: the fields changed, before and after. */
  readonly before?: Readonly<Record<string, string>>;
  readonly after?: Readonly<Record<string, string>>;
  /** flag-for-paper: the paper (or quote bank) it is flagged for. */
  readonly paper?: string;
  /** split: the codings moved. */
  readonly codingIds?: readonly string[];
}

export interface MeetingDecision {
  readonly outcome: MeetingOutcome;
  /** The discussion note as plain text, and as Lexical editor state (null when written as plain text). */
  readonly note: string;
  readonly noteContent: string | null;
  readonly details: DecisionDetails;
  readonly decidedBy: string;
  readonly decidedByName: string;
  readonly decidedAt: string;
}

export interface MeetingItem {
  readonly id: string;
  readonly order: number;
  readonly target: AgendaTarget;
  readonly decision: MeetingDecision | null;
}

export interface MeetingPerson {
  readonly id: string;
  readonly name: string;
}

export interface MeetingSummary {
  readonly id: string;
  readonly team: string;
  /** ISO timestamp. */
  readonly heldAt: string;
  readonly title: string;
  readonly attendeeIds: readonly string[];
  readonly itemCount: number;
  readonly decidedCount: number;
}

export interface Meeting extends Omit<MeetingSummary, 'itemCount' | 'decidedCount'> {
  readonly attendees: readonly MeetingPerson[];
  readonly items: readonly MeetingItem[];
  /** The same team's meeting before this one: what "new since last meeting" counts from. */
  readonly previousMeetingId: string | null;
  readonly previousHeldAt: string | null;
  /** Minutes edited by hand, or null while they are generated. */
  readonly minutes: string | null;
}

/** A candidate agenda item: something added or changed since the last meeting. */
export interface AgendaCandidate extends AgendaTarget {
  readonly change: 'added' | 'changed';
  /** When it was last added or changed (ISO). */
  readonly changedAt: string;
  /** Already on the meeting's agenda. */
  readonly onAgenda: boolean;
}

/** Candidates grouped: codings of one code, new documents, memos. */
export interface AgendaGroup {
  /** `code:<id>`, `documents` or `memos`. */
  readonly key: string;
  readonly kind: AgendaKind;
  readonly label: string;
  readonly codeId: string | null;
  readonly candidates: readonly AgendaCandidate[];
  /** Candidates in the group in all; `candidates` holds the first `perGroup` (and those on the agenda). */
  readonly total: number;
  /** Candidates not shown ("and 240 more…"): narrow the filters or raise `perGroup` to see them. */
  readonly more: number;
}

export interface AgendaProposal {
  readonly team: string;
  /** Changes after this moment count as new (null: everything, the team never met). */
  readonly since: string | null;
  readonly groups: readonly AgendaGroup[];
}

export const MINUTES_FORMATS = ['markdown', 'docx'] as const;
export const MINUTES_LANGUAGES = ['en', 'ru'] as const;
export type MinutesLanguage = (typeof MINUTES_LANGUAGES)[number];
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

export interface MeetingMinutes {
  readonly fileName: string;
  readonly mimeType: string;
  /** The Markdown text, or the bytes of a DOCX file in base64 (see `encoding`). */
  readonly content: string;
  readonly encoding: 'utf-8' | 'base64';
  /** The minutes were edited by hand (`meetings.update { minutes }`) rather than generated. */
  readonly edited: boolean;
  /** With `pseudonyms`: the leak check's report (null when no pseudonym is registered). */
  readonly leaks: LeakReport | null;
}

/** A presenting screen says where it is at least this often, by publishing its item again. */
export const PRESENCE_HEARTBEAT_MS = 20_000;
/**
 * A presentation not heard of for this long has ended: the presenter's laptop slept, crashed or
 * left the network without saying so, and those following are told.
 */
export const PRESENCE_TIMEOUT_MS = 60_000;

/**
 * Who is presenting a meeting and at which agenda item: presence held by the running Quire for
 * everyone following along, never stored in the project (not in its history, not undoable).
 */
export interface Presentation {
  readonly meetingId: string;
  /** The agenda item shown (its id stays when the agenda is reordered). */
  readonly itemId: string;
  readonly presenterId: string;
  readonly presenterName: string;
  /** The presenter lets those following take decisions too; otherwise they only watch. */
  readonly allowDecisions: boolean;
  /** When the presentation started (ISO). */
  readonly since: string;
}

const Moment = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'Write the date as 2026-11-27 or 2026-11-27T10:00.',
  })
  .transform((s) => new Date(s).toISOString());
const Note = z.string().max(100_000).default('');
const LongText = z.string().max(100_000);
const Team = Name.max(200);

const Filters = z
  .object({
    /** Codings of these codes or their sub-codes, and memos on them. */
    codeIds: z.array(Id).max(1000).optional(),
    /** Material linked to these cases (an enterprise and its informants). */
    caseIds: z.array(Id).max(1000).optional(),
    /** Coded, written or added by these members. */
    coderIds: z.array(Id).max(1000).optional(),
    /** Only work of members whose team is the meeting's team. */
    teamMembersOnly: z.boolean().default(false),
  })
  .default({ teamMembersOnly: false });

const Decision = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('keep') }),
  z.object({ outcome: z.literal('recode'), codeId: Id }),
  z.object({
    outcome: z.literal('refine-definition'),
    /** The code to refine; by default the code of the item's coding, or the code a memo is on. */
    codeId: Id.optional(),
    definition: LongText.optional(),
    inclusion: LongText.optional(),
    exclusion: LongText.optional(),
    example: LongText.optional(),
  }),
  z.object({ outcome: z.literal('flag-for-paper'), paper: z.string().trim().max(500).default('') }),
  z.object({ outcome: z.literal('disagreement'), reviewerCodeId: Id, reviewerId: Id.optional() }),
  z.object({
    outcome: z.literal('split'),
    /** By default the item's own coding. */
    codingIds: z.array(Id).min(1).optional(),
    into: z.union([z.object({ codeId: Id }), z.object({ name: Name, parentId: Id.nullable().default(null) })]),
  }),
  z.object({ outcome: z.literal('merge'), sourceId: Id, targetId: Id }),
]);

export const meetingMethods = {
  /** Meetings, newest first (of one team when given). */
  'meetings.list': query(z.object({ team: Team.optional() })).returns<MeetingSummary[]>(),
  'meetings.get': query(z.object({ id: Id })).returns<Meeting>(),
  'meetings.create': mutation(
    z.object({ team: Team, heldAt: Moment, title: z.string().trim().max(500).default(''), attendeeIds: z.array(Id).max(200).default([]) }),
  ).returns<Meeting>(),
  'meetings.update': mutation(
    z.object({
      id: Id,
      team: Team.optional(),
      heldAt: Moment.optional(),
      title: z.string().trim().max(500).optional(),
      attendeeIds: z.array(Id).max(200).optional(),
      /** Minutes edited by hand (Markdown); null goes back to generated minutes. */
      minutes: z.string().max(5_000_000).nullable().optional(),
    }),
  ).returns<Meeting>(),
  /** Deletes a meeting with its agenda and decisions (the changes decided stay in the project). */
  'meetings.remove': mutation(z.object({ id: Id })).returns<null>(),
  /**
   * Codings, documents and memos added or changed since the team's previous meeting (or `since`),
   * from the change log: undone work does not count, nor changes made by meeting decisions.
   */
  'meetings.proposeAgenda': query(
    z
      .object({
        meetingId: Id.optional(),
        team: Team.optional(),
        since: Moment.optional(),
        filters: Filters,
        /** Candidates shown per group, oldest first; the rest are counted in the group's `more`. */
        perGroup: z.number().int().min(1).max(2000).default(10),
      })
      .refine((i) => i.meetingId !== undefined || i.team !== undefined, { message: 'Choose a meeting or a team to prepare an agenda for.' }),
  ).returns<AgendaProposal>(),
  /**
   * Stores the agenda in this order. Items already on it keep their decisions; items left out are
   * dropped (with their decisions; undo brings them back).
   */
  'meetings.setAgenda': mutation(
    z.object({
      meetingId: Id,
      items: z.array(z.object({ kind: z.enum(AGENDA_KINDS), targetId: Id })).max(2000, { message: 'An agenda takes at most 2000 items.' }),
    }),
  ).returns<Meeting>(),
  /**
   * Records the decision on an agenda item and applies it in the same undoable operation: recode
   * changes the coding's code, refine-definition edits the code, split and merge change the
   * codebook. Deciding again replaces the stored decision (what was applied stays).
   */
  'meetings.decide': mutation(z.object({ itemId: Id, note: Note, noteContent: z.string().max(5_000_000).nullable().default(null) }).and(Decision)).returns<MeetingItem>(),
  /**
   * The minutes: as edited by hand, or generated (attendees, items with excerpts and decisions,
   * open questions) in `language`; as Markdown, or as a Word document made from that Markdown.
   */
  'meetings.minutes': query(
    z.object({
      id: Id,
      format: z.enum(MINUTES_FORMATS).default('markdown'),
      language: z.enum(MINUTES_LANGUAGES).default('en'),
      /** As a file to pass on: registered real names replaced by pseudonyms, and leak-checked. */
      pseudonyms: z.boolean().default(false),
      /** With `pseudonyms`: keep minutes the leak check finds a real name in, with its report. */
      allowLeaks: z.boolean().default(false),
    }),
  ).returns<MeetingMinutes>(),
  /**
   * A coding item's excerpt as presenter mode shows it: context, codes, coder, citation (in
   * `language`) and translations. Null for a document or memo item, or a coding since removed.
   */
  'meetings.excerpt': query(z.object({ itemId: Id, language: z.enum(['en', 'ru']).default('en'), context: z.int().min(0).max(2000).default(400) })).returns<Excerpt | null>(),
  /**
   * Presents a meeting at one of its agenda items (starting, moving on, or changing whether those
   * following may decide): everyone connected is told at once. Presence, not project data.
   */
  'meetings.present': session(z.object({ meetingId: Id, itemId: Id, allowDecisions: z.boolean().default(false) })).returns<Presentation>(),
  /** Ends presenting a meeting: those following are told the presentation has ended. */
  'meetings.endPresentation': session(z.object({ meetingId: Id })).returns<null>(),
  /** Who is presenting a meeting now, and at which item (null: nobody), for someone joining late. */
  'meetings.presenting': session(z.object({ meetingId: Id })).returns<Presentation | null>(),
};
