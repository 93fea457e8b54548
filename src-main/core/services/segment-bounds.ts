import type BetterSqlite3 from 'better-sqlite3';
import { statement } from '../db/statements';

/**
 * Where a revision's turns and paragraphs start and end, and who speaks in each, kept in memory: a
 * revision never changes once written and its segments are derived from its text, so an analysis by
 * segment or by speaker reads each revision's segments once per open project (2,000 documents:
 * about 340,000 segments, under 5 MB).
 */
export interface SegmentBounds {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Each segment's speaker as an index into `labels`; -1 for paragraphs, directions and unlabelled turns. */
  readonly speakers: Int32Array;
  /** The distinct speaker labels of the revision, as written. */
  readonly labels: readonly string[];
}

const caches = new WeakMap<BetterSqlite3.Database, Map<string, SegmentBounds>>();

export function segmentBounds(raw: BetterSqlite3.Database, revisionId: string): SegmentBounds {
  let cache = caches.get(raw);
  if (!cache) {
    cache = new Map();
    caches.set(raw, cache);
  }
  let hit = cache.get(revisionId);
  if (!hit) {
    const rows = statement(raw, 'SELECT start_offset, end_offset, speaker FROM segments WHERE revision_id = ? ORDER BY ord').raw().all(revisionId) as [number, number, string | null][];
    const labels: string[] = [];
    const index = new Map<string, number>();
    const speakers = Int32Array.from(rows, ([, , speaker]) => {
      if (speaker === null) return -1;
      let at = index.get(speaker);
      if (at === undefined) {
        at = labels.push(speaker) - 1;
        index.set(speaker, at);
      }
      return at;
    });
    hit = { starts: Int32Array.from(rows, (r) => r[0]), ends: Int32Array.from(rows, (r) => r[1]), speakers, labels };
    // An empty answer may mean the segments are not derived yet: do not keep it.
    if (rows.length > 0) cache.set(revisionId, hit);
  }
  return hit;
}

/**
 * The segment holding `offset`, or -1 when it falls between segments (on a line break).
 *
 * @example
 * segmentAtOffset(segmentBounds(raw, revisionId), coding.start); // 12: the coding opens in turn 12
 */
export function segmentAtOffset({ starts, ends }: SegmentBounds, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return starts.length > 0 && starts[lo]! <= offset && offset < ends[lo]! ? lo : -1;
}
