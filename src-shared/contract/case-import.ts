import { z } from 'zod';
import { mutation, query } from './define';
import { Id, Name } from './common';
import { ATTRIBUTE_TYPES } from '../model/entities';
import type { AttributeType } from '../model/entities';

/**
 * Case lists from spreadsheets: a field team's list of informants or enterprises, staged with
 * `imports.stage` (CSV or XLSX) and mapped column by column onto a case type. `cases.previewTable`
 * says what each row would do; `cases.importTable` does it as one undoable operation.
 *
 * Rows are matched to existing cases of the type by name or alias (case and ё/е do not matter),
 * so importing the same list again updates rather than duplicates. A row is all or nothing: one
 * whose values do not fit (a number that is not a number, a choice not among its choices, a
 * parent that cannot be found) is left out whole and listed with its row number, and the other
 * rows are imported. Empty cells never clear what a case already has.
 */

/** A column of the sheet, 0 being the first. */
const Column = z.int().min(0).max(9_999);

export const CaseImportMappingSchema = z.object({
  name: Column,
  aliases: Column.optional(),
  parent: Column.optional(),
  description: Column.optional(),
  /** Existing case attributes of the type (or of every type): attribute id → column. */
  attributes: z.record(Id, Column).default({}),
  /** Columns that become new case attributes of the type; a choice's choices are the column's values. */
  createAttributes: z.array(z.object({ column: Column, name: Name, valueType: z.enum(ATTRIBUTE_TYPES) })).max(200).readonly().default([]),
});

const CaseTableInput = z.object({
  stagedId: Id,
  /** A workbook's sheet; the first unless named. */
  sheet: z.string().max(200).optional(),
  /** A CSV read with another encoding than the one detected. */
  encoding: z.string().trim().min(1).max(40).optional(),
  typeId: Id,
  mapping: CaseImportMappingSchema,
});

export const CASE_IMPORT_OUTCOMES = ['create', 'update', 'unchanged', 'skip', 'problem'] as const;
/**
 * What a row does: adds a case, changes one, matches one that already says all of it, is skipped
 * (no name, or the same case as an earlier row), or is left out for a problem.
 */
export type CaseImportOutcome = (typeof CASE_IMPORT_OUTCOMES)[number];

/** One row of the list. */
export interface CaseImportRow {
  /** As a spreadsheet numbers it: the header is row 1, the first case row 2 (blank rows not counted). */
  readonly row: number;
  readonly outcome: CaseImportOutcome;
  readonly name: string;
  /** The existing case it updates or matches. */
  readonly caseId: string | null;
  /** The case it goes inside, when the parent column names one. */
  readonly parentId: string | null;
  /** For an update: what changes ("aliases", "description", "inside", attribute names). */
  readonly changes: readonly string[];
  /** Why a row is skipped or has problems. */
  readonly messages: readonly string[];
}

export interface CaseImportPreview {
  readonly headers: readonly string[];
  readonly rows: readonly CaseImportRow[];
  readonly counts: Readonly<Record<CaseImportOutcome, number>>;
  /** Attributes the import would add to the type, with a choice's choices. */
  readonly newAttributes: readonly { readonly column: number; readonly name: string; readonly valueType: AttributeType; readonly choices: readonly string[] | null }[];
  /** About the file as a whole (how it was read). */
  readonly warnings: readonly string[];
}

export interface CaseImportReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Rows skipped without a problem: no name, or the same case as an earlier row. */
  readonly skipped: number;
  /** Rows left out for problems. */
  readonly problemRows: number;
  /** Their problems, one entry per problem. */
  readonly problems: readonly { readonly row: number; readonly message: string }[];
  /** Rows skipped without a problem (no name, a repeated row). */
  readonly skips: readonly { readonly row: number; readonly message: string }[];
  /** Names of the attributes added to the type. */
  readonly attributesCreated: readonly string[];
}

export const caseImportMethods = {
  /** What importing a staged case list with this mapping would do, row by row; nothing changes. */
  'cases.previewTable': query(CaseTableInput).returns<CaseImportPreview>(),
  /** Imports a staged case list: new cases, updates and new attributes as one undoable operation. */
  'cases.importTable': mutation(CaseTableInput).returns<CaseImportReport>(),
};
