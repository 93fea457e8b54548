/**
 * The worker thread that writes a later part of a large CSV export for `csv-parts.ts`: one job at
 * a time, each answered with one `CsvPartAnswer`. It reads the project through a connection of
 * its own, read-only; the core's calls wait while an export runs, so nothing changes meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/schema';
import { CheckedOverlay } from '../services/leak-check';
import { csvRows } from './csv';
import type { CsvPartAnswer, CsvPartJob } from './csv-parts';
import { MemoryOutput } from './output';
import { writeExtracts } from './write-extracts';
import { answerOf } from '../workers';

async function writePart(job: CsvPartJob): Promise<Omit<Extract<CsvPartAnswer, { ok: true }>, 'ok'>> {
  const raw = new BetterSqlite3(job.path, { readonly: true, fileMustExist: true });
  // One read transaction: the part reads one state of the project from start to end.
  raw.exec('BEGIN');
  try {
    const ctx = { raw, db: new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) }) };
    const overlay = job.entries.length === 0 ? null : new CheckedOverlay(job.entries);
    const out = new MemoryOutput(job.spares.map((b) => Buffer.from(b)));
    const { items } = await writeExtracts(ctx, job.input, csvRows, out, overlay, { documents: new Set(job.documents), later: true });
    return { chunks: out.parts(), items, scan: overlay?.part() ?? null };
  } finally {
    raw.exec('COMMIT');
    raw.close();
  }
}

parentPort!.on('message', async (job: CsvPartJob) => {
  const answer: CsvPartAnswer = await answerOf(() => writePart(job));
  // The rows' bytes are handed over, not copied (40 MB of a large export would take a while); not
  // a buffer of Node's shared pool for small ones, which other buffers of this thread use.
  const buffers = answer.ok ? new Set(answer.chunks.map((c) => c.buffer as ArrayBuffer).filter((b) => b.byteLength > Buffer.poolSize)) : [];
  parentPort!.postMessage(answer, [...buffers]);
});
