import { z } from 'zod';
import { query } from './define';
import { Id } from './common';
import { CitationLanguageSchema, DocumentFilterShape, Paging } from './retrieval';
import type { ExcerptPage } from './retrieval';

/**
 * What counts as two codes occurring together, and the unit each code's own count is made of:
 * - `overlap`: a passage of one overlaps a passage of the other. Counts are overlapping pairs of
 *   codings; a code's own count is its number of codings. Jaccard is measured on characters: the
 *   text coded with both over the text coded with either.
 * - `sameSegment`: both touch the same turn or paragraph. Counts are segments; a code's own count
 *   is the number of segments it touches. Jaccard = segments with both / segments with either.
 * - `sameDocument`: both occur in the same document. Counts are documents, Jaccard likewise.
 * The c-coefficient is n12 / (n1 + n2 − n12) on the counts (capped at 1; for segments and
 * documents it equals Jaccard).
 */
export const COOCCURRENCE_BY = ['overlap', 'sameSegment', 'sameDocument'] as const;
export type CooccurrenceBy = (typeof COOCCURRENCE_BY)[number];

export interface CooccurrenceCode {
  readonly codeId: string;
  readonly name: string;
  readonly path: string;
  readonly depth: number;
  readonly color: string;
}

export interface CooccurrenceMatrix {
  readonly by: CooccurrenceBy;
  /** Rows and columns alike, in codebook order. */
  readonly codes: readonly CooccurrenceCode[];
  /** counts[i][j]: co-occurrences of code i and code j; the diagonal holds each code's own count. Symmetric. */
  readonly counts: readonly (readonly number[])[];
  /** Jaccard's index, four decimals; 1 on the diagonal of a code that occurs. */
  readonly jaccard: readonly (readonly number[])[];
  /** The c-coefficient, four decimals. */
  readonly c: readonly (readonly number[])[];
}

const Filters = { ...DocumentFilterShape };

export const cooccurrenceMethods = {
  /**
   * Code × code co-occurrence for the codes inside `codeId` (the code itself included), or the
   * listed `codeIds`, or every code not archived.
   */
  'cooccurrence.matrix': query(
    z.object({
      by: z.enum(COOCCURRENCE_BY).default('overlap'),
      codeId: Id.optional(),
      codeIds: z.array(Id).max(2000).optional(),
      ...Filters,
    }),
  ).returns<CooccurrenceMatrix>(),
  /**
   * The passages behind one cell, one excerpt per unit counted: an overlapping pair (the first
   * code's passage, the second's as related), a segment, or a document. `codeIds` [a, a] gives the
   * diagonal: the code's own units.
   */
  'cooccurrence.excerpts': query(
    z.object({
      by: z.enum(COOCCURRENCE_BY).default('overlap'),
      codeIds: z.tuple([Id, Id]),
      ...Filters,
      ...Paging,
      language: CitationLanguageSchema,
      context: z.int().min(0).max(2000).default(240),
    }),
  ).returns<ExcerptPage>(),
};
