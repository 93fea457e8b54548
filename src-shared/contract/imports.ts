import { z } from 'zod';
import { mutation, query } from './define';
import { DateInput, Id } from './common';
import { DOCUMENT_KINDS } from '../model/entities';
import type { DocumentKind } from '../model/entities';
import type { ReviseResult } from './documents';
import type { FuzzyDate } from '../model/dates';
import { CLEANUP_OPTIONS } from '../text/cleanup';
import type { CleanupOption } from '../text/cleanup';

/**
 * Importing is staged so a researcher sees what will happen before anything lands in the project:
 * files are handed to the core one by one (`imports.stage`, which is where progress and cancel
 * live), looked at with other encodings or clean-up choices (`imports.preview`), given metadata
 * from a filename pattern or a manifest (`imports.suggest`), and only then imported together
 * as one undoable operation (`imports.commit`). Staged files live in memory until committed,
 * discarded, or the project is closed.
 */

/** The largest file accepted, in bytes (a scanned book as PDF is far below it). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export const Cleanup = z.object(Object.fromEntries(CLEANUP_OPTIONS.map((o) => [o, z.boolean().optional()])) as Record<CleanupOption, z.ZodOptional<z.ZodBoolean>>);
export type CleanupChoice = Partial<Record<CleanupOption, boolean>>;

const Encoding = z.string().trim().min(1).max(40);

/** How a file was read, and what a user can change about it. */
export interface ImportPreview {
  readonly stagedId: string;
  readonly fileName: string;
  readonly size: number;
  /** `table` for a spreadsheet (CSV/XLSX): a case list or a manifest, read with `imports.table`. */
  readonly format: string;
  /** The encoding used and the others worth trying; null for binary formats (DOCX, PDF…). */
  readonly encoding: { readonly name: string; readonly detected: boolean; readonly confidence: number; readonly alternatives: readonly string[] } | null;
  /** The title the file itself gives (DOCX/ODT/HTML/PDF metadata), if any. */
  readonly title: string | null;
  /** Characters of the text as it will be imported (after clean-up). */
  readonly length: number;
  /** The beginning of that text, for the preview pane. */
  readonly excerpt: string;
  readonly pages: number;
  readonly paragraphs: number;
  readonly turns: number;
  readonly directions: number;
  /** Speaker labels found, with the case they will be linked to (a case named or aliased so), if any. */
  readonly speakers: readonly { readonly label: string; readonly turns: number; readonly caseId: string | null }[];
  /** The clean-up this text seems to need (pre-ticked in the dialog) and what the chosen one changed. */
  readonly suggestedCleanup: CleanupChoice;
  readonly cleanup: CleanupChoice;
  readonly changes: Readonly<Record<CleanupOption, number>>;
  readonly warnings: readonly string[];
}

/** A file that could not be read, with the reason in plain words. */
export interface ImportFailure {
  readonly fileName: string;
  readonly reason: string;
}

export type StageResult = ({ readonly ok: true } & ImportPreview) | ({ readonly ok: false; readonly stagedId: null } & ImportFailure);

/** What Quire proposes for one staged file's details; the dialog shows it in the preview table. */
export interface ImportSuggestion {
  readonly stagedId: string;
  readonly fileName: string;
  readonly title: string;
  readonly kind: DocumentKind;
  readonly language: string;
  readonly date: FuzzyDate | null;
  readonly caseIds: readonly string[];
  readonly speakers: Readonly<Record<string, string>>;
  /** Why a pattern or manifest did not fully apply (e.g. "no case named «Кольцо»"). */
  readonly problems: readonly string[];
}

export interface ImportReport {
  readonly imported: readonly {
    readonly documentId: string;
    readonly fileName: string;
    readonly title: string;
    readonly format: string;
    readonly encoding: string | null;
    readonly length: number;
    readonly turns: number;
    readonly warnings: readonly string[];
  }[];
  readonly skipped: readonly ImportFailure[];
}

const ImportItem = z.object({
  stagedId: Id,
  title: z.string().trim().min(1, { message: 'A document needs a title.' }).max(1000),
  kind: z.enum(DOCUMENT_KINDS),
  language: z.string().trim().min(2).max(35),
  date: DateInput.nullable().default(null),
  caseIds: z.array(Id).readonly().default([]),
  speakers: z.record(z.string(), Id).readonly().default({}),
  interviewerIds: z.array(Id).readonly().default([]),
  encoding: Encoding.optional(),
  cleanup: Cleanup.default({}),
});

/** A staged spreadsheet: a case list to map onto cases, or an import manifest. */
export interface StagedTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly sheetNames: readonly string[];
  readonly sheet: string | null;
  readonly warnings: readonly string[];
}

export interface OriginalFile {
  readonly fileName: string;
  readonly format: string;
  readonly size: number;
  readonly sha256: string;
  /** The bytes as imported, base64. */
  readonly data: string;
  readonly importedAt: string;
  /** How it was read: encoding and clean-up, so the import can be repeated or explained. */
  readonly options: { readonly encoding: string | null; readonly cleanup: CleanupChoice };
}

export const importMethods = {
  /** Reads one file (bytes as base64) and keeps it staged; a file that cannot be read is reported, not thrown. */
  'imports.stage': query(
    z.object({
      fileName: z.string().trim().min(1).max(1000),
      data: z.base64().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, { message: 'This file is over the 200 MB import limit.' }),
      encoding: Encoding.optional(),
    }),
  ).returns<StageResult>(),
  /** The same staged file read with another encoding or clean-up. */
  'imports.preview': query(z.object({ stagedId: Id, encoding: Encoding.optional(), cleanup: Cleanup.optional() })).returns<ImportPreview>(),
  /**
   * Proposed details for staged files: from a filename pattern such as
   * `{enterprise}_{date}_{kind}_{informant}` and/or a manifest (a staged CSV/XLSX with a `file`
   * column). Pattern fields and manifest columns name document fields (title, kind, date,
   * language) or case types (enterprise, informant…), whose cases are found by name or alias.
   */
  'imports.suggest': query(
    z.object({
      stagedIds: z.array(Id).min(1),
      pattern: z.string().max(500).optional(),
      manifestId: Id.optional(),
      defaults: z.object({ kind: z.enum(DOCUMENT_KINDS).optional(), language: z.string().max(35).optional() }).default({}),
    }),
  ).returns<ImportSuggestion[]>(),
  /** The rows of a staged spreadsheet (one sheet of a workbook: the first unless named). */
  'imports.table': query(z.object({ stagedId: Id, sheet: z.string().max(200).optional(), encoding: Encoding.optional() })).returns<StagedTable>(),
  /** Forgets staged files (the dialog was cancelled). */
  'imports.discard': query(z.object({ stagedIds: z.array(Id) })).returns<null>(),
  /**
   * Imports staged files as documents, keeping each original file: one undoable operation. Files
   * that cannot be read are skipped and reported, or, with `allOrNothing`, nothing is imported.
   */
  'imports.commit': mutation(z.object({ items: z.array(ImportItem).min(1).max(10_000), allOrNothing: z.boolean().default(false) })).returns<ImportReport>(),
  /**
   * Reads a document's original file again with another encoding or clean-up, as a new revision:
   * clean-up stays reversible after import, and codings follow their words as after any edit.
   */
  'documents.reread': mutation(z.object({ documentId: Id, encoding: Encoding.optional(), cleanup: Cleanup.default({}) })).returns<ReviseResult>(),
  /** The file a document was imported from, for provenance or to import it again; null when it was typed in. */
  'documents.original': query(z.object({ documentId: Id })).returns<OriginalFile | null>(),
};
