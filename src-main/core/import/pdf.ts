/**
 * PDF files, read in a worker thread (`pdf-worker.ts`). pdf.js is a large parser fed untrusted
 * bytes, and some damaged PDFs make it reject promises of its own that nothing awaits: in the
 * calling process such an unhandled rejection can stop the command line or the server. In a
 * worker it stays there. One worker reads one PDF at a time and is kept between files (starting
 * one costs more than reading a small PDF); it does not keep the process alive while idle. A PDF
 * that makes pdf.js hang is stopped after `maxPdfMilliseconds` and a worker that dies is reported
 * as a damaged PDF; in both cases the worker is ended and the next PDF gets a fresh one.
 *
 * Where the worker's code is: from the sources (tests, the command line and the browser edition,
 * all through tsx) it is `pdf-worker.ts`, loaded through tsx; in the desktop bundle it is
 * `PDF_WORKER_BUNDLE`, which esbuild writes beside the bundled core (electron/build/options.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorPayload } from '../../../src-shared/contract/errors';
import { QuireError } from '../../../src-shared/contract/errors';
import { importError, unreadable } from './errors';
import type { ImportLimits } from './limits';
import type { ExtractedDocument } from './types';

export const PDF_FORMAT_NAME = 'a PDF';

/** The worker's file in the desktop bundle, beside the bundled core. */
export const PDF_WORKER_BUNDLE = 'pdf-worker.js';

/** What the worker is given. */
export interface PdfJob {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly limits: ImportLimits;
}

/** What the worker answers: the document, a QuireError's payload, or another error's message. */
export type PdfAnswer =
  | { readonly ok: true; readonly document: ExtractedDocument }
  | { readonly ok: false; readonly error: ErrorPayload }
  | { readonly ok: false; readonly error: null; readonly reason: string };

/** The worker's code: the bundled file, or from the sources a script that registers tsx and imports `pdf-worker.ts`. */
function workerScript(): { script: URL | string; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { script: new URL(`./${PDF_WORKER_BUNDLE}`, import.meta.url), eval: false };
  // On Node 20 a worker's entry file is loaded without the parent's tsx (neither `--import tsx`
  // nor bin/quire.js's register() reaches it), so the worker registers tsx's ESM API itself.
  const entry = new URL('./pdf-worker.ts', import.meta.url).href;
  return { script: `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, eval: true };
}

/** tsx's ESM API (`tsx/esm/api`, import condition), which require.resolve alone would give as CommonJS. */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href;
}

let worker: Worker | null = null;
/** PDFs wait for the one before: one job at a time, so a time limit ends only its own job. */
let queue: Promise<unknown> = Promise.resolve();

export function extractPdf(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<ExtractedDocument> {
  const job = queue.then(() => runJob(bytes, fileName, limits));
  queue = job.catch(() => undefined);
  return job;
}

function startWorker(): Worker {
  const { script, eval: evaluate } = workerScript();
  const started = new Worker(script, { eval: evaluate });
  started.unref();
  return started;
}

function runJob(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<ExtractedDocument> {
  const reader = (worker ??= startWorker());
  // A copy the worker owns: pdf.js may detach the buffer it is given, and refuses Node Buffers.
  const copy = new Uint8Array(bytes);
  const damaged = (reason: string): QuireError =>
    importError(fileName, `could not be read as ${PDF_FORMAT_NAME}: this PDF is damaged (${reason}). Open it in a PDF viewer, save or print a new copy (for example "Print to PDF"), and import that.`, { reason });
  return new Promise<ExtractedDocument>((resolve, reject) => {
    const finish = (outcome: () => void, broken: boolean): void => {
      clearTimeout(timer);
      reader.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (broken) {
        if (worker === reader) worker = null;
        void reader.terminate();
      }
      outcome();
    };
    const onMessage = (answer: PdfAnswer): void =>
      finish(() => {
        if (answer.ok) resolve(answer.document);
        else if (answer.error) reject(QuireError.fromPayload(answer.error));
        else reject(unreadable(fileName, PDF_FORMAT_NAME, new Error(answer.reason)));
      }, false);
    const onError = (error: Error): void => finish(() => reject(damaged(error.message)), true);
    const onExit = (code: number): void => finish(() => reject(damaged(`the reader stopped with code ${code}`)), true);
    const timer = setTimeout(() => finish(() => reject(damaged(`reading it took more than ${limits.maxPdfMilliseconds / 1000} seconds`)), true), limits.maxPdfMilliseconds);
    reader.on('message', onMessage).on('error', onError).on('exit', onExit);
    reader.postMessage({ bytes: copy, fileName, limits } satisfies PdfJob, [copy.buffer]);
  });
}
