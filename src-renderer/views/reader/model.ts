import type { Code, DocumentCoding, Member, TextSegment } from '../../../src-shared/model/entities';
import { snapToWordBoundaries } from '../../../src-shared/text';
import { findDisagreements } from '../../../src-shared/model/disagreements';
import type { DisagreementKind } from '../../../src-shared/model/disagreements';

/** A segment as the reader shows it: the speaker label apart, the words with their offset. */
export interface ReaderRow {
  readonly index: number;
  readonly segment: TextSegment;
  /** Where the words start (after "Р: " and any timestamp); equal to segment.start for paragraphs. */
  readonly bodyStart: number;
  /** Codings that touch this row, by start. */
  readonly codings: readonly DocumentCoding[];
}

/**
 * Where the words of a turn begin: after its label and colon, as the segmenter found them, and
 * after a stage direction between the name and the colon (`Директор (показывая договор): …`),
 * which the Reader shows with the speaker: it is nobody's words, and a whole turn coded from the
 * keyboard must not take it in.
 */
export function bodyStartOf(text: string, segment: TextSegment): number {
  if (!segment.speaker) return segment.start;
  const raw = text.slice(segment.start, segment.end);
  const at = raw.indexOf(segment.speaker);
  if (at < 0 || at > 24) return segment.start;
  let start = segment.start + at + segment.speaker.length;
  const direction = segment.asides.find((a) => a.start >= start && text.slice(start, a.start).trim() === '');
  if (direction) start = direction.end;
  while (start < segment.end && text[start] !== ':' && /\s/.test(text[start]!)) start++;
  if (text[start] !== ':') return segment.start;
  start++;
  while (start < segment.end && /\s/.test(text[start]!)) start++;
  return start;
}

/** The stage direction a row shows with its speaker: the aside before its words begin, if any. */
export const labelDirection = (row: Pick<ReaderRow, 'segment' | 'bodyStart'>): { start: number; end: number } | undefined =>
  row.segment.asides.find((a) => a.end <= row.bodyStart);

/**
 * The rows of a document with the codings that touch each. Codings are sorted by start, so each
 * row's list is found with a moving window rather than a scan per row.
 */
export function buildRows(text: string, segments: readonly TextSegment[], codings: readonly DocumentCoding[]): ReaderRow[] {
  const sorted = [...codings].sort((a, b) => a.start - b.start || b.end - a.end);
  let first = 0;
  return segments.map((segment, index) => {
    while (first < sorted.length && sorted[first]!.end <= segment.start && sorted[first]!.start < segment.start) first++;
    const touching: DocumentCoding[] = [];
    for (let i = first; i < sorted.length && sorted[i]!.start < segment.end; i++) {
      const c = sorted[i]!;
      if (c.end > segment.start || (c.start === c.end && c.start >= segment.start)) touching.push(c);
    }
    return { index, segment, bodyStart: bodyStartOf(text, segment), codings: touching };
  });
}

/** Which coders' codings the reader shows: blind coding shows only the actor's own. */
export interface CoderView {
  readonly blind: boolean;
  readonly actorId: string | undefined;
  /** Coders the user switched off one by one. */
  readonly hidden: readonly string[];
  /** Two coders compared side by side: only their codings are shown. */
  readonly compare?: CoderPair | null;
}

/** Coder A and coder B of a comparison (member ids). */
export interface CoderPair {
  readonly a: string;
  readonly b: string;
}

export function visibleCodings(codings: readonly DocumentCoding[], view: CoderView): readonly DocumentCoding[] {
  if (view.compare) {
    const { a, b } = view.compare;
    return codings.filter((c) => c.coderId === a || c.coderId === b);
  }
  if (view.blind) return codings.filter((c) => c.coderId === view.actorId);
  if (view.hidden.length === 0) return codings;
  const hidden = new Set(view.hidden);
  return codings.filter((c) => !hidden.has(c.coderId));
}

/** Each coder with codings in the document and how many, most codings first. */
export function codersOf(codings: readonly DocumentCoding[]): { readonly coderId: string; readonly count: number }[] {
  const counts = new Map<string, number>();
  for (const c of codings) counts.set(c.coderId, (counts.get(c.coderId) ?? 0) + 1);
  return [...counts].map(([coderId, count]) => ({ coderId, count })).sort((a, b) => b.count - a.count);
}

/** A stripe column per code present in the document, in codebook order, so stripes stay put while scrolling. */
export function stripeColumns(codings: readonly DocumentCoding[], codeOrder: readonly string[]): Map<string, number> {
  const present = new Set(codings.map((c) => c.codeId));
  const columns = new Map<string, number>();
  for (const id of codeOrder) if (present.has(id)) columns.set(id, columns.size);
  for (const id of present) if (!columns.has(id)) columns.set(id, columns.size);
  return columns;
}

