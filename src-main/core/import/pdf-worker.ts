/**
 * The worker thread that reads PDFs for `pdf.ts`: one job at a time, each answered with one
 * `PdfAnswer`.
 */
import { parentPort } from 'node:worker_threads';
import { QuireError } from '../../../src-shared/contract/errors';
import { readPdf } from './pdf-read';
import type { PdfAnswer, PdfJob } from './pdf';

// Some damaged PDFs make pdf.js reject a promise of its own that nothing awaits. Left alone, that
// would end this thread. The extraction's own promise still settles, or the time limit in pdf.ts
// ends the thread, so such a rejection changes nothing and is dropped here.
process.on('unhandledRejection', () => undefined);

parentPort!.on('message', async ({ bytes, fileName, limits }: PdfJob) => {
  let answer: PdfAnswer;
  try {
    answer = { ok: true, document: await readPdf(bytes, fileName, limits) };
  } catch (error) {
    answer = error instanceof QuireError ? { ok: false, error: error.toPayload() } : { ok: false, error: null, reason: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
