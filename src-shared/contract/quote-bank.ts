import { z } from 'zod';
import { mutation, query } from './define';
import { Id, Name } from './common';

/** One use of an excerpt in a draft. */
export interface QuoteUse {
  readonly id: string;
  readonly draft: string;
  readonly codingId: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** A draft of the quote bank and how many quotes it uses. */
export interface QuoteDraft {
  readonly name: string;
  readonly quotes: number;
  readonly updatedAt: string;
}

/** A quote as a draft lists it: the coding, where it is, and its words. */
export interface DraftQuote {
  readonly useId: string;
  readonly codingId: string;
  readonly documentId: string;
  readonly documentTitle: string;
  readonly codeName: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
}

const CodingIds = z.array(Id).min(1, { message: 'Select at least one excerpt.' }).max(10_000);

export const quoteBankMethods = {
  /**
   * Marks excerpts (by their codings; one coding per excerpt is enough) as used in a draft:
   * one undoable operation. Codings already marked for the draft are left as they are.
   */
  'quoteBank.mark': mutation(z.object({ draft: Name, codingIds: CodingIds })).returns<{ readonly marked: number }>(),
  /** Takes excerpts out of a draft (out of every draft when `draft` is left out): one undoable operation. */
  'quoteBank.unmark': mutation(z.object({ draft: Name.optional(), codingIds: CodingIds })).returns<{ readonly unmarked: number }>(),
  /** Where each of these codings is used: the drafts, per coding id (codings used nowhere are left out). */
  'quoteBank.uses': query(z.object({ codingIds: z.array(Id).max(10_000) })).returns<Record<string, string[]>>(),
  /** Every draft with its number of quotes, by name. */
  'quoteBank.drafts': query(z.object({})).returns<QuoteDraft[]>(),
  /** A draft's quotes in reading order (document, then position). */
  'quoteBank.list': query(z.object({ draft: Name })).returns<DraftQuote[]>(),
};
