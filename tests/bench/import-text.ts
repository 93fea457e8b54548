import type BetterSqlite3 from 'better-sqlite3';

/**
 * A plain-text document of about `bytes` UTF-8 bytes made of the project's own paragraphs (so its
 * language mix is the corpus's), paragraphs separated by blank lines as a typed file would be.
 * Deterministic: documents in title order.
 */
export function importText(db: BetterSqlite3.Database, bytes = 200_000): string {
  const parts: string[] = [];
  let size = 0;
  for (const text of db.prepare('SELECT r.text FROM documents d JOIN revisions r ON r.id = d.current_revision_id ORDER BY d.title').pluck().iterate() as IterableIterator<string>) {
    for (const paragraph of text.split('\n')) {
      if (paragraph.trim() === '') continue;
      const b = Buffer.byteLength(paragraph, 'utf8') + 2;
      if (size + b > bytes) return `${parts.join('\n\n')}\n`;
      parts.push(paragraph);
      size += b;
    }
  }
  return `${parts.join('\n\n')}\n`;
}
