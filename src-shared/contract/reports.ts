import { z } from 'zod';
import { query } from './define';
import { Id } from './common';

export interface FrequencyRow {
  readonly codeId: string;
  readonly name: string;
  readonly path: string;
  readonly depth: number;
  readonly codings: number;
  readonly documents: number;
}

export const MATRIX_MEASURES = ['codings', 'documents'] as const;

export interface MatrixColumn {
  readonly key: string;
  readonly label: string;
}

export interface Matrix {
  readonly measure: (typeof MATRIX_MEASURES)[number];
  readonly columnsBy: string;
  readonly columns: readonly MatrixColumn[];
  readonly rows: readonly { readonly codeId: string; readonly name: string; readonly path: string; readonly depth: number; readonly cells: readonly number[]; readonly total: number }[];
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
    }),
  ).returns<Matrix>(),
};
