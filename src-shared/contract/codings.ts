import { z } from 'zod';
import { mutation, query } from './define';
import { Id, Offset } from './common';
import type { Coding } from '../model/entities';

/** A coding found by its quote id. */
export interface QuoteLookup {
  readonly coding: Coding;
  readonly quoteId: string;
  readonly documentTitle: string;
}

const ApplyInput = z
  .object({ documentId: Id, codeId: Id, start: Offset, end: Offset, comment: z.string().max(10_000).optional() })
  .refine((s) => s.start < s.end, { message: 'Select some text to code: the selection is empty.' });

export interface ApplyManyResult {
  readonly created: number;
  readonly existing: number;
}

export const codingMethods = {
  'codings.list': query(
    z.object({
      documentId: Id.optional(),
      codeId: Id.optional(),
      coderId: Id.optional(),
      status: z.enum(['ok', 'needs_review']).optional(),
      limit: z.int().min(1).max(100_000).default(1000),
      offset: z.int().min(0).default(0),
    }),
  ).returns<Coding[]>(),
  /**
   * Codes a passage of the document's current revision. The same code on the same span by the
   * same coder is one coding: applying it again returns the existing one.
   */
  'codings.apply': mutation(ApplyInput).returns<Coding>(),
  /** Many codings in one undoable operation (the sample project, imports, scripts). */
  'codings.applyMany': mutation(
    z.object({
      codings: z.array(ApplyInput.and(z.object({ coderId: Id.optional() }))).max(1_000_000),
    }),
  ).returns<ApplyManyResult>(),
  'codings.remove': mutation(z.object({ id: Id })).returns<null>(),
  'codings.resize': mutation(z.object({ id: Id, start: Offset, end: Offset }).refine((s) => s.start < s.end, {
    message: 'A coding cannot be empty: to remove it, use Remove.',
  })).returns<Coding>(),
  'codings.recode': mutation(z.object({ id: Id, codeId: Id })).returns<Coding>(),
  'codings.comment': mutation(z.object({ id: Id, comment: z.string().max(10_000).nullable() })).returns<Coding>(),
  /** Marks a coding flagged after an edit as checked. */
  'codings.confirm': mutation(z.object({ id: Id })).returns<Coding>(),
  /** The coding a quote id (`REM-INT-1993-06-014:q3`) stands for, e.g. one copied into a paper draft. */
  'codings.byQuoteId': query(z.object({ quoteId: z.string().trim().min(1).max(100) })).returns<QuoteLookup>(),
};

