/** Rows of the project file → the records of the contract. One place, so every view agrees. */
import type { Attribute, AttributeType, AttributeValue, Case, CaseType, Coding, CodingStatus, DocumentCoding, DocumentKind, Member, Memo, MemoTarget } from '../../../src-shared/model/entities';
import type { DatePrecision, FuzzyDate } from '../../../src-shared/model/dates';
import { contextAround } from '../../../src-shared/text';
import type { AttributeRow, CaseRow, CaseTypeRow, CodingRow, DocumentRow, MemberRow, MemoRow } from '../db/schema';

export const toMember = (r: MemberRow): Member => ({
  id: r.id,
  name: r.name,
  initials: r.initials,
  color: r.color,
  team: r.team,
  region: r.region,
  archived: r.archived === 1,
});

/** A coding beside its revision's text, which holds its words (unless an edit flagged it). */
export function toDocumentCoding(r: CodingRow): DocumentCoding {
  const coding: DocumentCoding = {
    id: r.id,
    documentId: r.document_id,
    revisionId: r.revision_id,
    codeId: r.code_id,
    start: r.start_offset,
    end: r.end_offset,
    coderId: r.coder_id,
    createdAt: r.created_at,
    status: r.status as CodingStatus,
    comment: r.comment,
  };
  return r.quote === null ? coding : { ...coding, storedQuote: r.quote };
}

/** A coding as people see it: its words and their context come from the revision's text. */
export function toCoding(r: CodingRow, text: string): Coding {
  const context = contextAround(text, r.start_offset, r.end_offset);
  return {
    id: r.id,
    documentId: r.document_id,
    revisionId: r.revision_id,
    codeId: r.code_id,
    start: r.start_offset,
    end: r.end_offset,
    quote: r.quote ?? text.slice(r.start_offset, r.end_offset),
    contextBefore: context.before,
    contextAfter: context.after,
    coderId: r.coder_id,
    createdAt: r.created_at,
    status: r.status as CodingStatus,
    comment: r.comment,
  };
}

export const toDate = (r: Pick<DocumentRow, 'date_start' | 'date_end' | 'date_precision'>): FuzzyDate | null =>
  r.date_start && r.date_end && r.date_precision
    ? { start: r.date_start, end: r.date_end, precision: r.date_precision as DatePrecision }
    : null;

export const fromDate = (d: FuzzyDate | null): Pick<DocumentRow, 'date_start' | 'date_end' | 'date_precision'> => ({
  date_start: d?.start ?? null,
  date_end: d?.end ?? null,
  date_precision: d?.precision ?? null,
});

export const toCaseType = (r: CaseTypeRow): CaseType => ({ id: r.id, name: r.name, parentId: r.parent_id });

export const toCase = (r: CaseRow, attributes: Readonly<Record<string, AttributeValue>>): Case => ({
  id: r.id,
  typeId: r.type_id,
  parentId: r.parent_id,
  name: r.name,
  aliases: JSON.parse(r.aliases) as string[],
  description: r.description,
  attributes,
});

export const toAttribute = (r: AttributeRow): Attribute => ({
  id: r.id,
  name: r.name,
  target: r.target as 'case' | 'document',
  caseTypeId: r.case_type_id,
  valueType: r.value_type as AttributeType,
  choices: r.choices === null ? null : (JSON.parse(r.choices) as string[]),
});

/** Attribute values are stored as JSON so numbers and booleans come back as themselves. */
export const encodeValue = (v: AttributeValue): string => JSON.stringify(v);
export const decodeValue = (s: string): AttributeValue => JSON.parse(s) as AttributeValue;

export const toMemo = (r: MemoRow): Memo => ({
  id: r.id,
  targetType: r.target_type as MemoTarget,
  targetId: r.target_id,
  title: r.title,
  content: r.content,
  text: r.text,
  authorId: r.author_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const asKind = (k: string): DocumentKind => k as DocumentKind;

export const now = (): string => new Date().toISOString();
