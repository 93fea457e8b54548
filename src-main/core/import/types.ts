/**
 * What the format extractors hand back. Every format ends up as plain canonical text (the form
 * `normalizeText` produces: paragraphs separated by '\n', no '\r'), plus what a user needs to
 * check the import: the encoding Quire chose and why, page boundaries, and warnings in plain words.
 */
import type { ImportLimits } from './limits';

export type DocumentFormat = 'text' | 'markdown' | 'docx' | 'odt' | 'rtf' | 'html' | 'pdf';

/** How bytes of a text-based file were turned into characters. */
export interface EncodingInfo {
  /** The WHATWG name of the encoding used, e.g. 'utf-8', 'windows-1251', 'koi8-r', 'ibm866'. */
  readonly name: string;
  /** False when the user chose the encoding, or a byte-order mark or meta charset named it. */
  readonly detected: boolean;
  /** 0–1: how sure Quire is. 1 for a byte-order mark, valid UTF-8 or a user's choice. */
  readonly confidence: number;
  /** Other encodings worth offering, most plausible first. */
  readonly alternatives: readonly string[];
}

/** A page of a PDF: `text.slice(start, end)` is its text. */
export interface PageRange {
  readonly number: number;
  readonly start: number;
  readonly end: number;
}

export interface ExtractedDocument {
  /** Canonical text: paragraphs separated by '\n', no '\r', NFC (see `normalizeText`). */
  readonly text: string;
  readonly format: DocumentFormat;
  /** For text-based formats (text, Markdown, HTML, CSV); null for binary formats. */
  readonly encoding: EncodingInfo | null;
  /** PDF pages, in order; empty for formats without pages. */
  readonly pages: readonly PageRange[];
  /** Things a researcher should know about the import, in plain words. */
  readonly warnings: readonly string[];
  /** The document's own title from its metadata, when it has one. */
  readonly title: string | null;
  /**
   * For Markdown only: the decoded source before conversion, for callers that keep or convert
   * it themselves (`documents.create` with format 'markdown'). `text` is already converted.
   */
  readonly markdown?: string;
}

export interface ExtractInput {
  readonly bytes: Uint8Array;
  /** The file's name (not path); used to pick the format and in every message. */
  readonly fileName: string;
  /** An encoding the user chose, overriding detection (text, Markdown, HTML, CSV). */
  readonly encoding?: string;
}

export interface ExtractOptions {
  readonly limits?: Partial<ImportLimits>;
}

/** A case list read from CSV or XLSX. */
export interface TableData {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** All sheet names of a workbook (empty for CSV). */
  readonly sheetNames: readonly string[];
  /** The sheet read (null for CSV). */
  readonly sheet: string | null;
  /** For CSV: how the bytes were decoded. Null for XLSX. */
  readonly encoding: EncodingInfo | null;
  /** For CSV: the delimiter found or used. */
  readonly delimiter: string | null;
  readonly warnings: readonly string[];
}

export interface ReadTableOptions {
  /** For XLSX: the sheet to read; the first sheet when absent. */
  readonly sheet?: string;
  /** For CSV: an encoding the user chose. */
  readonly encoding?: string;
  /** For CSV: a delimiter the user chose (',', ';' or '\t'). */
  readonly delimiter?: string;
  readonly limits?: Partial<ImportLimits>;
}
