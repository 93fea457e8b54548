/**
 * The operators of a retrieval query over one document's codings: pure functions on spans, so
 * each can be checked by hand. Offsets are half-open [start, end); two passages overlap when they
 * share at least one character. Passages that lost their words in an edit (empty) take part only
 * in `any`.
 */
import type { RetrievalOperator } from '../../../src-shared/contract/retrieval';

export interface Span {
  readonly id: string;
  readonly codeId: string;
  readonly coderId: string;
  readonly start: number;
  readonly end: number;
  readonly status: string;
  /** Stored words of a coding flagged after an edit; null when the text holds them. */
  readonly quote: string | null;
  /** The coding's number in its document's quote ids (`…:q3`). */
  readonly quoteNo: number;
  /** Which of the query's codes this coding stands for (0 = the first, A). */
  readonly slots: readonly number[];
}

/** A matching passage: its own codings (A's, or every code's for `any`) and the others that made it match. */
export interface Hit {
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
  readonly anchors: readonly Span[];
  readonly related: readonly Span[];
}

export interface OperatorInput {
  readonly operator: RetrievalOperator;
  /** For `within` and `follows`, in characters. */
  readonly distance: number;
  /** How many codes (slots) the query has. */
  readonly slotCount: number;
  readonly documentId: string;
  /** The document's codings of the query's codes, sorted by start then end. */
  readonly spans: readonly Span[];
  /** The document's turns and paragraphs in order (needed by `sameSegment` only). */
  readonly segments?: () => readonly { readonly start: number; readonly end: number }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
const gap = (a: Span, b: Span): number => Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end));
const nonEmpty = (s: Span): boolean => s.start < s.end;

/** Codings on exactly the same words (several coders, or nested codes) make one passage. */
function sameSpans(spans: readonly Span[]): Span[][] {
  const groups: Span[][] = [];
  let last: Span[] | undefined;
  for (const s of spans) {
    if (last && last[0]!.start === s.start && last[0]!.end === s.end) last.push(s);
    else groups.push((last = [s]));
  }
  return groups;
}

/** Stretches where every slot has a passage: a sweep over the boundaries. */
function intersections(input: OperatorInput): Hit[] {
  const spans = input.spans.filter(nonEmpty);
  const points = [...new Set(spans.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const cover = new Array<number>(input.slotCount).fill(0);
  const starting = new Map<number, Span[]>();
  const ending = new Map<number, Span[]>();
  const add = (map: Map<number, Span[]>, at: number, s: Span): void => {
    const list = map.get(at);
    if (list) list.push(s);
    else map.set(at, [s]);
  };
  for (const s of spans) {
    add(starting, s.start, s);
    add(ending, s.end, s);
  }
  const regions: { start: number; end: number }[] = [];
  let open: number | null = null;
  for (const p of points) {
    for (const s of ending.get(p) ?? []) for (const slot of new Set(s.slots)) cover[slot]!--;
    for (const s of starting.get(p) ?? []) for (const slot of new Set(s.slots)) cover[slot]!++;
    const all = cover.every((n) => n > 0);
    if (all && open === null) open = p;
    else if (!all && open !== null) {
      regions.push({ start: open, end: p });
      open = null;
    }
  }
  return regions.map((r) => {
    const touching = spans.filter((s) => overlaps(s, r));
    return {
      documentId: input.documentId,
      ...r,
      anchors: touching.filter((s) => s.slots.includes(0)),
      related: touching.filter((s) => !s.slots.includes(0)),
    };
  });
}

/** Whether `b` stands in the operator's relation to `a`. */
function relation(input: OperatorInput): (a: Span, b: Span) => boolean {
  switch (input.operator) {
    case 'not':
    case 'overlaps':
      return overlaps;
    case 'within':
      return (a, b) => gap(a, b) <= input.distance;
    case 'follows':
      return (a, b) => b.start >= a.end && b.start - a.end <= input.distance;
    case 'sameSegment': {
      let segments: readonly { start: number; end: number }[] | null = null;
      return (a, b) => {
        segments ??= input.segments?.() ?? [];
        return segments.some((s) => overlaps(s, a) && overlaps(s, b));
      };
    }
    default:
      throw new Error(`${input.operator} is not a relation between codes.`);
  }
}

/** The passages of one document that match the operator, in text order. */
export function matchDocument(input: OperatorInput): Hit[] {
  const { operator, documentId, spans } = input;
  if (operator === 'any' || (operator === 'all' && input.slotCount < 2)) {
    return sameSpans(spans).map((group) => ({ documentId, start: group[0]!.start, end: group[0]!.end, anchors: group, related: [] }));
  }
  if (operator === 'all') return intersections(input);
  const a = spans.filter((s) => nonEmpty(s) && s.slots.includes(0));
  const b = spans.filter((s) => nonEmpty(s) && s.slots.some((slot) => slot > 0));
  if (a.length === 0) return [];
  const related = relation(input);
  const hits: Hit[] = [];
  for (const group of sameSpans(a)) {
    const anchor = group[0]!;
    const own = new Set(group.map((s) => s.id));
    const partners = b.filter((s) => !own.has(s.id) && related(anchor, s));
    if (operator === 'not' ? partners.length === 0 : partners.length > 0) {
      hits.push({ documentId, start: anchor.start, end: anchor.end, anchors: group, related: operator === 'not' ? [] : partners });
    }
  }
  return hits;
}
