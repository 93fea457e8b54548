/**
 * Code × code co-occurrence in one pass over the codings sorted by document and start (see the
 * contract for what is counted), and the passages behind a cell. 300 × 300 codes over 100,000
 * codings: one SQL read, then per document a sweep whose cost grows with how many codings overlap,
 * not with the number of code pairs.
 */
import type { CooccurrenceBy, CooccurrenceMatrix } from '../../../src-shared/contract/cooccurrence';
import { QuireError } from '../../../src-shared/contract/errors';
import { cCoefficient, jaccardIndex, roundCoefficient } from '../../../src-shared/stats/cooccurrence';
import type { QueryContext, SomeHandlers } from '../context';
import { codebookRows } from './codebook';
import { documentScope } from './document-scope';
import type { Scope } from './document-scope';
import { codeLines } from './reports';
import { excerptPage, loadSpans, segmentsOf, sortHits, subtree } from './retrieval';
import type { Hit, Span } from './retrieval-operators';
import { SpeakerSides } from './speaker-sides';

interface Tally {
  /** n × n, row-major: co-occurrence counts (diagonal: own counts). */
  readonly counts: Float64Array;
  /** n × n: characters coded with both (overlap only). */
  readonly shared: Float64Array | null;
  /** n: characters coded with each (overlap only). */
  readonly covered: Float64Array | null;
}

type Coding = readonly [documentId: string, code: number, start: number, end: number];

/** Non-empty codings of the chosen codes in the scope, sorted by document then start. */
function readCodings(ctx: QueryContext, index: ReadonlyMap<string, number>, scope: Scope): Coding[] {
  const rows = ctx.raw
    .prepare('SELECT document_id, code_id, start_offset, end_offset, coder_id FROM codings WHERE start_offset < end_offset ORDER BY document_id, start_offset')
    .raw()
    .all() as [string, string, number, number, string][];
  const out: Coding[] = [];
  for (const [documentId, codeId, start, end, coderId] of rows) {
    const code = index.get(codeId);
    if (code === undefined || !scope.documents.has(documentId) || (scope.coderIds && !scope.coderIds.has(coderId))) continue;
    out.push([documentId, code, start, end]);
  }
  return out;
}

/** Adds 1 to every pair of a set of distinct codes, and to each code's own count. */
function countSet(counts: Float64Array, n: number, codes: readonly number[]): void {
  for (let x = 0; x < codes.length; x++) {
    const i = codes[x]!;
    counts[i * n + i]!++;
    for (let y = x + 1; y < codes.length; y++) {
      const j = codes[y]!;
      counts[i * n + j]!++;
      counts[j * n + i]!++;
    }
  }
}

/** Overlapping pairs and shared characters, one document at a time. */
function tallyOverlap(codings: readonly Coding[], n: number): Tally {
  const counts = new Float64Array(n * n);
  const shared = new Float64Array(n * n);
  const covered = new Float64Array(n);
  const depth = new Int32Array(n);
  let from = 0;
  while (from < codings.length) {
    const documentId = codings[from]![0];
    let to = from;
    while (to < codings.length && codings[to]![0] === documentId) to++;
    // Pairs: codings sorted by start; every open one still running at a start overlaps it.
    let open: Coding[] = [];
    const points: [number, number, number][] = [];
    for (let k = from; k < to; k++) {
      const c = codings[k]!;
      counts[c[1] * n + c[1]]!++;
      open = open.filter((o) => o[3] > c[2]);
      for (const o of open) {
        if (o[1] === c[1]) continue;
        counts[o[1] * n + c[1]]!++;
        counts[c[1] * n + o[1]]!++;
      }
      open.push(c);
      points.push([c[2], 1, c[1]], [c[3], -1, c[1]]);
    }
    // Characters: a sweep over boundaries with the set of codes open between them.
    points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const active: number[] = [];
    let last = 0;
    for (const [at, step, code] of points) {
      const length = at - last;
      if (length > 0 && active.length > 0) {
        for (let x = 0; x < active.length; x++) {
          const i = active[x]!;
          covered[i]! += length;
          for (let y = x + 1; y < active.length; y++) {
            const j = active[y]!;
            shared[i * n + j]! += length;
            shared[j * n + i]! += length;
          }
        }
      }
      last = at;
      if (step > 0) {
        if (depth[code]!++ === 0) active.push(code);
      } else if (--depth[code]! === 0) active.splice(active.indexOf(code), 1);
    }
    from = to;
  }
  return { counts, shared, covered };
}

/** Segments touched by both codes, from the segments of every document in scope. */
function tallySegments(ctx: QueryContext, codings: readonly Coding[], n: number, scope: Scope): Tally {
  const counts = new Float64Array(n * n);
  let from = 0;
  while (from < codings.length) {
    const documentId = codings[from]![0];
    let to = from;
    while (to < codings.length && codings[to]![0] === documentId) to++;
    const segments = segmentsOf(ctx, scope.documents.get(documentId)!.revisionId);
    const codesIn: number[][] = segments.map(() => []);
    let first = 0;
    for (let k = from; k < to; k++) {
      const [, code, start, end] = codings[k]!;
      // Starts only grow, so segments ending before this start are behind every later coding too.
      while (first < segments.length && segments[first]!.end <= start) first++;
      for (let s = first; s < segments.length && segments[s]!.start < end; s++) {
        const list = codesIn[s]!;
        if (!list.includes(code)) list.push(code);
      }
    }
    for (const list of codesIn) if (list.length > 0) countSet(counts, n, list);
    from = to;
  }
  return { counts, shared: null, covered: null };
}

