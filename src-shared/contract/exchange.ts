import { z } from 'zod';
import { mutation, query } from './define';
import { Id } from './common';

/**
 * Exchanging work with colleagues who code on their own copies: a change bundle (the work since
 * the last exchange with them, or since a date) or a whole project copy goes out; a colleague's
 * bundle or copy comes in and is merged, with what needs a person's eye kept in a review list.
 */

/** The largest exchange file accepted, in bytes. */
export const MAX_EXCHANGE_BYTES = 1024 * 1024 * 1024;

/**
 * A colleague's file: a path where the face has one (the command line, the desktop), or its bytes
 * as base64 (an upload in the browser edition).
 */
const Incoming = z
  .object({
    path: z.string().min(1).max(4096).optional(),
    data: z.base64().max(Math.ceil(MAX_EXCHANGE_BYTES / 3) * 4 + 4, { message: 'This file is over the 1 GB exchange limit.' }).optional(),
  })
  .refine((v) => (v.path === undefined) !== (v.data === undefined), { message: 'Choose the file your colleague sent.', path: ['path'] });

/** Where an exported file goes: written at `path`, or returned as base64 to download. */
const Destination = { path: z.string().min(1).max(4096).optional() };

/** A file made by an export. */
export interface ExchangeFile {
  readonly fileName: string;
  readonly data: string | null;
  readonly path: string | null;
  readonly bytes: number;
}

export interface BundleExport extends ExchangeFile {
  /** Operations in the bundle. */
  readonly operations: number;
}

/** What a colleague's file would bring, or brought: new rows by kind, and what needs review. */
export interface MergeOutcome {
  readonly projectName: string;
  /** The colleague's name as their copy records it. */
  readonly from: string;
  /** Operations new to this copy, and those it already holds. */
  readonly operations: number;
  readonly alreadyHere: number;
  readonly added: { readonly codings: number; readonly codes: number; readonly documents: number; readonly memos: number; readonly other: number };
  readonly conflicts: number;
  /** The automatic copy taken before merging (null for a preview). */
  readonly backupPath: string | null;
}

export const CONFLICT_KINDS = [
  'both_edited',
  'document_edited_both',
  'edited_here_deleted_there',
  'edited_there_deleted_here',
  'restored_for_their_work',
  'moved_to_merged_code',
  'still_used_here',
  'duplicate_merged',
  'renumbered',
  'missing_row',
  'merged_both_ways',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** One thing a merge decided that a person should review. */
export interface MergeConflict {
  readonly id: string;
  readonly kind: ConflictKind;
  /** What it is about: `codes`, `codings`, `documents`, … and the record's id. */
  readonly table: string;
  readonly rowId: string;
  /** The record's name as people know it (a code's name, a document's title), when it has one. */
  readonly label: string;
  readonly field: string | null;
  /** The value the merge kept and the one it set aside (JSON values; null when not a field). */
  readonly kept: unknown;
  readonly other: unknown;
  readonly status: 'open' | 'resolved';
  readonly resolution: string | null;
  readonly createdAt: string;
}

export const exchangeMethods = {
  /**
   * A change bundle: every operation (with its row changes) since the last exchange with a
   * colleague (`peerId`, a copy merged from before), since a date, or everything.
   */
  'exchange.exportBundle': query(
    z.object({ ...Destination, peerId: z.string().min(1).max(100).optional(), since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional() }),
  ).returns<BundleExport>(),
  /** A consistent copy of the whole project file, with its own copy identity, for a colleague to work on. */
  'exchange.exportCopy': query(z.object(Destination)).returns<ExchangeFile>(),
  /** What merging a colleague's file would bring, without changing anything. */
  'exchange.preview': query(Incoming).returns<MergeOutcome>(),
  /** Merges a colleague's bundle or copy into this project: one undoable operation, after an automatic backup. */
  'exchange.merge': mutation(Incoming).returns<MergeOutcome>(),
  /** The review list of what merges decided. */
  'exchange.conflicts': query(z.object({ status: z.enum(['open', 'resolved', 'all']).default('open') })).returns<MergeConflict[]>(),
  /**
   * Settles one item of the review list: `keep` accepts what the merge kept; `useOther` puts the
   * value it set aside back (for a field both sides edited).
   */
  'exchange.resolveConflict': mutation(z.object({ id: Id, choice: z.enum(['keep', 'useOther']) })).returns<MergeConflict>(),
  /** Colleagues' copies this one has merged from, for "since the last exchange with …". */
  'exchange.peers': query(z.object({})).returns<{ replicaId: string; name: string; receivedAt: string }[]>(),
} as const;
