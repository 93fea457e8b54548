/**
 * A large CSV export written in two parts at once: the excerpts of the first documents (in
 * reading order) in this thread, those of the rest in a worker thread, each part renamed and
 * checked for leaks on its own; the worker's rows and leak report then follow this thread's. CSV
 * rows stand alone, so the file is byte for byte the one written in one go. A small export, one
 * ordered by code or case (the parts could not keep the order), and a draft's quotes are written
 * in one go.
 */
import type { Worker } from 'node:worker_threads';
import type { ErrorPayload } from '../../../src-shared/contract/errors';
import { QuireError } from '../../../src-shared/contract/errors';
import type { ExtractsInput } from '../../../src-shared/contract/extracts';
import type { PseudonymEntry } from '../../../src-shared/contract/pseudonyms';
import type { ReadContext } from '../context';
import { statement } from '../db/statements';
import { documentScope } from '../services/document-scope';
import type { CheckedOverlay, ScanPart } from '../services/leak-check';
import { startWorker } from '../workers';
import { csvRows, csvWriter } from './csv';
import type { Output } from './output';
import { writeExtracts } from './write-extracts';

/** Below this many codings a second thread costs more than it saves. */
export const PARALLEL_FROM = 20_000;

/** What the worker is given: the project to read, the export, its part's documents and the pseudonym registry. */
export interface CsvPartJob {
  readonly path: string;
  readonly input: ExtractsInput;
  readonly documents: readonly string[];
  readonly entries: readonly PseudonymEntry[];
}

/** What the worker answers: its rows and what its leak check found, a QuireError's payload, or another error's message. */
export type CsvPartAnswer =
  | { readonly ok: true; readonly chunks: readonly Uint8Array[]; readonly items: number; readonly scan: ScanPart | null }
  | { readonly ok: false; readonly error: ErrorPayload }
  | { readonly ok: false; readonly error: null; readonly reason: string };

/**
 * The worker's share of the codings: half once it runs; less while it still has to start, which
 * from the sources (tsx compiling the modules it loads) takes about as long as a part of a large
 * export.
 */
const SHARE = { started: 0.5, starting: 0.35 } as const;

/** The export worker, started on first use and kept (see `runPart`). */
let worker: Worker | null = null;

/** The documents of each part, in reading order, the later ones holding `share` of the codings; null when the export is written in one go. */
export function csvParts(ctx: ReadContext, input: ExtractsInput, minimum: number, share: number = SHARE.started): { readonly first: Set<string>; readonly later: Set<string> } | null {
  if (!input.query || input.draft || input.sort !== 'document' || (input.grouping !== 'none' && input.grouping !== 'document')) return null;
  const counts = new Map(statement(ctx.raw, 'SELECT document_id, count(*) FROM codings GROUP BY document_id').raw().all() as [string, number][]);
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
): Promise<{ readonly title: string; readonly items: number }> {
  const parts = csvParts(ctx, input, source.minimum ?? PARALLEL_FROM, worker ? SHARE.started : SHARE.starting);
  if (!parts) return writeExtracts(ctx, input, csvWriter, out, overlay);
  const later = runPart({ path: source.file, input, documents: [...parts.later], entries: source.entries() });
  // Settled below; a failure here must not leave the worker's answer unhandled.
  later.catch(() => undefined);
  const first = await writeExtracts(ctx, input, csvWriter, out, overlay, { documents: parts.first });
  let answer: Extract<CsvPartAnswer, { ok: true }>;
  try {
    answer = await later;
  } catch (error) {
    if (error instanceof QuireError) throw error;
    // The thread could not do it (it could not start, or stopped): this thread writes the part itself.
    const rest = await writeExtracts(ctx, input, csvRows, out, overlay, { documents: parts.later, later: true });
    return { title: first.title, items: first.items + rest.items };
  }
  for (const chunk of answer.chunks) out.write(chunk);
  if (overlay && answer.scan) overlay.follow(answer.scan);
  return { title: first.title, items: first.items + answer.items };
}


/** Runs a part in the export worker, started on first use and kept (starting one costs more than a part of a small export). */
function runPart(job: CsvPartJob): Promise<Extract<CsvPartAnswer, { ok: true }>> {
  const thread = (worker ??= startWorker('export'));
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void, broken: boolean): void => {
      thread.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (broken) {
        if (worker === thread) worker = null;
        void thread.terminate();
      }
      outcome();
    };
    const onMessage = (answer: CsvPartAnswer): void =>
      finish(() => {
        if (answer.ok) resolve(answer);
        else if (answer.error) reject(QuireError.fromPayload(answer.error));
        else reject(new Error(answer.reason));
      }, false);
    const onError = (error: Error): void => finish(() => reject(error), true);
    const onExit = (code: number): void => finish(() => reject(new Error(`the export thread stopped with code ${code}`)), true);
    thread.on('message', onMessage).on('error', onError).on('exit', onExit);
    thread.postMessage(job);
  });
}
