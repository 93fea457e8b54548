/**
 * Circulation between regional teams: each member's "unread" documents and excerpts (codings)
 * added by members of other teams, and marking them read (one item, a document with its codings,
 * or everything). Personal: marking read is not undoable and changes nothing others see.
 */
import { z } from 'zod';
import { mutation, query } from './define';
import { Id } from './common';

export interface UnreadDocumentCount {
  readonly documentId: string;
  readonly title: string;
  /** The document itself is new and unread (not only some of its codings). */
  readonly document: boolean;
  readonly codings: number;
}

export interface UnreadCodeCount {
  readonly codeId: string;
  readonly codings: number;
}

export interface UnreadItem {
  readonly kind: 'document' | 'coding';
  readonly id: string;
  readonly documentId: string;
  readonly documentTitle: string;
  /** The coding's code; null for a document. */
  readonly codeId: string | null;
  readonly codeName: string | null;
  /** The coded words (shortened); null for a document. */
  readonly quote: string | null;
  readonly personId: string;
  readonly personName: string;
  readonly team: string | null;
  /** ISO timestamp. */
  readonly createdAt: string;
}

export interface Unread {
  /** The current member's team (null: none); "other teams" are every other team. */
  readonly team: string | null;
  readonly documents: number;
  readonly codings: number;
  readonly byDocument: readonly UnreadDocumentCount[];
  readonly byCode: readonly UnreadCodeCount[];
  /** The unread items, newest first, at most `limit` (of the document or code asked for). */
  readonly items: readonly UnreadItem[];
}

const ReadTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('coding'), id: Id }),
  /** The document itself (opened in the Reader). */
  z.object({ kind: z.literal('document'), id: Id }),
  /** The document and every coding in it. */
  z.object({ kind: z.literal('document-all'), id: Id }),
  z.object({ kind: z.literal('all') }),
]);
export type ReadTarget = z.infer<typeof ReadTarget>;

export const circulationMethods = {
  /** What the current member has not read of other teams' documents and codings: counts, and the items. */
  'circulation.unread': query(
    z.object({ documentId: Id.optional(), codeId: Id.optional(), limit: z.int().min(0).max(5000).default(100) }),
  ).returns<Unread>(),
  /** Marks one coding, one document, a document with its codings, or everything as read by the current member. */
  'circulation.markRead': mutation(ReadTarget).returns<{ readonly marked: number }>(),
};
