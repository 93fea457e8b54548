/**
 * The codebook's history: every change of a code (name, colour, parent, definition, criteria,
 * example; created, archived, merged, split, deleted) with who, when and why, read from the change
 * log. Undone work is not history; when a change came from a meeting's decision, the meeting is
 * the reason.
 */
import { z } from 'zod';
import { query } from './define';
import { Id } from './common';
import { CitationLanguageSchema } from './retrieval';
import type { Summary } from '../model/summaries';

/** The fields of a code whose change the history shows, before and after. */
export const CODE_HISTORY_FIELDS = ['name', 'color', 'parent', 'definition', 'inclusion', 'exclusion', 'example'] as const;
export type CodeHistoryField = (typeof CODE_HISTORY_FIELDS)[number];

export const CODE_HISTORY_ACTIONS = ['created', 'edited', 'renamed', 'moved', 'archived', 'restored', 'merged-into', 'merged-from', 'split-into', 'split-from', 'deleted'] as const;
export type CodeHistoryAction = (typeof CODE_HISTORY_ACTIONS)[number];

export interface CodeFieldChange {
  readonly field: CodeHistoryField;
  /** Null when the code was created (there was no value before) or deleted. */
  readonly before: string | null;
  readonly after: string | null;
}

/** The meeting a change was decided at. */
export interface CodeHistoryMeeting {
  readonly id: string;
  readonly title: string;
  readonly team: string;
  /** ISO timestamp. */
  readonly heldAt: string;
  /** The agenda item's outcome (refine-definition, merge, split…). */
  readonly outcome: string | null;
  /** The discussion note of the decision, as plain text. */
  readonly note: string;
  /** False once the meeting was deleted (its title and date come from the change log then). */
  readonly exists: boolean;
}

export interface CodeHistoryEntry {
  /** The operation of the change log: one user action, undone together. */
  readonly operationId: string;
  readonly seq: number;
  /** ISO timestamp. */
  readonly at: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly method: string;
  /** The operation's one-line summary ("Refined the definition of … at the meeting …"). */
  readonly summary: string;
  /** The same summary as a key and values, to show it in the reader's language; null for older operations. */
  readonly described: Summary | null;
  readonly codeId: string;
  /** The code's name now, or its last name when it was deleted. */
  readonly codeName: string;
  readonly action: CodeHistoryAction;
  readonly fields: readonly CodeFieldChange[];
  /** merged-into / split-into: the code that received; merged-from / split-from: the code given up. */
  readonly otherCodeId: string | null;
  readonly otherCodeName: string | null;
  /** Codings moved by a merge or split. */
  readonly codings: number;
  readonly meeting: CodeHistoryMeeting | null;
  /** Why: the meeting's note (or, without a note, the operation's summary). */
  readonly reason: string;
}

export const CODE_HISTORY_FORMATS = ['csv', 'md'] as const;
export type CodeHistoryFormat = (typeof CODE_HISTORY_FORMATS)[number];

export const codebookHistoryMethods = {
  /** The history of one code, or of the whole codebook; newest first. */
  'codebook.history': query(z.object({ codeId: Id.optional(), limit: z.int().min(1).max(100_000).default(1000) })).returns<CodeHistoryEntry[]>(),
  /** The history as CSV (one row per changed field) or Markdown, written at `path` or returned as `data` (base64). */
  'export.codebookHistory': query(
    z.object({
      format: z.enum(CODE_HISTORY_FORMATS),
      codeId: Id.optional(),
      language: CitationLanguageSchema,
      path: z.string().min(1).optional(),
    }),
  ).returns<{ readonly fileName: string; readonly mimeType: string; readonly data: string | null; readonly path: string | null; readonly bytes: number; readonly items: number }>(),
};