function tallyDocuments(codings: readonly Coding[], n: number): Tally {
  const counts = new Float64Array(n * n);
  let from = 0;
  while (from < codings.length) {
    const documentId = codings[from]![0];
    const codes = new Set<number>();
    let to = from;
    for (; to < codings.length && codings[to]![0] === documentId; to++) codes.add(codings[to]![1]);
    countSet(counts, n, [...codes]);
    from = to;
  }
  return { counts, shared: null, covered: null };
}

function matrixOf(by: CooccurrenceBy, n: number, tally: Tally) {
  const { counts, shared, covered } = tally;
  const rows = (f: (i: number, j: number) => number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => f(i, j)));
  const own = (i: number): number => counts[i * n + i]!;
  return {
    counts: rows((i, j) => counts[i * n + j]!),
    jaccard: rows((i, j) => {
      if (i === j) return own(i) > 0 ? 1 : 0;
      if (by === 'overlap') return roundCoefficient(jaccardIndex(shared![i * n + j]!, covered![i]! + covered![j]! - shared![i * n + j]!));
      return roundCoefficient(jaccardIndex(counts[i * n + j]!, own(i) + own(j) - counts[i * n + j]!));
    }),
    c: rows((i, j) => (i === j ? (own(i) > 0 ? 1 : 0) : roundCoefficient(cCoefficient(own(i), own(j), counts[i * n + j]!)))),
  };
}

/** The passages behind one cell: one hit per unit counted. */
function cellHits(ctx: QueryContext, by: CooccurrenceBy, a: string, b: string, spans: ReadonlyMap<string, Span[]>, scope: Scope): Hit[] {
  const hits: Hit[] = [];
  for (const [documentId, all] of spans) {
    const list = all.filter((s) => s.start < s.end);
    const first = list.filter((s) => s.codeId === a);
    const second = a === b ? first : list.filter((s) => s.codeId === b);
    if (first.length === 0 || second.length === 0) continue;
    if (by === 'overlap') {
      if (a === b) for (const s of first) hits.push({ documentId, start: s.start, end: s.end, anchors: [s], related: [] });
      else for (const x of first) for (const y of second) if (x.start < y.end && y.start < x.end) hits.push({ documentId, start: x.start, end: x.end, anchors: [x], related: [y] });
    } else if (by === 'sameSegment') {
      for (const segment of segmentsOf(ctx, scope.documents.get(documentId)!.revisionId)) {
        const touches = (s: Span): boolean => s.start < segment.end && segment.start < s.end;
        const mine = first.filter(touches);
        const theirs = a === b ? [] : second.filter(touches);
        if (mine.length === 0 || (a !== b && theirs.length === 0)) continue;
        const spanning = [...mine, ...theirs];
        hits.push({
          documentId,
          start: Math.max(segment.start, Math.min(...spanning.map((s) => s.start))),
          end: Math.min(segment.end, Math.max(...spanning.map((s) => s.end))),
          anchors: mine,
          related: theirs,
        });
      }
    } else {
      hits.push({ documentId, start: first[0]!.start, end: first[0]!.end, anchors: first, related: a === b ? [] : second });
    }
  }
  return sortHits(hits, scope);
}

export const cooccurrenceHandlers: SomeHandlers<'cooccurrence.matrix' | 'cooccurrence.excerpts'> = {
  'cooccurrence.matrix': async (ctx, input) => {
    const all = await codebookRows(ctx);
    let rows = all.filter((r) => r.archived === 0);
    if (input.codeId) {
      if (!all.some((r) => r.id === input.codeId)) throw new QuireError('not_found', 'The code to start from is not in the codebook.', { codeId: input.codeId });
      const keep = new Set(subtree(all, input.codeId));
      rows = all.filter((r) => keep.has(r.id));
    } else if (input.codeIds) {
      const keep = new Set(input.codeIds);
      rows = all.filter((r) => keep.has(r.id));
    }
    const lines = codeLines(rows);
    const colors = new Map(rows.map((r) => [r.id, r.color]));
    const index = new Map(lines.map((l, i) => [l.codeId, i]));
    const n = lines.length;
    const scope = documentScope(ctx, input);
    const codings = readCodings(ctx, index, scope);
    const tally = input.by === 'overlap' ? tallyOverlap(codings, n) : input.by === 'sameSegment' ? tallySegments(ctx, codings, n, scope) : tallyDocuments(codings, n);
    const result: CooccurrenceMatrix = {
      by: input.by,
      codes: lines.map((l) => ({ ...l, color: colors.get(l.codeId) ?? '#888888' })),
      ...matrixOf(input.by, n, tally),
    };
    return result;
  },

  'cooccurrence.excerpts': async (ctx, input) => {
    const [a, b] = input.codeIds;
    const known = new Set((await codebookRows(ctx)).map((r) => r.id));
    if (!known.has(a) || !known.has(b)) throw new QuireError('not_found', 'One of the two codes is no longer in the codebook.', { codeIds: input.codeIds });
    const scope = documentScope(ctx, input);
    const slots = new Map<string, number[]>([[a, [0]]]);
    if (b !== a) slots.set(b, [1]);
    const hits = cellHits(ctx, input.by, a, b, loadSpans(ctx, slots, scope), scope);
    return excerptPage(ctx, hits, scope, new SpeakerSides(ctx), input);
  },
};
