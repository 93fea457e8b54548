/**
 * The contract: every operation of Quire, by name. The core implements it, every face transports
 * it, and the renderer gets a typed client from it.
 */
import type { z } from 'zod';
import type { MethodKind, MethodSpec } from './define';
import { projectMethods } from './project';
import { memberMethods } from './members';
import { documentMethods } from './documents';
import { caseMethods } from './cases';
import { codebookMethods } from './codebook';
import { codingMethods } from './codings';
import { memoMethods } from './memos';
import { historyMethods } from './history';
import { autocodeMethods } from './autocode';
import { searchMethods } from './search';
import { reportMethods } from './reports';
import { reportExportMethods } from './report-export';
import { importMethods } from './imports';
import { caseImportMethods } from './case-import';
import { retrievalMethods } from './retrieval';
import { cooccurrenceMethods } from './cooccurrence';
import { appMethods } from './app';
import { pseudonymMethods } from './pseudonyms';
import { citationMethods } from './citations';
import { translationMethods } from './translations';
import { extractMethods } from './extracts';
import { quoteBankMethods } from './quote-bank';
import { waveMethods } from './waves';
import { meetingMethods } from './meetings';
import { agreementMethods } from './agreement';
import { disagreementMethods } from './disagreements';
import { codebookHistoryMethods } from './codebook-history';
import { circulationMethods } from './circulation';
import { exchangeMethods } from './exchange';

export const contract = {
  ...projectMethods,
  ...memberMethods,
  ...documentMethods,
  ...caseMethods,
  ...codebookMethods,
  ...codingMethods,
  ...memoMethods,
  ...historyMethods,
  ...autocodeMethods,
  ...searchMethods,
  ...reportMethods,
  ...reportExportMethods,
  ...importMethods,
  ...caseImportMethods,
  ...retrievalMethods,
  ...cooccurrenceMethods,
  ...appMethods,
  ...pseudonymMethods,
  ...citationMethods,
  ...translationMethods,
  ...extractMethods,
  ...quoteBankMethods,
  ...waveMethods,
  ...meetingMethods,
  ...agreementMethods,
  ...disagreementMethods,
  ...codebookHistoryMethods,
  ...circulationMethods,
  ...exchangeMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (defaults may be left out). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type ResultOf<M extends MethodName> = Contract[M] extends MethodSpec<MethodKind, z.ZodType, infer R> ? R : never;
export type KindOf<M extends MethodName> = Contract[M]['kind'];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** A typed client over any transport that can carry `call(method, input)`. */
export interface QuireClient {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>>;
}

export * from './errors';
export type { CallResult, CoreEvent } from './envelope';
export * from './define';
export type { ReviseResult } from './documents';
export type { CodebookImportResult } from './codebook';
export type { ApplyManyResult } from './codings';
export type { UndoResult } from './history';
export type { AutocodePreview, AutocodeQuery } from './autocode';
export type { SearchHit, SearchQuery, SearchResult } from './search';
export type { FrequencyRow, Matrix, MatrixColumn, MatrixMeasure, MatrixPeriod, MatrixRow } from './reports';
export { MATRIX_MEASURES, MATRIX_PERIODS } from './reports';
export type { ExportedFile, MatrixExportFormat } from './report-export';
export type { Excerpt, ExcerptCoding, ExcerptPage, RecodeResult, RetrievalOperator, RetrievalQuery, RetrievalQueryInput, SavedQuery, SpeakerFilter } from './retrieval';
export type { CooccurrenceBy, CooccurrenceCode, CooccurrenceMatrix } from './cooccurrence';
export type { AppSettings } from './app';
export type { QuireBridge } from './bridge';
export type { LeakHit, LeakReport, PseudonymEntry, PseudonymKind } from './pseudonyms';
export { PSEUDONYM_KINDS } from './pseudonyms';
export type { CitationPreview, CitationTemplateEntry } from './citations';
export type { ExcerptTranslation, TranslationStatus } from './translations';
export { TRANSLATION_STATUSES } from './translations';
export type { QuoteLookup } from './codings';
export type { ExportedExtracts, ExtractsInput } from './extracts';
export type { DraftQuote, QuoteDraft, QuoteUse } from './quote-bank';
export type { Wave } from './waves';
export type { AgendaCandidate, AgendaGroup, AgendaKind, AgendaProposal, AgendaTarget, DecisionDetails, Meeting, MeetingDecision, MeetingItem, MeetingMinutes, MeetingOutcome, MeetingPerson, MeetingSummary } from './meetings';
export { AGENDA_KINDS, MEETING_OUTCOMES } from './meetings';
export type { MinutesFormat, MinutesLanguage } from './meetings';
export { MINUTES_FORMATS } from './meetings';
export type { Presentation } from './meetings';
export { PRESENCE_HEARTBEAT_MS, PRESENCE_TIMEOUT_MS } from './meetings';
