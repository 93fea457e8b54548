/**
 * The format extraction layer for imports: document files → canonical text
 * (`extractDocument`), spreadsheets → case lists (`readTable`), text bytes → a string with the
 * encoding detected (`decodeBytes`, or `decodeText` where no one can be asked).
 */
export { extractDocument } from './extract';
export { readTable } from './table';
export { decodeText } from './decode';
export type { DecodeTextOptions } from './decode';
export { decodeBytes, encodingDisplayName, resolveEncodingLabel, LEGACY_CANDIDATES } from './encoding';
export type { Decoded, DecodeOptions } from './encoding';
export { markdownToText } from './markdown';
export { DEFAULT_LIMITS } from './limits';
export type { ImportLimits } from './limits';
export type { DocumentFormat, EncodingInfo, ExtractInput, ExtractOptions, ExtractedDocument, PageRange, ReadTableOptions, TableData } from './types';
