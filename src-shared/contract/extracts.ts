import { z } from 'zod';
import { query } from './define';
import { Id, Name } from './common';
import { CitationLanguageSchema, RetrievalQuerySchema } from './retrieval';
import { CODEBOOK_FORMATS, EXTRACT_FORMATS, EXTRACT_GROUPINGS, EXTRACT_SORTS, TRANSLATION_CHOICES } from '../model/extracts';
import type { ExtractsModel } from '../model/extracts';
import type { LeakReport } from './pseudonyms';

/**
 * Which excerpts: a retrieval query (as `retrieval.run` takes it: by code, by case, by filters; a
 * saved query is run by passing its query), or a draft's quotes from the quote bank, or both
 * (the query's excerpts used in the draft). `codingIds` keeps only the selected excerpts.
 */
const Selection = {
  query: RetrievalQuerySchema.optional(),
  draft: Name.optional(),
  codingIds: z.array(Id).max(100_000).optional(),
};

/** How the excerpts are arranged and what each shows. */
const Arrangement = {
  grouping: z.enum(EXTRACT_GROUPINGS).default('code'),
  sort: z.enum(EXTRACT_SORTS).default('document'),
  context: z.boolean().default(false),
  /** Characters of context on each side, when `context` is on. */
  contextChars: z.int().min(1).max(2000).default(240),
  coder: z.boolean().default(true),
  memo: z.boolean().default(true),
  translation: z.enum(TRANSLATION_CHOICES).default('original'),
  translationLanguage: z.string().trim().min(1).max(20).default('en'),
  /** Language of the citations and of the export's own labels. */
  language: CitationLanguageSchema,
};

const oneSource = {
  check: (input: { query?: unknown; draft?: unknown }) => input.query !== undefined || input.draft !== undefined,
  message: { message: 'Choose the excerpts to export: run a query or pick a draft of the quote bank.', path: ['query'] },
};

/**
 * Where the file goes: the face's own path (the CLI, the desktop) written in place — atomically,
 * through a temporary file, so a failed export leaves nothing behind — or, without a path, the
 * bytes returned for the renderer to download (the browser edition).
 */
const Destination = {
  path: z.string().min(1).max(4096).optional(),
  /** Keep the file even if the leak check finds registered real names in it; the answer carries the report. */
  allowLeaks: z.boolean().default(false),
};

/** A file made by an export: written at `path`, or returned as `data` (base64). */
export interface ExportedExtracts {
  readonly fileName: string;
  readonly mimeType: string;
  readonly data: string | null;
  readonly path: string | null;
  readonly bytes: number;
  /** Excerpts (or codes, for the codebook) in the file. */
  readonly items: number;
  /** The leak check of the export against the pseudonym registry; null when the registry is empty. */
  readonly leaks: LeakReport | null;
}

export const ExtractsInputSchema = z.object({ ...Selection, ...Arrangement }).refine(oneSource.check, oneSource.message);
export type ExtractsInput = z.output<typeof ExtractsInputSchema>;

export const extractMethods = {
  /** Coded excerpts with citations as DOCX, Markdown, HTML, CSV (UTF-8 with a byte-order mark) or Excel. */
  'export.extracts': query(
    z.object({ ...Selection, ...Arrangement, ...Destination, format: z.enum(EXTRACT_FORMATS) }).refine(oneSource.check, oneSource.message),
  ).returns<ExportedExtracts>(),
  /** The first excerpts of an export as they will be written, for the Export dialog's preview; `total` is the whole export's. */
  'export.preview': query(
    z.object({ ...Selection, ...Arrangement, limit: z.int().min(1).max(200).default(10) }).refine(oneSource.check, oneSource.message),
  ).returns<ExtractsModel>(),
  /** The codebook as a methods appendix (DOCX, Markdown: definitions, criteria, examples, counts, change history) or CSV. */
  'export.codebook': query(
    z.object({ format: z.enum(CODEBOOK_FORMATS), language: CitationLanguageSchema, includeArchived: z.boolean().default(false), history: z.boolean().default(true), ...Destination }),
  ).returns<ExportedExtracts>(),
};
