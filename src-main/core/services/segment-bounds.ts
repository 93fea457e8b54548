import type BetterSqlite3 from 'better-sqlite3';
import { statement } from '../db/statements';

/**
 * Where a revision's turns and paragraphs start and end, kept in memory: a revision never changes
 * once written and its segments are derived from its text, so an analysis by segment reads each
 * revision's bounds once per open project (2,000 documents: about 340,000 segments, 2.7 MB).
 */
export interface SegmentBounds {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
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
    const rows = statement(raw, 'SELECT start_offset, end_offset FROM segments WHERE revision_id = ? ORDER BY ord').raw().all(revisionId) as [number, number][];
    hit = { starts: Int32Array.from(rows, (r) => r[0]), ends: Int32Array.from(rows, (r) => r[1]) };
    // An empty answer may mean the segments are not derived yet: do not keep it.
    if (rows.length > 0) cache.set(revisionId, hit);
  }
  return hit;
}
