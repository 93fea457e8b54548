import type BetterSqlite3 from 'better-sqlite3';
import { statement } from './statements';

/** How many revision texts to keep: enough for a coding session across a few dozen documents. */
const CAPACITY = 256;

const caches = new WeakMap<BetterSqlite3.Database, Map<string, string>>();

/**
 * A revision's text. Revisions never change once written, so their texts can be kept in memory:
 * coding in bulk touches the same documents again and again. A reader going through many
 * documents once each (an export) passes `keep: false`: kept, each text would live long enough
 * to be copied out of V8's young generation, 80 MB of copying for nothing.
 */
export function revisionText(raw: BetterSqlite3.Database, revisionId: string, keep = true): string | undefined {
  let cache = caches.get(raw);
  if (!cache) {
    cache = new Map();
    caches.set(raw, cache);
  }
  const hit = cache.get(revisionId);
  if (hit !== undefined) {
    cache.delete(revisionId); // most recently used last
    cache.set(revisionId, hit);
    return hit;
  }
  const text = statement(raw, 'SELECT text FROM revisions WHERE id = ?').pluck().get(revisionId) as string | undefined;
  if (text === undefined || !keep) return text;
  cache.set(revisionId, text);
  if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
  return text;
}
