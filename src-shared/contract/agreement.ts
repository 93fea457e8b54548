import { z } from 'zod';
import { query } from './define';
import { Id } from './common';
import { DocumentFilterShape } from './retrieval';
import type { Figure } from '../stats/agreement';

/**
 * What a unit of agreement is. A unit is "coded with X by coder C" when a coding of C with X (or,
 * with `includeSubcodes`, with a code inside X) overlaps it by at least one character.
 * - `document`: the whole document;
 * - `paragraph`: each line the Reader shows (paragraph, speaker turn or stage direction);
 * - `turn`: a speaker's turn with the paragraphs that follow it up to the next turn; lines before
 *   the first turn and stage directions are units of their own; a document without turns is
 *   counted by paragraph (`documentsWithoutTurns` says how many);
 * - `sentence`: sentences within each line, as the document's language splits them;
 * - `characters`: every character, counted in runs where no coder's coding changes; this is also
 *   the unit of Krippendorff's unitizing α (α_u), which compares where the coded stretches begin
 *   and end.
 */
export const AGREEMENT_UNITS = ['document', 'paragraph', 'turn', 'sentence', 'characters'] as const;
export type AgreementUnit = (typeof AGREEMENT_UNITS)[number];

/**
 * Why a figure should be read with care:
 * - `fewUnits`: fewer than 10 units that two coders rated: one unit more or less moves the figure a lot;
 * - `rareCode` / `commonCode`: the code is applied to under 5 % (over 95 %) of the ratings, so
 *   κ and α can be low although the coders almost always agree (the "kappa paradox");
 * - `missingCoders`: some units come from documents a coder did not code at all; those ratings
 *   count as missing, not as "not coded".
 */
export const AGREEMENT_WARNINGS = ['fewUnits', 'rareCode', 'commonCode', 'missingCoders'] as const;
export type AgreementWarning = (typeof AGREEMENT_WARNINGS)[number];

/** Fewer pairable units than this make a figure unreliable. */
export const FEW_UNITS = 10;
/** A code applied to less than this share of the ratings (or more than 1 minus it) is rare (common). */
export const RARE_SHARE = 0.05;

/** Figures for two coders. */
export interface PairAgreement {
  readonly coderIds: readonly [string, string];
  /** Units both rated (characters for the `characters` unit). */
  readonly units: number;
  readonly percent: Figure;
  readonly kappa: Figure;
  readonly alpha: Figure;
}

export interface AgreementFigures {
  /** Units counted (characters for the `characters` unit), uncoded ones left out unless asked for. */
  readonly units: number;
  /** Of them, units at least two coders rated. */
  readonly pairable: number;
  /** Percent agreement: the share of pairs of coders who gave the same rating (0..1). */
  readonly percent: Figure;
  /** Fleiss' κ over units every chosen coder rated. */
  readonly fleiss: Figure;
  /** Krippendorff's α (nominal), all coders, missing ratings allowed. */
  readonly alpha: Figure;
  /** Krippendorff's unitizing α: only for a code with the `characters` unit, otherwise null. */
  readonly unitizedAlpha: Figure | null;
  /** Share of the ratings that apply the code (0..1); null when there are none. */
  readonly prevalence: number | null;
  readonly warnings: readonly AgreementWarning[];
  /** One entry per pair of coders, in the order the coders were given. */
  readonly pairs: readonly PairAgreement[];
}

export interface AgreementCodeRow extends AgreementFigures {
  readonly codeId: string;
  readonly name: string;
  readonly path: string;
  readonly depth: number;
  readonly color: string;
}

export interface AgreementGroupRow extends AgreementFigures {
  readonly id: string;
  readonly label: string;
}

export interface AgreementResult {
  readonly unit: AgreementUnit;
  readonly coders: readonly { readonly id: string; readonly name: string; readonly initials: string }[];
  /** Per code, in codebook order. */
  readonly codes: readonly AgreementCodeRow[];
  /** All chosen codes together: every (unit, code) is one rating of "applied or not". */
  readonly overall: AgreementFigures;
  /** All chosen codes together, per document (reading order) and per case (by name). */
  readonly documents: readonly AgreementGroupRow[];
  readonly cases: readonly AgreementGroupRow[];
  /**
   * Units no chosen coder coded with any chosen code. Left out of every figure unless
   * `includeUncoded`: otherwise text nobody coded would count as agreement.
   */
  readonly uncodedUnits: number;
  readonly includeUncoded: boolean;
  /**
   * Documents at least two chosen coders coded (the only ones that say anything about agreement),
   * and of them those not every chosen coder coded (the others' ratings there are missing).
   */
  readonly documentCount: number;
  /** Documents in scope only one chosen coder coded: left out. */
  readonly documentsOneCoder: number;
  readonly documentsMissingCoders: number;
  /** With the `turn` unit: documents without speaker turns, counted by paragraph. */
  readonly documentsWithoutTurns: number;
}

const { coderIds: _coders, ...Filters } = DocumentFilterShape;

export const agreementMethods = {
  /**
   * Inter-coder agreement of two or more coders on the chosen codes (every code not archived when
   * none is given). A coder who made no coding at all in a document did not rate it: their ratings
   * there are missing (Fleiss' κ leaves such units out; α and the pair figures use what there is).
   */
  'agreement.compute': query(
    z
      .object({
        coderIds: z.array(Id).min(2, { message: 'Choose at least two coders to compare.' }).max(20),
        codeIds: z.array(Id).max(2000).default([]),
        includeSubcodes: z.boolean().default(false),
        unit: z.enum(AGREEMENT_UNITS).default('paragraph'),
        includeUncoded: z.boolean().default(false),
        documentIds: z.array(Id).max(10_000).default([]),
        ...Filters,
      })
      .refine((q) => new Set(q.coderIds).size === q.coderIds.length, { message: 'A coder is chosen twice: choose different coders.', path: ['coderIds'] }),
  ).returns<AgreementResult>(),
};
