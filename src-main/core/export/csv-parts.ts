/**
 * A large CSV export written in two parts at once: the excerpts of the first documents (in
 * reading order) in this thread, those of the rest in a worker thread, each part renamed and
 * checked for leaks on its own; the worker's rows and leak report then follow this thread's. CSV
 * rows stand alone, so the file is byte for byte the one written in one go. A small export, one
 * ordered by code or case (the parts could not keep the order), and a draft's quotes are written
 * in one go.
 */
import { QuireError } from '../../../src-shared/contract/errors';
import type { ExtractsInput } from '../../../src-shared/contract/extracts';
import type { PseudonymEntry } from '../../../src-shared/contract/pseudonyms';
import type { ReadContext } from '../context';
import { statement } from '../db/statements';
import { codebookRows } from '../services/codebook';
import { documentScope } from '../services/document-scope';
import { subtree } from '../services/retrieval';
import type { CheckedOverlay, ScanPart } from '../services/leak-check';
import { KeptWorker, WorkerFailure } from '../workers';
import type { WorkerAnswer } from '../workers';
import { CHUNK, csvRows, csvWriter } from './csv';
import type { Output } from './output';
import { writeExtracts } from './write-extracts';

/** A part not written by then (the thread hangs) is written here instead. */
const PART_TIME_LIMIT_MS = 5 * 60_000;

/** Below this many codings a second thread costs more than it saves. */
export const PARALLEL_FROM = 20_000;

/** What the worker is given: the project to read, the export, its part's documents and the pseudonym registry. */
export interface CsvPartJob {
  readonly path: string;
  readonly input: ExtractsInput;
  readonly documents: readonly string[];
  readonly entries: readonly PseudonymEntry[];
  /** Buffers of an earlier answer, written since, to fill again (handed over, not copied). */
  readonly spares: readonly ArrayBuffer[];
}

/** What the worker answers: its rows and what its leak check found. */
export type CsvPartAnswer = WorkerAnswer<{ readonly chunks: readonly Uint8Array[]; readonly items: number; readonly scan: ScanPart | null }>;

/**
 * The worker's share of the codings: half once it runs (it is kept between exports); less while it still has to start, which
 * from the sources (tsx compiling the modules it loads) takes about as long as a part of a large
 * export.
 */
const SHARE = { started: 0.5, starting: 0.35 } as const;

const worker = new KeptWorker<CsvPartJob, CsvPartAnswer>('csvPart');

/**
 * The buffers of the worker's last answer, written to the file since, to go back with its next
 * job: filling fresh memory costs more than encoding into it (see `FileOutput.spares`), and a
 * large export's part takes 40 of them. Let go a minute after an export. Kept for the process,
 * which hosts one core: its calls run one at a time, so the next export starts only once this
 * one's file is written.
 */
let spares: ArrayBuffer[] = [];
const KEEP_SPARES_MS = 60_000;
let release: NodeJS.Timeout | undefined;

/** The documents of each part, in reading order, the later ones holding `share` of the codings; null when the export is written in one go. */
export async function csvParts(
  ctx: ReadContext,
  input: ExtractsInput,
  minimum: number,
  share: number = SHARE.started,
): Promise<{ readonly first: Set<string>; readonly later: Set<string> } | null> {
  if (!input.query || input.draft || input.sort !== 'document' || (input.grouping !== 'none' && input.grouping !== 'document')) return null;
  const query = input.query;
  const rows = await codebookRows(ctx);
  const codeIds = [...new Set(query.codeIds.flatMap((id) => (query.includeSubcodes ? subtree(rows, id) : [id])))];
  // The codings of the codes asked for, per document: of most of the codebook, every coding counts (quicker to count).
  const counts = new Map(
    (codeIds.length * 2 > rows.length
      ? statement(ctx.raw, 'SELECT document_id, count(*) FROM codings GROUP BY document_id').raw().all()
      : ctx.raw.prepare(`SELECT document_id, count(*) FROM codings WHERE code_id IN (${codeIds.map(() => '?').join(',')}) GROUP BY document_id`).raw().all(...codeIds)) as [string, number][],
  );
  const documents = [...documentScope(ctx, input.query).documents.values()].sort((a, b) => a.order - b.order).map((d) => ({ id: d.id, codings: counts.get(d.id) ?? 0 }));
  const total = documents.reduce((n, d) => n + d.codings, 0);
  if (total < minimum) return null;
  const first = new Set<string>();
  const later = new Set<string>();
  let taken = 0;
  for (const d of documents) {
    (taken < total * (1 - share) ? first : later).add(d.id);
    taken += d.codings;
  }
  return later.size === 0 ? null : { first, later };
}

/** Where the worker reads the project, and the registry its overlay renames with. */
export interface PartsSource {
  readonly file: string;
  readonly entries: () => readonly PseudonymEntry[];
  /** How many codings make an export large enough for two threads. */
  readonly minimum?: number;
}

/**
 * Writes a CSV export into `out`, in two threads when it is large. The overlay's report covers
 * both parts, in the order they are written.
 */
export async function writeCsvExtracts(
  ctx: ReadContext,
  input: ExtractsInput,
  out: Output,
  overlay: CheckedOverlay | null,
  source: PartsSource,
): Promise<{ readonly title: string; readonly items: number; readonly threads: 1 | 2 }> {
  const parts = await csvParts(ctx, input, source.minimum ?? PARALLEL_FROM, worker.started ? SHARE.started : SHARE.starting);
  if (!parts) return { ...(await writeExtracts(ctx, input, csvWriter, out, overlay)), threads: 1 };
  const given = spares;
  spares = [];
  const later = worker.run({ path: source.file, input, documents: [...parts.later], entries: source.entries(), spares: given }, { transfer: given, timeoutMs: PART_TIME_LIMIT_MS });
  // Settled below; a failure here must not leave the worker's answer unhandled.
  later.catch(() => undefined);
  const first = await writeExtracts(ctx, input, csvWriter, out, overlay, { documents: parts.first });
  const answer = await later.catch((error: unknown) => {
    if (!(error instanceof WorkerFailure)) throw error;
    return null;
  });
  if (answer?.ok === false && answer.error) throw QuireError.fromPayload(answer.error);
  if (!answer?.ok) {
    // The thread could not do it (it could not start, stopped, or failed unexpectedly): this thread writes the part itself.
    const rest = await writeExtracts(ctx, input, csvRows, out, overlay, { documents: parts.later, later: true });
    return { title: first.title, items: first.items + rest.items, threads: 1 };
  }
  for (const chunk of answer.chunks) out.write(chunk);
  // Filled again only by the next export, which starts once this one's file is written.
  spares = [...new Set(answer.chunks.map((c) => c.buffer as ArrayBuffer))].filter((b) => b.byteLength === CHUNK);
  clearTimeout(release);
  release = setTimeout(() => (spares = []), KEEP_SPARES_MS).unref();
  if (overlay && answer.scan) overlay.follow(answer.scan);
  return { title: first.title, items: first.items + answer.items, threads: 2 };
}
