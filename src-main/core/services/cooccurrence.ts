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
import type { DocumentMeta, Scope } from './document-scope';
import { codeLines } from './reports';
import { excerptPage, loadSpans, segmentsOf, sortHits, subtree } from './retrieval';
import { segmentBounds } from './segment-bounds';
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

/** The codings counted, as parallel columns sorted by document then start; `firsts` marks where each document begins. */
interface Codings {
  readonly documents: readonly DocumentMeta[];
  /** Index into the columns of each document's first coding, plus the length at the end. */
  readonly firsts: readonly number[];
  readonly code: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/**
 * Non-empty codings of the chosen codes in the scope. Documents and codes come as rowids: 100,000
 * rows of integers cost a third of what their ids as text would.
 */
function readCodings(ctx: QueryContext, index: ReadonlyMap<string, number>, scope: Scope): Codings {
  const codeOf = new Map<number, number>();
  for (const [rowid, id] of ctx.raw.prepare('SELECT rowid, id FROM codes').raw().all() as [number, string][]) {
    const i = index.get(id);
    if (i !== undefined) codeOf.set(rowid, i);
  }
  const byCoder = scope.coderIds !== null;
  const rows = ctx.raw
    .prepare(
      `SELECT d.rowid, k.rowid, c.start_offset, c.end_offset${byCoder ? ', c.coder_id' : ''}
         FROM codings c JOIN documents d ON d.id = c.document_id JOIN codes k ON k.id = c.code_id
        WHERE c.start_offset < c.end_offset ORDER BY c.document_id, c.start_offset`,
    )
    .raw()
    .all() as [number, number, number, number, string?][];
  const code = new Int32Array(rows.length);
  const start = new Int32Array(rows.length);
  const end = new Int32Array(rows.length);
  const documents: DocumentMeta[] = [];
  const firsts: number[] = [];
  let n = 0;
  let current = -1;
  for (const row of rows) {
    const c = codeOf.get(row[1]);
    if (c === undefined || (byCoder && !scope.coderIds!.has(row[4]!))) continue;
    if (row[0] !== current) {
      const document = scope.byRowid.get(row[0]);
      if (!document) continue;
      current = row[0];
      documents.push(document);
      firsts.push(n);
    }
    code[n] = c;
    start[n] = row[2];
    end[n] = row[3];
    n++;
  }
  firsts.push(n);
  return { documents, firsts, code: code.subarray(0, n), start: start.subarray(0, n), end: end.subarray(0, n) };
}

/** Adds 1 to every pair of a set of distinct codes, and to each code's own count. */
function countSet(counts: Float64Array, n: number, codes: ArrayLike<number>, size: number): void {
  for (let x = 0; x < size; x++) {
    const i = codes[x]!;
    counts[i * n + i]!++;
    for (let y = x + 1; y < size; y++) {
      const j = codes[y]!;
      counts[i * n + j]!++;
      counts[j * n + i]!++;
    }
  }
}

/** Overlapping pairs and shared characters, one document at a time. */
function tallyOverlap(codings: Codings, n: number): Tally {
  const { firsts, code, start, end } = codings;
  const counts = new Float64Array(n * n);
  const shared = new Float64Array(n * n);
  const covered = new Float64Array(n);
  const depth = new Int32Array(n);
  const open: number[] = [];
  const byEnd: number[] = [];
  const active: number[] = [];
  for (let d = 0; d + 1 < firsts.length; d++) {
    const from = firsts[d]!;
    const to = firsts[d + 1]!;
    // Pairs: codings come sorted by start, so every open one still running at a start overlaps it.
    open.length = 0;
    for (let k = from; k < to; k++) {
      const ck = code[k]!;
      counts[ck * n + ck]!++;
      let kept = 0;
      for (const o of open) {
        if (end[o]! <= start[k]!) continue;
        open[kept++] = o;
        const co = code[o]!;
        if (co === ck) continue;
        counts[co * n + ck]!++;
        counts[ck * n + co]!++;
      }
      open.length = kept;
      open.push(k);
    }
    // Characters: sweep the starts (in order) and the ends (sorted here) with the codes open between.
    byEnd.length = 0;
    for (let k = from; k < to; k++) byEnd.push(k);
    byEnd.sort((a, b) => end[a]! - end[b]!);
    let s = from;
    let e = 0;
    let last = 0;
    while (s < to || e < byEnd.length) {
      // Ends first at a tie: passages that only touch do not share a character.
      const closing = e < byEnd.length && (s >= to || end[byEnd[e]!]! <= start[s]!);
      const k = closing ? byEnd[e++]! : s++;
      const at = closing ? end[k]! : start[k]!;
      const length = at - last;
      if (length > 0) {
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
      const c = code[k]!;
      if (!closing) {
        if (depth[c]!++ === 0) active.push(c);
      } else if (--depth[c]! === 0) active.splice(active.indexOf(c), 1);
    }
  }
  return { counts, shared, covered };
}

/** Segments touched by both codes; segment bounds come from the per-revision cache. */
function tallySegments(ctx: QueryContext, codings: Codings, n: number): Tally {
  const { documents, firsts, code, start, end } = codings;
  const counts = new Float64Array(n * n);
  const seen = new Int32Array(n).fill(-1);
  const codesIn: number[][] = [];
  for (let d = 0; d < documents.length; d++) {
    const { starts, ends } = segmentBounds(ctx.raw, documents[d]!.revisionId);
    for (let s = codesIn.length; s < starts.length; s++) codesIn.push([]);
    let first = 0;
    let touched = 0;
    for (let k = firsts[d]!; k < firsts[d + 1]!; k++) {
      // Starts only grow, so segments ending before this start are behind every later coding too.
      while (first < starts.length && ends[first]! <= start[k]!) first++;
      for (let s = first; s < starts.length && starts[s]! < end[k]!; s++) {
        codesIn[s]!.push(code[k]!);
        touched = Math.max(touched, s + 1);
      }
    }
    for (let s = 0; s < touched; s++) {
      const list = codesIn[s]!;
      if (list.length === 0) continue;
      let size = 0;
      for (const c of list) {
        if (seen[c] === s) continue;
        seen[c] = s;
        list[size++] = c;
      }
      countSet(counts, n, list, size);
      for (let x = 0; x < size; x++) seen[list[x]!] = -1;
      list.length = 0;
    }
  }
  return { counts, shared: null, covered: null };
}

function tallyDocuments(codings: Codings, n: number): Tally {
  const { firsts, code } = codings;
  const counts = new Float64Array(n * n);
  const seen = new Uint8Array(n);
  const distinct: number[] = [];
  for (let d = 0; d + 1 < firsts.length; d++) {
    distinct.length = 0;
    for (let k = firsts[d]!; k < firsts[d + 1]!; k++) {
      const c = code[k]!;
      if (seen[c]) continue;
      seen[c] = 1;
      distinct.push(c);
    }
    countSet(counts, n, distinct, distinct.length);
    for (const c of distinct) seen[c] = 0;
  }
  return { counts, shared: null, covered: null };
}

/** The three n × n tables of the result, filled in one loop over the cells. */
function matrixOf(by: CooccurrenceBy, n: number, tally: Tally): Pick<CooccurrenceMatrix, 'counts' | 'jaccard' | 'c'> {
  const { counts, shared, covered } = tally;
  const countRows: number[][] = [];
  const jaccardRows: number[][] = [];
  const cRows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const count = new Array<number>(n);
    const jaccard = new Array<number>(n);
    const c = new Array<number>(n);
    const own = counts[i * n + i]!;
    for (let j = 0; j < n; j++) {
      const both = counts[i * n + j]!;
      count[j] = both;
      if (i === j) {
        jaccard[j] = c[j] = own > 0 ? 1 : 0;
      } else if (both === 0) {
        jaccard[j] = c[j] = 0;
      } else {
        const other = counts[j * n + j]!;
        c[j] = roundCoefficient(cCoefficient(own, other, both));
        jaccard[j] =
          by === 'overlap'
            ? roundCoefficient(jaccardIndex(shared![i * n + j]!, covered![i]! + covered![j]! - shared![i * n + j]!))
            : roundCoefficient(jaccardIndex(both, own + other - both));
      }
    }
    countRows.push(count);
    jaccardRows.push(jaccard);
    cRows.push(c);
  }
  return { counts: countRows, jaccard: jaccardRows, c: cRows };
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
    const tally = input.by === 'overlap' ? tallyOverlap(codings, n) : input.by === 'sameSegment' ? tallySegments(ctx, codings, n) : tallyDocuments(codings, n);
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
