/**
 * PDF files, read in a worker thread (`pdf-worker.ts`). pdf.js is a large parser fed untrusted
 * bytes, and some damaged PDFs make it reject promises of its own that nothing awaits: in the
 * calling process such an unhandled rejection can stop the command line or the server. In a
 * worker it stays there. One worker reads one PDF at a time and is kept between files (starting
 * one costs more than reading a small PDF); it does not keep the process alive while idle. A PDF
 * that makes pdf.js hang is stopped after `maxPdfMilliseconds` and a worker that dies is reported
 * as a damaged PDF; in both cases the worker is ended and the next PDF gets a fresh one.
 */
import { QuireError } from '../../../src-shared/contract/errors';
import { importError, unreadable } from './errors';
import type { ImportLimits } from './limits';
import type { ExtractedDocument } from './types';
import { KeptWorker, WorkerFailure } from '../workers';
import type { WorkerAnswer } from '../workers';

export const PDF_FORMAT_NAME = 'a PDF';

/** What the worker is given. */
export interface PdfJob {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly limits: ImportLimits;
}

/** What the worker answers. */
export type PdfAnswer = WorkerAnswer<{ readonly document: ExtractedDocument }>;

const reader = new KeptWorker<PdfJob, PdfAnswer>('pdf');

export async function extractPdf(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<ExtractedDocument> {
  // A copy the worker owns: pdf.js may detach the buffer it is given, and refuses Node Buffers.
  const copy = new Uint8Array(bytes);
  let answer: PdfAnswer;
  try {
    answer = await reader.run({ bytes: copy, fileName, limits }, { transfer: [copy.buffer], timeoutMs: limits.maxPdfMilliseconds });
  } catch (error) {
    if (!(error instanceof WorkerFailure)) throw error;
    const reason =
      error.kind === 'timeout' ? `reading it took more than ${error.message} seconds` : error.kind === 'stopped' ? `the reader stopped with code ${error.message}` : error.message;
    throw importError(fileName, `could not be read as ${PDF_FORMAT_NAME}: this PDF is damaged (${reason}). Open it in a PDF viewer, save or print a new copy (for example "Print to PDF"), and import that.`, { reason });
  }
  if (answer.ok) return answer.document;
  if (answer.error) throw QuireError.fromPayload(answer.error);
  throw unreadable(fileName, PDF_FORMAT_NAME, new Error(answer.reason));
}
