import { z } from 'zod';
import { mutation, query } from './define';
import { Id } from './common';
import { DEFAULT_BOUNDARY_TOLERANCE } from '../model/disagreements';
import type { DisagreementKind } from '../model/disagreements';
import type { Coding } from '../model/entities';

/**
 * What the adjudicator decides on a disagreement between coder A and coder B:
 * - `accept-a`: A is right — B's coding is made equal to A's (created when B had none, removed
 *   when A had none);
 * - `accept-b`: the same the other way round;
 * - `both`: both codings stay as they are, and the disagreement leaves the queue;
 * - `neither`: both codings are removed;
 * - `note`: a memo for the codebook on the code (the definition needs work); the codings stay.
 */
export const ADJUDICATION_DECISIONS = ['accept-a', 'accept-b', 'both', 'neither', 'note'] as const;
export type AdjudicationDecision = (typeof ADJUDICATION_DECISIONS)[number];

/** One disagreement, with both codings' words and context (null where a coder has no coding). */
export interface Disagreement {
  /** Its identity whichever coder is A (see `disagreementKey`). */
  readonly key: string;
  readonly kind: DisagreementKind;
  readonly documentId: string;
  readonly documentTitle: string;
  readonly a: Coding | null;
  readonly b: Coding | null;
}

export interface DisagreementPage {
  readonly items: readonly Disagreement[];
  /** Open disagreements in all (the page is a part of them). */
  readonly total: number;
  /** Disagreements of this pair decided with "both" or "note" and so left out. */
  readonly decided: number;
  /** Documents only one of the two has coded, left out: not yet coded by both, so nothing to compare. */
  readonly oneSided: number;
  readonly coderA: string;
  readonly coderB: string;
}

export interface Adjudication {
  readonly id: string;
  readonly decision: AdjudicationDecision;
  /** The codings of A and B after the decision (null when none remains). */
  readonly aCodingId: string | null;
  readonly bCodingId: string | null;
  /** The codebook memo written for a `note`. */
  readonly memoId: string | null;
}

const Pair = {
  coderA: Id,
  coderB: Id,
};
const differentCoders = {
  check: (p: { coderA: string; coderB: string }) => p.coderA !== p.coderB,
  message: { message: 'Choose two different coders to compare.', path: ['coderB'] },
};

export const disagreementMethods = {
  /**
   * Where coder A and coder B disagree, in document and text order, for the chosen documents and
   * codes (all when left out), on the documents both have coded. `tolerance`: characters the ends of the same code's passages may
   * differ by, once snapped to words, and still agree.
   */
  'disagreements.list': query(
    z
      .object({
        ...Pair,
        documentIds: z.array(Id).max(100_000).optional(),
        codeIds: z.array(Id).max(5000).optional(),
        tolerance: z.int().min(0).max(10_000).default(DEFAULT_BOUNDARY_TOLERANCE),
        limit: z.int().min(1).max(1000).default(50),
        offset: z.int().min(0).default(0),
      })
      .refine(differentCoders.check, differentCoders.message),
  ).returns<DisagreementPage>(),
  /** Decides one disagreement, given by its codings as listed: one undoable operation. */
  'disagreements.resolve': mutation(
    z
      .object({
        ...Pair,
        aCodingId: Id.nullable(),
        bCodingId: Id.nullable(),
        decision: z.enum(ADJUDICATION_DECISIONS),
        note: z.string().trim().max(10_000).optional(),
      })
      .refine(differentCoders.check, differentCoders.message)
      .refine((r) => r.aCodingId !== null || r.bCodingId !== null, { message: 'Choose a disagreement to decide: neither coding was given.', path: ['aCodingId'] })
      .refine((r) => r.decision !== 'note' || (r.note ?? '') !== '', { message: 'Write the note for the codebook first.', path: ['note'] }),
  ).returns<Adjudication>(),
};
