import type BetterSqlite3 from 'better-sqlite3';
import { transcode } from 'node:buffer';
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
  const bytes = statement(raw, 'SELECT CAST(text AS BLOB) FROM revisions WHERE id = ?').pluck().get(revisionId) as Buffer | undefined;
  if (bytes === undefined) return undefined;
  const text = decodeText(bytes);
  if (!keep) return text;
  cache.set(revisionId, text);
  if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
  return text;
}

/**
 * UTF-8 bytes as a string, through UTF-16. V8 decodes a string column's mostly Cyrillic UTF-8 at
 * about 250 MB/s; ICU's converter and a copy of the UTF-16 take a fifth of that time (an export of
 * every coding reads 40 million characters). Without ICU (a build of Node without it) V8 decodes.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes.byteLength < DIRECT) return bytes.toString('utf8');
  try {
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return bytes.toString('utf8');
  }
}

/** Below this, V8 decodes as fast as a conversion through UTF-16 costs to set up. */
const DIRECT = 256;
