import { z } from 'zod';
import { mutation, query } from './define';
import { Color, Id, Name } from './common';
import type { Code } from '../model/entities';

const LongText = z.string().max(100_000);

export interface CodebookImportResult {
  readonly created: number;
  readonly updated: number;
}

export const codebookMethods = {
  'codes.list': query(z.object({ includeArchived: z.boolean().default(true) })).returns<Code[]>(),
  'codes.create': mutation(
    z.object({
      name: Name,
      parentId: Id.nullable().default(null),
      color: Color.optional(),
      definition: LongText.default(''),
      inclusion: LongText.default(''),
      exclusion: LongText.default(''),
      example: LongText.default(''),
    }),
  ).returns<Code>(),
  /** Rename, recolour, re-parent, or edit the definition, criteria or example of a code: one operation. */
  'codes.update': mutation(
    z.object({
      id: Id,
      /** A new parent (null: top level); the code goes last among its new siblings. */
      parentId: Id.nullable().optional(),
      name: Name.optional(),
      color: Color.optional(),
      definition: LongText.optional(),
      inclusion: LongText.optional(),
      exclusion: LongText.optional(),
      example: LongText.optional(),
    }),
  ).returns<Code>(),
  /** Moves a code under another parent (null: top level), before the sibling `beforeId` or last. */
  'codes.move': mutation(
    z.object({ id: Id, parentId: Id.nullable(), beforeId: Id.nullable().default(null) }),
  ).returns<Code>(),
  'codes.archive': mutation(z.object({ id: Id, archived: z.boolean().default(true) })).returns<Code>(),
  /** Moves every coding of `sourceId` to `targetId`, then deletes `sourceId`; its children move to the target. */
  'codes.merge': mutation(z.object({ sourceId: Id, targetId: Id })).returns<Code>(),
  /** Splits a code by reassigning some of its codings to another (possibly new) code. */
  'codes.split': mutation(
    z.object({
      id: Id,
      codingIds: z.array(Id).min(1, { message: 'Choose at least one coding to move to the new code.' }),
      into: z.union([z.object({ codeId: Id }), z.object({ name: Name, parentId: Id.nullable().default(null) })]),
    }),
  ).returns<Code>(),
  /** Deletes a code. Codings or sub-codes are deleted too only when `cascade` is set. */
  'codes.delete': mutation(z.object({ id: Id, cascade: z.boolean().default(false) })).returns<{
    readonly deletedCodes: number;
    readonly deletedCodings: number;
  }>(),
  /** Imports a codebook from CSV (columns: name, parent, color, definition, inclusion, exclusion, example). */
  'codebook.importCsv': mutation(z.object({ csv: z.string().max(20_000_000) })).returns<CodebookImportResult>(),
  'codebook.exportCsv': query(z.object({})).returns<string>(),
};
