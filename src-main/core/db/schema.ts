/**
 * The project file's tables as kysely sees them: the hand-written source of truth for queries.
 * Row types are what a SELECT returns; JSON columns hold text.
 */

export interface ProjectSettingRow {
  id: string;
  value: string;
}

export interface MemberRow {
  id: string;
  name: string;
  initials: string;
  color: string;
  team: string | null;
  region: string | null;
  archived: number;
  created_at: string;
}

export interface DocumentRow {
  id: string;
  kind: string;
  title: string;
  language: string;
  date_start: string | null;
  date_end: string | null;
  date_precision: string | null;
  interviewer_ids: string;
  source_file_name: string | null;
  current_revision_id: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  /** The document part of its quote ids (`REM-INT-1993-06-014`); null until it is first coded. */
  quote_key: string | null;
  /** The highest quote number a deleted coding had: numbers are never given twice. */
  last_quote: number;
}

export interface RevisionRow {
  id: string;
  document_id: string;
  number: number;
  text: string;
  length: number;
  note: string | null;
  created_at: string;
  created_by: string;
}

export interface OriginalRow {
  id: string;
  document_id: string;
  file_name: string;
  format: string;
  size: number;
  sha256: string;
  /** JSON: how the file was read (encoding, clean-up). */
  options: string;
  imported_at: string;
  imported_by: string;
}

export interface OriginalFileRow {
  sha256: string;
  size: number;
  data: Buffer;
}

export interface RevisionStatsRow {
  revision_id: string;
  words: number;
}

export interface DerivedStateRow {
  name: string;
  version: number;
}

export interface SegmentRow {
  revision_id: string;
  ord: number;
  start_offset: number;
  end_offset: number;
  kind: string;
  speaker: string | null;
  timestamp: string | null;
  /** JSON `[start, end][]`: bracketed asides and stage directions inside the segment. */
  asides: string;
}

export interface CaseTypeRow {
  id: string;
  name: string;
  parent_id: string | null;
  ord: number;
}

export interface CaseRow {
  id: string;
  type_id: string;
  parent_id: string | null;
  name: string;
  aliases: string;
  description: string;
  ord: number;
}

export interface AttributeRow {
  id: string;
  name: string;
  target: string;
  case_type_id: string | null;
  value_type: string;
  choices: string | null;
  ord: number;
}

export interface AttributeValueRow {
  id: string;
  attribute_id: string;
  entity_id: string;
  value: string;
}

export interface DocumentCaseRow {
  id: string;
  document_id: string;
  case_id: string;
}

export interface SpeakerLinkRow {
  id: string;
  document_id: string;
  speaker: string;
  case_id: string;
}

export interface CodeRow {
  id: string;
  parent_id: string | null;
  name: string;
  color: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  ord: number;
  archived: number;
  created_at: string;
  created_by: string;
}

export interface CodingRow {
  id: string;
  document_id: string;
  revision_id: string;
  code_id: string;
  start_offset: number;
  end_offset: number;
  quote: string | null;
  coder_id: string;
  created_at: string;
  updated_at: string;
  status: string;
  comment: string | null;
  /** Its number within the document (`:q3`), assigned once. */
  quote_no: number;
}

export interface MemoRow {
  id: string;
  target_type: string;
  target_id: string | null;
  title: string;
  content: string | null;
  text: string;
  author_id: string;
  created_at: string;
  updated_at: string;
}

