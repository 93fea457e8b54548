/**
 * The units inter-coder agreement is measured on, per document: the whole document, its lines,
 * its speaker turns, its sentences, or runs of characters. Offsets are UTF-16 code units into the
 * current revision, `[start, end)`, like codings'.
 */
import type { AgreementUnit } from '../../../src-shared/contract/agreement';
import type { QueryContext } from '../context';
import { revisionText } from '../db/revision-texts';
import { statement } from '../db/statements';
import type { DocumentMeta } from './document-scope';
import { segmentBounds } from './segment-bounds';

export interface UnitSpan {
  readonly start: number;
  readonly end: number;
}

interface SegmentLine {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
}

function lines(ctx: QueryContext, revisionId: string): SegmentLine[] {
  return (
    statement(ctx.raw, 'SELECT start_offset AS start, end_offset AS end, kind FROM segments WHERE revision_id = ? ORDER BY ord').all(revisionId) as SegmentLine[]
  );
}

/**
 * A turn runs from its label to the next turn or stage direction, taking the paragraphs that
 * continue it; `null` when the document has no turns at all (then it is counted by paragraph).
 */
export function turnUnits(segments: readonly SegmentLine[]): UnitSpan[] | null {
  if (!segments.some((s) => s.kind === 'turn')) return null;
  const units: { start: number; end: number }[] = [];
  let open: { start: number; end: number } | null = null;
  for (const s of segments) {
    if (s.kind === 'paragraph' && open) {
      open.end = s.end;
      continue;
    }
    open = null;
    const unit = { start: s.start, end: s.end };
    units.push(unit);
    if (s.kind === 'turn') open = unit;
  }
  return units;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let hit = segmenters.get(language);
  if (!hit) {
    try {
      hit = new Intl.Segmenter(language, { granularity: 'sentence' });
    } catch {
      // A language tag the runtime does not know: Russian rules, the project's main language.
      hit = new Intl.Segmenter('ru', { granularity: 'sentence' });
    }
    segmenters.set(language, hit);
  }
  return hit;
}

/** Sentences within each line (a sentence never runs across lines), without trailing spaces. */
export function sentenceUnits(text: string, segments: readonly UnitSpan[], language: string): UnitSpan[] {
  const segmenter = segmenterFor(language);
  const units: UnitSpan[] = [];
  for (const line of segments) {
    for (const piece of segmenter.segment(text.slice(line.start, line.end))) {
      const trimmed = piece.segment.trimEnd();
      if (trimmed.trim().length === 0) continue;
      const start = line.start + piece.index;
      units.push({ start, end: start + trimmed.length });
    }
  }
  return units;
}

export interface DocumentUnits {
  readonly units: UnitSpan[];
  /** True when turns were asked for and the document has none. */
  readonly byParagraph: boolean;
}

/** The units of one document (not for `characters`, whose runs depend on the codings). */
export function documentUnits(ctx: QueryContext, document: DocumentMeta, unit: Exclude<AgreementUnit, 'characters'>, length: number): DocumentUnits {
  if (unit === 'document') return { units: length > 0 ? [{ start: 0, end: length }] : [], byParagraph: false };
  if (unit === 'paragraph') {
    const { starts, ends } = segmentBounds(ctx.raw, document.revisionId);
    return { units: Array.from(starts, (start, i) => ({ start, end: ends[i]! })), byParagraph: false };
  }
  const segments = lines(ctx, document.revisionId);
  if (unit === 'turn') {
    const turns = turnUnits(segments);
    return turns ? { units: turns, byParagraph: false } : { units: segments.map(({ start, end }) => ({ start, end })), byParagraph: true };
  }
  const text = revisionText(ctx.raw, document.revisionId) ?? '';
  return { units: sentenceUnits(text, segments, document.language), byParagraph: false };
}

/**
 * Runs of characters over which no coding of the given spans starts or ends: every character of a
 * run has the same ratings, so a run stands for its characters with its length as weight.
 */
export function characterRuns(length: number, spans: readonly UnitSpan[]): UnitSpan[] {
  const cuts = new Set<number>([0, length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(length, s.start)));
    cuts.add(Math.max(0, Math.min(length, s.end)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const runs: UnitSpan[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) if (sorted[i]! < sorted[i + 1]!) runs.push({ start: sorted[i]!, end: sorted[i + 1]! });
  return runs;
}
