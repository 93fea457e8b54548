/**
 * Text and offset logic shared by the core and the renderer: the canonical text form, search
 * folding, paragraphs, speaker turns and stage directions, clean-up of extracted text, file-name
 * patterns, context and selection snapping, diffs, and re-anchoring of codings through an edit.
 * Pure functions; no Node or DOM APIs.
 */

export { normalizeText, foldForSearch } from './normalize';
export { splitSegments, segmentAt, asidesOf, speakerLabels } from './segments';
export type { Aside, Segment, SegmentKind, SpeakerLabelCount } from './segments';
export { isSpeakerLabel } from './speakers';
export { contextAround, snapToWordBoundaries } from './context';
export type { TextContext } from './context';
export type { TextRange } from './range';
export { diffText } from './diff';
export type { Edit, EditOp } from './diff';
export { reanchor } from './anchor';
export type { Anchor, AnchorResult, AnchorStatus } from './anchor';
export { cleanText, suggestCleanup, CLEANUP_OPTIONS, DEFAULT_REPLACEMENT_MARKER } from './cleanup';
export type { CleanupOption, CleanupOptions, CleanupResult } from './cleanup';
export { parseFilenamePattern, matchFilename } from './filename-pattern';
export type { FilenamePattern, FilenameMatch, ParsedPattern, PatternPart } from './filename-pattern';
export { guessLanguage } from './language';
export { findLeaks, pseudonymizer } from './pseudonyms';
export type { Leak, PseudonymEntryLike, PseudonymHit, Pseudonymizer } from './pseudonyms';
export { escapeHtml } from './escape';