/** A retrieval query saved by name (the query as JSON, as `retrieval.run` takes it). */
export interface SavedQueryRow {
  id: string;
  name: string;
  query: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** A pseudonym registry entry (aliases as a JSON array of strings). */
export interface PseudonymRow {
  id: string;
  kind: string;
  real_name: string;
  pseudonym: string;
  aliases: string;
  case_id: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** An excerpt (by one of its codings) used in a draft: the quote bank. */
export interface QuoteUseRow {
  id: string;
  draft: string;
  coding_id: string;
  created_at: string;
  created_by: string;
}

/** A team's review meeting (attendees as a JSON array of member ids). */
export interface MeetingRow {
  id: string;
  team: string;
  held_at: string;
  title: string;
  attendee_ids: string;
  /** Minutes edited by hand (Markdown); null while generated. */
  minutes: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** One agenda item of a meeting and the decision taken on it (details as JSON). */
export interface MeetingItemRow {
  id: string;
  meeting_id: string;
  ord: number;
  kind: string;
  target_id: string;
  outcome: string | null;
  note: string;
  /** The note as Lexical editor state (JSON), or null for plain text. */
  note_content: string | null;
  decision: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** A decision on a disagreement between two coders (migration 0012). */
export interface AdjudicationRow {
  id: string;
  item_key: string;
  coder_a: string;
  coder_b: string;
  document_id: string;
  kind: string;
  decision: string;
  note: string | null;
  decided_by: string;
  decided_at: string;
}

/** What a member has read of other teams' work (see migration 10). */
export interface ReadMarkRow {
  id: string;
  member_id: string;
  kind: 'all' | 'document' | 'coding' | 'document-codings';
  /** '' for the member's `all` mark. */
  target_id: string;
  read_at: string;
}

export interface OperationRow {
  seq: number;
  id: string;
  actor_id: string;
  at: string;
  method: string;
  input: string;
  summary: string;
  /** The summary's key and values (JSON) for showing it in the reader's language; null before migration 13. */
  summary_key: string | null;
  summary_values: string | null;
  kind: 'do' | 'undo' | 'redo';
  state: 'done' | 'undone';
  final: number;
  target_seq: number | null;
  undone_by: number | null;
}

export interface ChangeRow {
  op_seq: number;
  ord: number;
  tbl: string;
  row_id: string;
  kind: 'insert' | 'update' | 'delete';
  before: string | null;
  after: string | null;
}

/** A project's own citation template for a document kind and language (the default when absent). */
export interface CitationTemplateRow {
  id: string;
  kind: string;
  language: string;
  template: string;
  updated_at: string;
  updated_by: string;
}

/** A translation of a coding's excerpt into one language. */
export interface ExcerptTranslationRow {
  id: string;
  coding_id: string;
  language: string;
  text: string;
  translator: string | null;
  /** ISO date the translation was made. */
  translated_on: string | null;
  status: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** A colleague's operation taken in by a merge (migration 11). */
export interface ExchangeOpRow {
  id: string;
  at: string;
  actor_id: string;
  method: string;
  summary: string;
  input: string;
  /** The copy it came from. */
  replica_id: string;
  /** The id of the merge operation that took it in. */
  merged_in: string;
}

/** One row change of a colleague's operation, as it came (image: JSON, see migration 11). */
export interface ExchangeChangeRow {
  id: string;
  op_id: string;
  ord: number;
  tbl: string;
  row_id: string;
  kind: 'insert' | 'update' | 'delete';
  image: string | null;
}

/** Something a merge decided that a person should review. */
export interface MergeConflictRow {
  id: string;
  merge_op_id: string;
  kind: string;
  tbl: string;
  row_id: string;
  field: string | null;
  /** JSON of the value the merge kept, and of the one it set aside. */
  kept: string | null;
  other: string | null;
  other_op_id: string | null;
  status: 'open' | 'resolved';
  resolution: string | null;
  created_at: string;
}

/** Tables whose rows carry an `id` and are written only through the mutation path's writer. */
export interface LoggedTables {
  project_settings: ProjectSettingRow;
  members: MemberRow;
  documents: DocumentRow;
  revisions: RevisionRow;
  originals: OriginalRow;
  case_types: CaseTypeRow;
  cases: CaseRow;
  attributes: AttributeRow;
  attribute_values: AttributeValueRow;
  document_cases: DocumentCaseRow;
  speaker_links: SpeakerLinkRow;
  codes: CodeRow;
  codings: CodingRow;
  memos: MemoRow;
  saved_queries: SavedQueryRow;
  pseudonyms: PseudonymRow;
  citation_templates: CitationTemplateRow;
  excerpt_translations: ExcerptTranslationRow;
  quote_uses: QuoteUseRow;
  meetings: MeetingRow;
  meeting_items: MeetingItemRow;
  adjudications: AdjudicationRow;
  read_marks: ReadMarkRow;
  exchange_ops: ExchangeOpRow;
  exchange_changes: ExchangeChangeRow;
  merge_conflicts: MergeConflictRow;
}
export type LoggedTable = keyof LoggedTables;

export interface Database extends LoggedTables {
  segments: SegmentRow;
  original_files: OriginalFileRow;
  revision_stats: RevisionStatsRow;
  derived_state: DerivedStateRow;
  operations: OperationRow;
  changes: ChangeRow;
}

/**
 * Parents before children: the order in which restored rows can be inserted without breaking a
 * foreign key (and the reverse order for deleting).
 */
export const LOGGED_TABLE_ORDER: readonly LoggedTable[] = [
  'project_settings',
  'members',
  'case_types',
  'attributes',
  'cases',
  'codes',
  'documents',
  'revisions',
  'originals',
  'document_cases',
  'speaker_links',
  'attribute_values',
  'codings',
  'memos',
  'saved_queries',
  'pseudonyms',
  'citation_templates',
  'excerpt_translations',
  'quote_uses',
  'meetings',
  'meeting_items',
  'adjudications',
  'read_marks',
  'exchange_ops',
  'exchange_changes',
  'merge_conflicts',
];
