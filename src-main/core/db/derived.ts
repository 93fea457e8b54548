import type BetterSqlite3 from 'better-sqlite3';
import { splitSegments } from '../../../src-shared/text';
import { statement } from './statements';
import { indexMemo, indexRevision } from './search-index';
import type { LoggedTable } from './schema';

/**
 * Tables computed from logged rows. They are rebuilt whenever their source row is written —
 * by a handler, an undo or a redo alike — so the change log stays small and they never drift.
 * Deleting a source row removes them through ON DELETE CASCADE.
 */
export function rebuildDerived(raw: BetterSqlite3.Database, table: LoggedTable, row: Readonly<Record<string, unknown>>): void {
  if (table === 'memos') indexMemo(raw, String(row.id), String(row.text)); // full-text search
  if (table !== 'revisions') return;
  segmentRevision(raw, String(row.id), String(row.text));
  indexRevision(raw, String(row.id), String(row.text)); // full-text search, after the segments it uses
}

/**
 * Bump when `splitSegments` or the word count change what they find: projects made by an older
 * build then get their segments and statistics derived anew when they are opened.
 */
export const SEGMENTER_VERSION = 3;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Words as a researcher counts them: runs of letters and digits (кое-что is two, 1993 one), as
 * `/[\p{L}\p{N}]+/gu` finds them. Latin, digits and Cyrillic are told apart by their codes, the
 * rest by the expression: matching every word of a 200 KB import took a tenth of its time.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let word: boolean;
    if (code < 0x80) word = (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
    else if (code >= 0x0400 && code <= 0x045f) word = true;
    else {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) i++;
      word = WORD_CHAR.test(String.fromCodePoint(point));
    }
    if (word && !inWord) words++;
    inWord = word;
  }
  return words;
}

function segmentRevision(raw: BetterSqlite3.Database, revisionId: string, text: string): void {
  const insert = statement(raw, 'INSERT INTO segments (revision_id, ord, start_offset, end_offset, kind, speaker, timestamp, asides) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  statement(raw, 'DELETE FROM segments WHERE revision_id = ?').run(revisionId);
  splitSegments(text).forEach((s, ord) => {
    insert.run(revisionId, ord, s.start, s.end, s.kind, s.speaker, s.timestamp, JSON.stringify(s.asides.map((a) => [a.start, a.end])));
  });
  statement(raw, 'INSERT OR REPLACE INTO revision_stats (revision_id, words) VALUES (?, ?)').run(revisionId, countWords(text));
}

/** Re-derives every revision's segments when they were made by an older segmenter. Returns whether it did. */
export function refreshSegments(raw: BetterSqlite3.Database): boolean {
  const made = raw.prepare("SELECT version FROM derived_state WHERE name = 'segments'").pluck().get() as number | undefined;
  if (made === SEGMENTER_VERSION) return false;
  raw.transaction(() => {
    // One text at a time: a connection cannot write while it is still reading a result.
    const textOf = raw.prepare('SELECT text FROM revisions WHERE id = ?').pluck();
    for (const id of raw.prepare('SELECT id FROM revisions').pluck().all() as string[]) segmentRevision(raw, id, textOf.get(id) as string);
    raw.prepare("INSERT OR REPLACE INTO derived_state (name, version) VALUES ('segments', ?)").run(SEGMENTER_VERSION);
  }).immediate();
  return true;
}
