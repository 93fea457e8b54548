/**
 * The project's records as every face sees them. Field names are the users' words; offsets are
 * UTF-16 code units into a revision's canonical text.
 */
import type { Summary } from './summaries';
import type { FuzzyDate } from './dates';

export const DOCUMENT_KINDS = [
  'interview',
  'field_note',
  'enterprise_report',
  'meeting_record',
  'press_item',
  'enterprise_document',
  'diary',
  'letter',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface ProjectInfo {
  readonly path: string;
  readonly name: string;
  readonly description: string;
  readonly schemaVersion: number;
  readonly actor: Member;
  readonly counts: {
    readonly documents: number;
    readonly codes: number;
    readonly codings: number;
    readonly cases: number;
    readonly members: number;
    readonly memos: number;
  };
}

/** A team member: every coding, memo and change carries one. */
export interface Member {
  readonly id: string;
  readonly name: string;
  readonly initials: string;
  readonly color: string;
  readonly team: string | null;
  readonly region: string | null;
  readonly archived: boolean;
}

export interface DocumentSummary {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly language: string;
  readonly date: FuzzyDate | null;
  readonly interviewerIds: readonly string[];
  readonly sourceFileName: string | null;
  readonly currentRevisionId: string;
  readonly revisionNumber: number;
  readonly length: number;
  readonly caseIds: readonly string[];
  readonly codingCount: number;
  readonly needsReviewCount: number;
  readonly createdAt: string;
  /**
   * The document part of its quote ids (`REM-INT-1993-06-014`), given when it is first coded and
   * editable; absent or null before.
   */
  readonly quoteKey?: string | null;
}

export const SEGMENT_KINDS = ['paragraph', 'turn', 'direction'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** A paragraph, speaker turn or stage direction of a revision's text. */
export interface TextSegment {
  readonly start: number;
  readonly end: number;
  readonly kind: SegmentKind;
  readonly speaker: string | null;
  readonly timestamp: string | null;
  /** Bracketed asides inside it (`(смеётся)`, `[неразборчиво]`): said by nobody, or by the author. */
  readonly asides: readonly { readonly start: number; readonly end: number }[];
}

export interface Revision {
  readonly id: string;
  readonly documentId: string;
  readonly number: number;
  readonly length: number;
  readonly note: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface SpeakerLink {
  readonly speaker: string;
  readonly caseId: string;
}

export interface DocumentDetail extends DocumentSummary {
  /** The revision's text; with `opening`, its first `opening.end` characters only. */
  readonly text: string;
  /** In text order; with `opening`, those within it. */
  readonly segments: readonly TextSegment[];
  /** Without their words and context, which are `text` at their offsets: see `withWords`. */
  readonly codings: readonly DocumentCoding[];
  readonly speakers: readonly SpeakerLink[];
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /** Present only when the opening part was asked for (`documents.get` with `opening`). */
  readonly opening?: DocumentOpening;
}

/**
 * The opening part of a document a reader shows while the rest comes: the text up to `end`
 * (whole segments), with the whole document's measures so a scrollbar can be right at once.
 * Offsets stay the document's own, so `text` is indexed as the whole text would be.
 */
export interface DocumentOpening {
  /** Where the part ends: the end of the last segment touching the characters asked for. */
  readonly end: number;
  /** How many segments the whole revision has. */
  readonly segmentCount: number;
}

export const CODING_STATUSES = ['ok', 'needs_review'] as const;
export type CodingStatus = (typeof CODING_STATUSES)[number];

export interface Coding {
  readonly id: string;
  readonly documentId: string;
  readonly revisionId: string;
  readonly codeId: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly contextBefore: string;
  readonly contextAfter: string;
  readonly coderId: string;
  readonly createdAt: string;
  readonly status: CodingStatus;
  readonly comment: string | null;
}

/**
 * A coding as it comes with its document's text (documents.get). Its words and their context are
 * that text at its offsets, so they are not sent again: for a long transcript they would double
 * the answer (1,000,000 characters with 5,000 codings: 6.9 MB instead of 3.7).
 */
export interface DocumentCoding extends Omit<Coding, 'quote' | 'contextBefore' | 'contextAfter'> {
  /** The words it was made on, when they are no longer the text at its offsets (flagged by an edit). */
  readonly storedQuote?: string;
}

export interface Code {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly color: string;
  readonly definition: string;
  readonly inclusion: string;
  readonly exclusion: string;
  readonly example: string;
  readonly order: number;
  readonly archived: boolean;
  readonly codingCount: number;
  readonly documentCount: number;
}

export interface CaseType {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
}

export interface Case {
  readonly id: string;
  readonly typeId: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean', 'choice'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export type AttributeValue = string | number | boolean;

export interface Attribute {
  readonly id: string;
  readonly name: string;
  readonly target: 'case' | 'document';
  readonly caseTypeId: string | null;
  readonly valueType: AttributeType;
  readonly choices: readonly string[] | null;
}

export const MEMO_TARGETS = ['project', 'document', 'code', 'case', 'coding'] as const;
export type MemoTarget = (typeof MEMO_TARGETS)[number];

export interface Memo {
  readonly id: string;
  readonly targetType: MemoTarget;
  readonly targetId: string | null;
  readonly title: string;
  /** Lexical editor state as JSON, or null for a memo written as plain text. */
  readonly content: string | null;
  readonly text: string;
  readonly authorId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One entry of the activity history: one user operation, however many records it touched. */
export interface HistoryEntry {
  readonly id: string;
  readonly seq: number;
  readonly actorId: string;
  readonly actorName: string;
  readonly at: string;
  readonly method: string;
  readonly kind: 'do' | 'undo' | 'redo';
  readonly state: 'done' | 'undone';
  /** The operation's summary in English ("Coded 12 passages"), as stored. */
  readonly summary: string;
  /**
   * The same summary as a key and values, for showing it in the reader's language; null for an
   * operation stored before Quire kept them (its English text is shown).
   */
  readonly described: Summary | null;
  readonly changeCount: number;
}
