import { z } from 'zod';
import { query } from './define';
import { Id } from './common';
import type { Wave } from './waves';

export interface FrequencyRow {
  readonly codeId: string;
  readonly name: string;
  readonly path: string;
  readonly depth: number;
  readonly codings: number;
  readonly documents: number;
}

/**
 * What a matrix cell shows. Raw counts mislead when enterprises differ in how much was recorded,
 * so besides codings, documents, informants and coded characters there are codings per 10,000
 * words of the column's material, row and column percentages, and mere presence (0 or 1).
 */
export const MATRIX_MEASURES = ['codings', 'documents', 'informants', 'chars', 'per10k', 'rowpct', 'colpct', 'presence'] as const;
export type MatrixMeasure = (typeof MATRIX_MEASURES)[number];

/** Columns split by when the material is dated: month, quarter, year, or the project's named waves. */
export const MATRIX_PERIODS = ['month', 'quarter', 'year', 'wave'] as const;
export type MatrixPeriod = (typeof MATRIX_PERIODS)[number];

export interface MatrixColumn {
  readonly key: string;
  readonly label: string;
  /** The column's case or attribute value when split by period; the label otherwise. */
  readonly group: string;
  /** `1993-06`, `1993-Q2`, `1993`, `wave:Wave 1` (`wave:` outside every wave), or `undated`; null when not split by period. */
  readonly period: string | null;
  /** Documents counted for the column, and their words (current revisions). */
  readonly documents: number;
  readonly words: number;
}

export interface MatrixRow {
  readonly codeId: string;
  readonly name: string;
  readonly path: string;
  readonly depth: number;
  /** The measure, per column. */
  readonly cells: readonly number[];
  /** Codings per column, whatever the measure: the basis for flagging small counts. */
  readonly counts: readonly number[];
  /** The measure over the whole project (codings, documents…); for percentages, the row's codings. */
  readonly total: number;
}

export interface Matrix {
  readonly measure: MatrixMeasure;
  readonly columnsBy: string;
  readonly period: MatrixPeriod | null;
  readonly columns: readonly MatrixColumn[];
  readonly rows: readonly MatrixRow[];
  /** Cells resting on fewer codings than this are flagged as too small to compare. */
  readonly smallBelow: number;
  /** The project's waves when split by wave (what a `wave:` key stands for); empty otherwise. */
  readonly waves: readonly Wave[];
}

export const reportMethods = {
  'reports.frequencies': query(z.object({ includeArchived: z.boolean().default(false) })).returns<FrequencyRow[]>(),
  /**
   * Code × case matrix. `columns` names a case type ("enterprise") or an attribute ("region");
   * a document counts for a case when it is linked to the case or to any case inside it.
   */
  'reports.matrix': query(
    z.object({
      columns: z.string().trim().min(1),
      measure: z.enum(MATRIX_MEASURES).default('codings'),
      codeId: Id.optional(),
      period: z.enum(MATRIX_PERIODS).optional(),
      smallBelow: z.int().min(0).max(1000).default(5),
      /** Count only these coders' codings (none: everyone's), e.g. to compare one coder's habits. */
      coderIds: z.array(Id).max(200).default([]),
    }),
  ).returns<Matrix>(),
};
