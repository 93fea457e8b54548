import { snapToWordBoundaries } from '../text';

/**
 * Where two coders' codings of one document differ:
 * - `only-a` / `only-b`: one coded a passage with a code, the other has no coding of that code
 *   overlapping it (and no other code there either, which would be `codes`);
 * - `codes`: both coded the same passage, each with a code the other did not put there;
 * - `boundaries`: both coded overlapping passages with the same code, but their ends differ by
 *   more than the tolerance once both are snapped to whole words.
 */
export const DISAGREEMENT_KINDS = ['only-a', 'only-b', 'codes', 'boundaries'] as const;
export type DisagreementKind = (typeof DISAGREEMENT_KINDS)[number];

/** What the comparison needs of a coding. */
export interface CodingSpan {
  readonly id: string;
  readonly codeId: string;
  readonly start: number;
  readonly end: number;
}

export interface DisagreementPair<C extends CodingSpan> {
  readonly kind: DisagreementKind;
  readonly a: C | null;
  readonly b: C | null;
}

/** Characters the ends of two codings may differ by, after snapping to words, and still agree. */
export const DEFAULT_BOUNDARY_TOLERANCE = 3;

const overlap = (x: CodingSpan, y: CodingSpan): number => Math.min(x.end, y.end) - Math.max(x.start, y.start);

/**
 * Spans sorted by start, to find those overlapping a passage without looking at every one: only
 * spans starting within the longest span's length before the passage can reach into it.
 */
class SpanIndex<C extends CodingSpan> {
  private readonly sorted: C[];
  private readonly longest: number;

  constructor(spans: readonly C[]) {
    this.sorted = [...spans].sort((x, y) => x.start - y.start);
    this.longest = this.sorted.reduce((max, c) => Math.max(max, c.end - c.start), 0);
  }

  overlapping(c: CodingSpan): C[] {
    const from = c.start - this.longest;
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    const found: C[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i]!.start < c.end; i++) if (overlap(this.sorted[i]!, c) > 0) found.push(this.sorted[i]!);
    return found;
  }
}

/** The pair's kind, from which codings it holds: what a decision on it will do follows from this. */
export function kindOfPair(a: CodingSpan | null, b: CodingSpan | null): DisagreementKind {
  if (a && b) return a.codeId === b.codeId ? 'boundaries' : 'codes';
  return a ? 'only-a' : 'only-b';
}

/**
 * A disagreement's identity, the same whichever coder is A: the codings it holds as they are now
 * (id, code and extent), so a decision recorded on it stops applying once either coding changes.
 */
export function disagreementKey(a: CodingSpan | null, b: CodingSpan | null): string {
  const part = (c: CodingSpan | null): string => (c ? `${c.id}:${c.codeId}:${c.start}-${c.end}` : '');
  return [part(a), part(b)].sort().join('|');
}

/**
 * The disagreements between coder A's codings `as` and coder B's `bs` of one document whose
 * current text is `text`, in text order. A passage coded by both with the same code and ends
 * within `tolerance` characters (after snapping to words) agrees and is not listed. Every coding
 * of either coder that does not agree appears in at least one pair.
 */
export function findDisagreements<C extends CodingSpan>(text: string, as: readonly C[], bs: readonly C[], tolerance = DEFAULT_BOUNDARY_TOLERANCE): DisagreementPair<C>[] {
  const snapped = new Map<string, { start: number; end: number }>();
  const snap = (c: C) => {
    let s = snapped.get(c.id);
    if (!s) snapped.set(c.id, (s = snapToWordBoundaries(text, c.start, c.end)));
    return s;
  };
  const agree = (x: C, y: C): boolean => {
    const sx = snap(x);
    const sy = snap(y);
    return Math.abs(sx.start - sy.start) <= tolerance && Math.abs(sx.end - sy.end) <= tolerance;
  };
  const byCode = (list: readonly C[]) => {
    const map = new Map<string, C[]>();
    for (const c of list) {
      if (c.start >= c.end) continue;
      const same = map.get(c.codeId);
      if (same) same.push(c);
      else map.set(c.codeId, [c]);
    }
    return map;
  };
  const aByCode = byCode(as);
  const bByCode = byCode(bs);
  const pairs: DisagreementPair<C>[] = [];
  const boundaryPairs = new Set<string>();
  const alone: { a: C[]; b: C[] } = { a: [], b: [] };

  // Same code: agreement, a boundary difference with the peer it overlaps most, or nothing there.
  const sameCode = (mine: ReadonlyMap<string, C[]>, theirs: ReadonlyMap<string, C[]>, side: 'a' | 'b') => {
    for (const [codeId, list] of mine) {
      const others = new SpanIndex(theirs.get(codeId) ?? []);
      for (const c of list) {
        const peers = others.overlapping(c);
        if (peers.length === 0) alone[side].push(c);
        else if (!peers.some((o) => agree(c, o))) {
          const peer = peers.reduce((best, o) => (overlap(c, o) > overlap(c, best) ? o : best));
          const [a, b] = side === 'a' ? [c, peer] : [peer, c];
          const key = `${a.id}|${b.id}`;
          if (!boundaryPairs.has(key)) {
            boundaryPairs.add(key);
            pairs.push({ kind: 'boundaries', a, b });
          }
        }
      }
    }
  };
  sameCode(aByCode, bByCode, 'a');
  sameCode(bByCode, aByCode, 'b');

  // Passages each coded by one coder alone with their code: where the other put another code
  // there, it is one disagreement about the code (the largest overlaps paired first).
  // Ties are broken by place and then ids, the same way whichever coder is A.
  const aloneB = new SpanIndex(alone.b);
  const candidates = alone.a.flatMap((a) => aloneB.overlapping(a).map((b) => ({ a, b, size: overlap(a, b), tie: [a.id, b.id].sort().join('|') })));
  candidates.sort((x, y) => y.size - x.size || Math.min(x.a.start, x.b.start) - Math.min(y.a.start, y.b.start) || (x.tie < y.tie ? -1 : x.tie > y.tie ? 1 : 0));
  const paired = new Set<string>();
  for (const { a, b } of candidates) {
    if (paired.has(a.id) || paired.has(b.id)) continue;
    paired.add(a.id).add(b.id);
    pairs.push({ kind: 'codes', a, b });
  }
  for (const a of alone.a) if (!paired.has(a.id)) pairs.push({ kind: 'only-a', a, b: null });
  for (const b of alone.b) if (!paired.has(b.id)) pairs.push({ kind: 'only-b', a: null, b });

  const startOf = (p: DisagreementPair<C>): number => Math.min(p.a?.start ?? Infinity, p.b?.start ?? Infinity);
  const endOf = (p: DisagreementPair<C>): number => Math.max(p.a?.end ?? -Infinity, p.b?.end ?? -Infinity);
  return pairs.sort((x, y) => startOf(x) - startOf(y) || endOf(x) - endOf(y) || x.kind.localeCompare(y.kind));
}
