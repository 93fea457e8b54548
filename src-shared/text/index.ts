/**
 * Text and offset logic shared by the core and the renderer: the canonical text form, search
 * folding, paragraphs and speaker turns, context and selection snapping, diffs, and re-anchoring
 * of codings through an edit. Pure functions; no Node or DOM APIs.
 */

export { normalizeText, foldForSearch } from './normalize';
export { splitSegments, segmentAt } from './segments';
export type { Segment, SegmentKind } from './segments';
export { isSpeakerLabel } from './speakers';
export { contextAround, snapToWordBoundaries } from './context';
export type { TextContext } from './context';
export type { TextRange } from './range';
export { diffText } from './diff';
export type { Edit, EditOp } from './diff';
export { reanchor } from './anchor';
export type { Anchor, AnchorResult, AnchorStatus } from './anchor';
