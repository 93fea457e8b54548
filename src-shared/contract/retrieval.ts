import { z } from 'zod';
import { mutation, query } from './define';
import { AttributeValueInput, DateInput, Id, Name } from './common';
import { DOCUMENT_KINDS } from '../model/entities';
import type { DocumentKind } from '../model/entities';
import type { FuzzyDate } from '../model/dates';
import type { CitationSource } from '../model/citation';
import type { ExcerptTranslation } from './translations';

/**
 * How the codes of a query combine. `any` and `all` take any number of codes; the others relate
 * the first code (A) to the rest (B, any of them):
 * - `any`: every passage coded with one of the codes (one excerpt per span);
 * - `all`: the stretches of text where all the codes overlap (the intersection);
 * - `not`: A's passages that overlap no B passage;
 * - `overlaps`: A's passages that overlap a B passage;
 * - `sameSegment`: A's passages that touch a turn or paragraph a B passage touches too;
 * - `within`: A's passages with a B passage at most `distance` characters away (overlapping counts);
 * - `follows`: A's passages followed by a B passage that starts at most `distance` characters after A ends.
 */
export const RETRIEVAL_OPERATORS = ['any', 'all', 'not', 'overlaps', 'sameSegment', 'within', 'follows'] as const;
export type RetrievalOperator = (typeof RETRIEVAL_OPERATORS)[number];
/** Operators that relate the first code to the others: they need at least two codes. */
export const RELATION_OPERATORS: readonly RetrievalOperator[] = ['not', 'overlaps', 'sameSegment', 'within', 'follows'];

/**
 * Whose words: `informants` keeps passages that touch an informant's turn; `interviewer` those that
 * touch an interviewer's turn and no informant's. A turn is the informant's when its speaker label
 * is linked to a case (speaker links), or else when the label is not an interviewer's (И, И1,
 * Интервьюер, Interviewer, Int, Q, В, Вопрос, I, or the name or initials of one of the
 * document's interviewers). Dash-led turns without a label are nobody's; paragraphs too.
 */
export const SPEAKER_FILTERS = ['all', 'informants', 'interviewer'] as const;
export type SpeakerFilter = (typeof SPEAKER_FILTERS)[number];

/**
 * Which documents (and codings) count: every filter given must hold. A document counts for a case
 * and for its attribute values when it is linked to the case or to a case inside it (as in
 * `reports.matrix`); several values of one attribute mean any of them.
 */
export const DocumentFilterShape = {
  attributes: z.array(z.object({ attributeId: Id, values: z.array(AttributeValueInput).min(1).max(200) })).max(20).default([]),
  caseIds: z.array(Id).max(500).default([]),
  kinds: z.array(z.enum(DOCUMENT_KINDS)).default([]),
  documentLanguages: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  /** Documents whose dates fall (at least partly) between `from` and `to`; undated ones drop out. */
  from: DateInput.nullable().default(null),
  to: DateInput.nullable().default(null),
  coderIds: z.array(Id).max(200).default([]),
};

const QueryShape = {
  codeIds: z.array(Id).min(1, { message: 'Choose at least one code.' }).max(50),
  operator: z.enum(RETRIEVAL_OPERATORS).default('any'),
  /** Characters, for `within` and `follows`. */
  distance: z.int().min(0).max(1_000_000).default(0),
  /** Each code stands for itself and every code inside it in the codebook. */
  includeSubcodes: z.boolean().default(false),
  ...DocumentFilterShape,
  speakers: z.enum(SPEAKER_FILTERS).default('all'),
};

const twoCodesForRelations = {
  check: (q: { operator: RetrievalOperator; codeIds: readonly string[] }) => !RELATION_OPERATORS.includes(q.operator) || q.codeIds.length >= 2,
  message: { message: 'This operator relates two codes: choose the first code and at least one more.', path: ['codeIds'] },
};

export const RetrievalQuerySchema = z.object(QueryShape).refine(twoCodesForRelations.check, twoCodesForRelations.message);
export type RetrievalQuery = z.output<typeof RetrievalQuerySchema>;
export type RetrievalQueryInput = z.input<typeof RetrievalQuerySchema>;

