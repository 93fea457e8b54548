/**
 * The core's worker threads, and where each one's code is: from the sources (tests, the command
 * line and the browser edition, all through tsx) its `.ts` file, loaded through tsx; in the
 * desktop bundle a file esbuild writes beside the bundled core (electron/build/options.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Transferable } from 'node:worker_threads';
import type { ErrorPayload } from '../../src-shared/contract/errors';
import { QuireError } from '../../src-shared/contract/errors';
import { WORKER_YOUNG_GENERATION_MB } from './heap';

/** Each worker's source, from this folder, its file in the desktop bundle, and the heap it needs. */
export const WORKERS = {
  /** Reads PDFs (import/pdf.ts). */
  pdf: { source: './import/pdf-worker.ts', bundle: 'pdf-worker.js', resourceLimits: {} },
  /** Writes part of a large CSV export (export/csv-parts.ts): the core's young generation (heap.ts). */
  csvPart: { source: './export/csv-part-worker.ts', bundle: 'csv-part-worker.js', resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } },
} as const;

export type WorkerName = keyof typeof WORKERS;

/** A worker thread running `name`'s code; it does not keep the process alive (see `KeptWorker` for while it works). */
export function startWorker(name: WorkerName): Worker {
  const { source, bundle, resourceLimits } = WORKERS[name];
  const started = import.meta.url.endsWith('.ts')
    ? // On Node 20 a worker's entry file is loaded without the parent's tsx (neither `--import tsx`
      // nor bin/quire.js's register() reaches it), so the worker registers tsx's ESM API itself.
      new Worker(`import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL(source, import.meta.url).href)}); });`, { eval: true, resourceLimits })
    : new Worker(new URL(`./${bundle}`, import.meta.url), { resourceLimits });
  started.unref();
  return started;
}

/** tsx's ESM API (`tsx/esm/api`, import condition), which require.resolve alone would give as CommonJS. */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href;
}

/** What a worker answers a job: its result, a QuireError's payload, or another error's message. */
export type WorkerAnswer<R> =
  | ({ readonly ok: true } & R)
  | { readonly ok: false; readonly error: ErrorPayload }
  | { readonly ok: false; readonly error: null; readonly reason: string };

/** Inside a worker: does a job and puts how it went into the answer to post (an error thrown cannot cross threads as it is). */
export async function answerOf<R extends object>(work: () => Promise<R>): Promise<WorkerAnswer<R>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    return error instanceof QuireError ? { ok: false, error: error.toPayload() } : { ok: false, error: null, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Why a job got no answer: the thread failed (its error's message), stopped (its exit code) or ran out of time (the limit). */
export class WorkerFailure extends Error {
  constructor(
    readonly kind: 'failed' | 'stopped' | 'timeout',
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * A worker thread of one kind, started on the first job and kept for the next (starting one costs
 * more than a small job), one job at a time. A thread that fails, stops or runs out of time is
 * ended, the job rejected with a `WorkerFailure`, and the next job gets a fresh thread.
 */
export class KeptWorker<Job, Answer> {
  private worker: Worker | null = null;
  /** Jobs wait for the one before, so a time limit ends only its own job. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly name: WorkerName) {}

  /** Whether the thread is already running, so a job need not wait for it to start. */
  get started(): boolean {
    return this.worker !== null;
  }

  run(job: Job, options: { readonly transfer?: readonly Transferable[]; readonly timeoutMs?: number } = {}): Promise<Answer> {
    const run = this.queue.then(() => this.runNow(job, options.transfer ?? [], options.timeoutMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The running thread, or a new one; one that fails or stops while idle is let go, so the next job gets a fresh one. */
  private thread(): Worker {
    if (this.worker) return this.worker;
    let started: Worker;
    try {
      started = startWorker(this.name);
    } catch (error) {
      throw new WorkerFailure('failed', error instanceof Error ? error.message : String(error));
    }
    const forget = (): void => {
      if (this.worker === started) this.worker = null;
    };
    started.on('error', forget).on('exit', forget);
    return (this.worker = started);
  }

  private async runNow(job: Job, transfer: readonly Transferable[], timeoutMs: number | undefined): Promise<Answer> {
    const thread = this.thread();
    // Waited for, the thread keeps the process alive (the command line would otherwise end before the answer).
    thread.ref();
    return new Promise<Answer>((resolve, reject) => {
      const finish = (outcome: () => void, broken: boolean): void => {
        clearTimeout(timer);
        thread.off('message', onMessage).off('error', onError).off('exit', onExit);
        thread.unref();
        if (broken) {
          if (this.worker === thread) this.worker = null;
          void thread.terminate();
        }
        outcome();
      };
      const onMessage = (answer: Answer): void => finish(() => resolve(answer), false);
      const onError = (error: Error): void => finish(() => reject(new WorkerFailure('failed', error.message)), true);
      const onExit = (code: number): void => finish(() => reject(new WorkerFailure('stopped', String(code))), true);
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish(() => reject(new WorkerFailure('timeout', String(timeoutMs / 1000))), true), timeoutMs);
      thread.on('message', onMessage).on('error', onError).on('exit', onExit);
      thread.postMessage(job, transfer);
    });
  }
}
