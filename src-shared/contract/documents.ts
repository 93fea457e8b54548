import { z } from 'zod';
import { mutation, query } from './define';
import { AttributeValueInput, DateInput, Id } from './common';
import { DOCUMENT_KINDS } from '../model/entities';
import type { DocumentDetail, DocumentSummary, Revision } from '../model/entities';

const Title = z.string().trim().min(1, { message: 'A document needs a title.' }).max(1000);
const Language = z.string().trim().min(2).max(35);

const MetadataFields = {
  title: Title,
  kind: z.enum(DOCUMENT_KINDS),
  language: Language,
  date: DateInput.nullable(),
  interviewerIds: z.array(Id),
  sourceFileName: z.string().max(1000).nullable(),
};

/** Up to 50 million characters: a whole book, far beyond any transcript, yet bounded. */
const DocumentText = z.string().max(50_000_000, { message: 'This text is too long for one document (over 50 million characters): split it.' });

export interface ReviseResult {
  readonly document: DocumentSummary;
  readonly codings: { readonly intact: number; readonly moved: number; readonly needsReview: number };
}

/** Whose turns a speaker label's are (the rule documented with retrieval's SPEAKER_FILTERS). */
export type SpeakerSide = 'informant' | 'interviewer';

/** A speaker label of a document's current revision and the case it speaks for. */
export interface DocumentSpeaker {
  /** As the turns carry it (`Р1`, `И`, `Директор`). */
  readonly label: string;
  /** How many turns carry it. */
  readonly turns: number;
  /** The case the label speaks for; null when it is linked to none. */
  readonly caseId: string | null;
  /**
   * Whose turns they count as in retrieval, exports and reports: a linked label's are an
   * informant's; an unlinked one's the interviewer's when it reads as one (И, Q, …) or names one
   * of the document's interviewers, an informant's otherwise.
   */
  readonly side: SpeakerSide;
}

export const documentMethods = {
  'documents.list': query(
    z.object({ kind: z.enum(DOCUMENT_KINDS).optional(), caseId: Id.optional() }),
  ).returns<DocumentSummary[]>(),
  /**
   * A document with its text, segments and codings. With `opening`, only the part a reader shows
   * first, at once even for a long transcript: the whole segments touching its first `opening`
   * characters and the codings touching them (the answer's `opening` says where that part ends).
   */
  'documents.get': query(z.object({ id: Id, revisionId: Id.optional(), opening: z.int().min(1).optional() })).returns<DocumentDetail>(),
  'documents.create': mutation(
    z.object({
      ...MetadataFields,
      kind: MetadataFields.kind.default('other'),
      language: Language.default('ru'),
      date: MetadataFields.date.default(null),
      interviewerIds: MetadataFields.interviewerIds.default([]),
      sourceFileName: MetadataFields.sourceFileName.default(null),
      /** `markdown` keeps the words and paragraphs and drops the markup. */
      format: z.enum(['text', 'markdown']).default('text'),
      text: DocumentText,
      caseIds: z.array(Id).default([]),
      speakers: z.record(z.string(), Id).default({}),
      attributes: z.record(Id, AttributeValueInput).default({}),
    }),
  ).returns<DocumentSummary>(),
  /** Changes a document's details; `caseIds`, when given, is the complete new set of linked cases. */
  'documents.update': mutation(
    z.object({
      id: Id,
      ...z.object(MetadataFields).partial().shape,
      caseIds: z.array(Id).optional(),
      /** Attribute values to set; null clears one. */
      attributes: z.record(Id, AttributeValueInput.nullable()).optional(),
      /** The document part of its quote ids (`REM-INT-1993-06-014`); must be unique in the project. */
      quoteKey: z.string().trim().min(1).max(60).optional(),
    }),
  ).returns<DocumentSummary>(),
  'documents.revise': mutation(
    z.object({ id: Id, text: DocumentText, note: z.string().max(2000).optional() }),
  ).returns<ReviseResult>(),
  'documents.revisions': query(z.object({ id: Id })).returns<Revision[]>(),
  'documents.delete': mutation(
    z.object({ id: Id, cascade: z.boolean().default(false) }),
  ).returns<{ readonly deletedCodings: number }>(),
  'documents.linkCase': mutation(z.object({ documentId: Id, caseId: Id })).returns<null>(),
  'documents.unlinkCase': mutation(z.object({ documentId: Id, caseId: Id })).returns<null>(),
  /** The speaker labels of a document's current revision, in the order they first speak. */
  'documents.speakers': query(z.object({ id: Id })).returns<DocumentSpeaker[]>(),
  'documents.linkSpeaker': mutation(
    z.object({ documentId: Id, speaker: z.string().trim().min(1).max(200), caseId: Id.nullable() }),
  ).returns<null>(),
};
