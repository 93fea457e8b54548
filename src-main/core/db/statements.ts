import type BetterSqlite3 from 'better-sqlite3';

const caches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * A prepared statement for this connection, prepared once: hot paths (the writer, coding in bulk)
 * run the same few statements many thousand times.
 */
export function statement(raw: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let cache = caches.get(raw);
  if (!cache) {
    cache = new Map();
    caches.set(raw, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = raw.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