export const CitationLanguageSchema = z.enum(['en', 'ru']).default('en');

export const Paging = {
  limit: z.int().min(1).max(10_000).default(50),
  offset: z.int().min(0).default(0),
};

/** A coding shown with an excerpt. */
export interface ExcerptCoding {
  readonly id: string;
  readonly codeId: string;
  readonly coderId: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
}

/** A retrieved passage with everything needed to read, judge and cite it. */
export interface Excerpt {
  /** Stable within a result: document and span. */
  readonly key: string;
  readonly documentId: string;
  readonly documentTitle: string;
  readonly documentKind: DocumentKind;
  readonly documentDate: FuzzyDate | null;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly contextBefore: string;
  readonly contextAfter: string;
  /**
   * The codings this excerpt stands for — the first code's (all of them for `any`). Bulk recode
   * and uncode act on these.
   */
  readonly codingIds: readonly string[];
  /** The other codes' codings that made it match (B's passages), shown for reading. */
  readonly related: readonly ExcerptCoding[];
  /** Every code on the excerpt's codings and related codings, in codebook order. */
  readonly codes: readonly { readonly id: string; readonly name: string; readonly color: string }[];
  /** Who coded the excerpt's own codings. */
  readonly coderIds: readonly string[];
  readonly coderName: string;
  /** The speaker label of the turn the excerpt starts in (null in paragraphs and unlabelled turns). */
  readonly speaker: string | null;
  /** The case that speaker is linked to, if any. */
  readonly speakerCaseId: string | null;
  /** The case the citation names (the informant whose words these are), if any. */
  readonly citedCaseId: string | null;
  /** Some of its codings were flagged after an edit of the text. */
  readonly needsReview: boolean;
  /** The citation by the project's template for the document's kind and the language asked for. */
  readonly citation: string;
  /**
   * What the citation is made of, as plain values, but its quote id (the first of `quoteIds`): the
   * same object for every passage of a document cited to the same person.
   */
  readonly citationSource: Omit<CitationSource, 'quoteId'>;
  /** The quote id of each of `codingIds`, in the same order (`REM-INT-1993-06-014:q3`). */
  readonly quoteIds: readonly string[];
  /** The translations of the excerpt's codings, one per language (the first coding's first). */
  readonly translations: readonly ExcerptTranslation[];
}

export interface ExcerptPage {
  /** All excerpts the query finds, of which this page shows `excerpts`. */
  readonly total: number;
  /** How many documents they come from. */
  readonly documents: number;
  readonly excerpts: readonly Excerpt[];
}

export interface SavedQuery {
  readonly id: string;
  readonly name: string;
  readonly query: RetrievalQuery;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
}

export interface RecodeResult {
  /** Codings moved to the new code. */
  readonly recoded: number;
  /** Codings removed because the new code was already on the same words by the same coder. */
  readonly merged: number;
}

const CodingIds = z.array(Id).min(1, { message: 'Select at least one excerpt.' }).max(100_000);

export const retrievalMethods = {
  /** Coded excerpts matching a query, with context and citations, a page at a time. */
  'retrieval.run': query(
    z
      .object({ ...QueryShape, ...Paging, language: CitationLanguageSchema, context: z.int().min(0).max(2000).default(240) })
      .refine(twoCodesForRelations.check, twoCodesForRelations.message),
  ).returns<ExcerptPage>(),
  /** Saves a query under a name; a query of the same name is replaced. */
  'retrieval.save': mutation(z.object({ name: Name, query: RetrievalQuerySchema })).returns<SavedQuery>(),
  'retrieval.saved': query(z.object({})).returns<SavedQuery[]>(),
  'retrieval.deleteSaved': mutation(z.object({ id: Id })).returns<null>(),
  /** Moves the selected codings to another code, as one undoable operation. */
  'retrieval.recode': mutation(z.object({ codingIds: CodingIds, codeId: Id })).returns<RecodeResult>(),
  /** Removes the selected codings, as one undoable operation. */
  'retrieval.uncode': mutation(z.object({ codingIds: CodingIds })).returns<{ readonly removed: number }>(),
};