/** A coder's group of stripe columns when two coders are compared. */
export interface StripeGroup {
  readonly coder: Pick<Member, 'id' | 'name' | 'initials' | 'color'>;
  readonly first: number;
  readonly count: number;
}

/** Where each coding's stripe goes in the margin beside the text. */
export interface StripeLayout {
  /** How many columns wide the margin is. */
  readonly width: number;
  /** The column of a coding's stripe; undefined: not drawn. */
  column(coding: DocumentCoding): number | undefined;
  /** Comparing coders: each coder's group of columns (A's first); empty otherwise. */
  readonly groups: readonly StripeGroup[];
  /** Comparing coders: the codings that disagree with the other coder's, and how. */
  readonly differing: ReadonlyMap<string, DisagreementKind>;
}

/** The usual margin: a column per code (see stripeColumns). */
export function codeStripes(columns: ReadonlyMap<string, number>): StripeLayout {
  return { width: columns.size, column: (c) => columns.get(c.codeId), groups: [], differing: new Map() };
}

/** Fewest columns a coder's group has, so that its coder's initials fit above it. */
const MIN_GROUP = 3;

/**
 * Two coders side by side: A's group of columns, a gap, then B's, each with a column per code
 * either of them used in the same codebook order, so the same code sits at the same place in
 * both groups and a stripe without its twin across the gap stands out. Codings that disagree
 * (see findDisagreements) are marked with how.
 */
export function coderStripes(text: string, codings: readonly DocumentCoding[], codeOrder: readonly string[], a: StripeGroup['coder'], b: StripeGroup['coder']): StripeLayout {
  const mine = codings.filter((c) => c.coderId === a.id || c.coderId === b.id);
  const columns = stripeColumns(mine, codeOrder);
  const span = Math.max(MIN_GROUP, columns.size);
  const differing = new Map<string, DisagreementKind>();
  const pairs = findDisagreements(text, mine.filter((c) => c.coderId === a.id), mine.filter((c) => c.coderId === b.id));
  for (const pair of pairs) {
    if (pair.a) differing.set(pair.a.id, pair.kind);
    if (pair.b) differing.set(pair.b.id, pair.kind);
  }
  return {
    width: 2 * span + 1,
    column: (c) => {
      const column = columns.get(c.codeId);
      if (column === undefined) return undefined;
      return c.coderId === a.id ? column : c.coderId === b.id ? span + 1 + column : undefined;
    },
    groups: [
      { coder: a, first: 0, count: span },
      { coder: b, first: span + 1, count: span },
    ],
    differing,
  };
}

/** The row holding an offset (binary search over rows in text order). */
export function rowAt(rows: readonly ReaderRow[], offset: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = rows[mid]!.segment;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.min(lo, rows.length - 1);
}

/** Recent codes first, then the codebook; matches by name start before matches inside. */
export function rankCodes(codes: readonly Code[], query: string, recent: readonly string[]): Code[] {
  const q = query.trim().toLocaleLowerCase();
  const usable = codes.filter((c) => !c.archived);
  const score = (c: Code): number => {
    const name = c.name.toLocaleLowerCase();
    const recentAt = recent.indexOf(c.id);
    if (!q) return recentAt >= 0 ? recentAt : 100 + usable.indexOf(c);
    if (name.startsWith(q)) return recentAt >= 0 ? recentAt : 50;
    if (name.includes(q)) return 100;
    return -1;
  };
  return usable
    .map((c) => [c, score(c)] as const)
    .filter(([, s]) => s >= 0)
    .sort((a, b) => a[1] - b[1] || a[0].name.localeCompare(b[0].name))
    .map(([c]) => c);
}

/**
 * A coding's new extent while one of its ends is dragged to `to`: the other end stays exactly
 * where it is, and the moved one snaps to a word boundary unless `exact` (Alt held). Dragged past
 * the other end, the moved end becomes the other side. Null when no words would remain.
 */
export function draggedExtent(text: string, coding: { readonly start: number; readonly end: number }, side: 'start' | 'end', to: number, exact: boolean): { start: number; end: number } | null {
  const fixed = side === 'start' ? coding.end : coding.start;
  const range = to < fixed ? { start: to, end: fixed } : { start: fixed, end: to };
  if (range.start >= range.end) return null;
  if (exact) return range;
  const snapped = snapToWordBoundaries(text, range.start, range.end);
  if (snapped.start >= snapped.end) return null;
  const extent = to < fixed ? { start: snapped.start, end: fixed } : { start: fixed, end: snapped.end };
  return extent.start < extent.end ? extent : null;
}
