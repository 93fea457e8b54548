import { z } from 'zod';
import { mutation, query } from './define';
import { Id } from './common';
import { DOCUMENT_KINDS } from '../model/entities';

/** A day, month or year, compared with documents' date ranges: `1993`, `1993-06`, `1993-06-14`. */
const DayMonthOrYear = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'Write a date as 1993, 1993-06 or 1993-06-14.' });

/**
 * What to look for and where.
 *
 * `words` mode: words match by their stem (`доверие` finds `доверию`, `respondents` finds
 * `respondent`), in Russian (Cyrillic words) and English (Latin); `"an exact phrase"`; a prefix
 * `завод*`; `AND`, `OR`, `NOT` (or `И`, `ИЛИ`, `НЕ`, written in capitals) and brackets. Words next
 * to each other must all occur in the passage (an implicit AND). Case and ё/е never matter.
 *
 * `substring` mode: the text as typed (at least 3 characters), anywhere, also inside words.
 */
export const SearchQuery = z.object({
  query: z.string().max(1000, { message: 'A search can be at most 1,000 characters long.' }),
  scope: z.enum(['documents', 'memos', 'all']).default('all'),
  mode: z.enum(['words', 'substring']).default('words'),
  /** Narrow the documents searched; a memo is kept when the document it is about passes (memos about the project, a code or a case are then left out). */
  filters: z
    .object({
      documentKinds: z.array(z.enum(DOCUMENT_KINDS)).optional(),
      /** Documents linked to any of these cases. */
      caseIds: z.array(Id).optional(),
      /** A document language as stored (`ru`, `en`). */
      language: z.string().max(20).optional(),
      /** Documents whose date range reaches into [dateFrom, dateTo]; undated documents are left out. */
      dateFrom: DayMonthOrYear.optional(),
      dateTo: DayMonthOrYear.optional(),
    })
    .optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** One occurrence of the search in a document's current text or in a memo. */
export interface SearchHit {
  readonly kind: 'document' | 'memo';
  /** Set for a document hit. */
  readonly documentId?: string;
  /** Set for a memo hit. */
  readonly memoId?: string;
  readonly title: string;
  /** Offsets of the match in the document's current text (or the memo's text), UTF-16 code units. */
  readonly start: number;
  readonly end: number;
  /** Keyword in context: up to about 60 characters each side, from the original text. */
  readonly before: string;
  readonly match: string;
  readonly after: string;
  /** Where it is from, for quoting: title, kind, date at its precision, linked cases (or a memo's author and date). */
  readonly citation: string;
}

/**
 * A page of hits, in the order the documents and memos were added to the project (an edited
 * document counts from its edit), each in text order.
 *
 * The figures count every hit, not only this page's. They are exact when the search matched a few
 * hundred passages or fewer; beyond that they are estimated from the passages read (`exact` false).
 */
export interface SearchResult {
  readonly total: number;
  /** Of which in documents: what "code all hits" would code. */
  readonly documentHits: number;
  /** Documents and memos with at least one hit. */
  readonly documents: number;
  readonly memos: number;
  readonly exact: boolean;
  readonly hits: readonly SearchHit[];
}

export const searchMethods = {
  'search.query': query(
    SearchQuery.extend({
      limit: z.int().min(1).max(10_000).default(100),
      offset: z.int().min(0).default(0),
      /** The language of citations (kind names, dates). */
      locale: z.enum(['en', 'ru']).default('en'),
    }),
  ).returns<SearchResult>(),
  /**
   * Codes every document hit of a search (memos cannot be coded): each hit's own words, or with
   * `extent: 'segment'` the whole turn or paragraph it is in. One undoable operation; a passage
   * already coded with the code by you is not coded twice.
   */
  'search.codeHits': mutation(
    SearchQuery.extend({
      codeId: Id,
      extent: z.enum(['match', 'segment']).default('match'),
    }),
  ).returns<{ readonly created: number; readonly matches: number }>(),
};
