/**
 * PDF files, read in a worker thread (`pdf-worker.ts`). pdf.js is a large parser fed untrusted
 * bytes, and some damaged PDFs make it reject promises of its own that nothing awaits: in the
 * calling process such an unhandled rejection can stop the command line or the server. In a
 * worker it stays there. One worker reads one PDF at a time and is kept between files (starting
 * one costs more than reading a small PDF); it does not keep the process alive while idle. A PDF
 * that makes pdf.js hang is stopped after `maxPdfMilliseconds` and a worker that dies is reported
 * as a damaged PDF; in both cases the worker is ended and the next PDF gets a fresh one.
 */
import type { Worker } from 'node:worker_threads';
import type { ErrorPayload } from '../../../src-shared/contract/errors';
import { QuireError } from '../../../src-shared/contract/errors';
import { importError, unreadable } from './errors';
import type { ImportLimits } from './limits';
import type { ExtractedDocument } from './types';
import { startWorker } from '../workers';

export const PDF_FORMAT_NAME = 'a PDF';

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

let worker: Worker | null = null;
/** PDFs wait for the one before: one job at a time, so a time limit ends only its own job. */
let queue: Promise<unknown> = Promise.resolve();

export function extractPdf(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<ExtractedDocument> {
  const job = queue.then(() => runJob(bytes, fileName, limits));
  queue = job.catch(() => undefined);
  return job;
}

function runJob(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<ExtractedDocument> {
  const reader = (worker ??= startWorker('pdf'));
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
