/**
 * The worker thread that reads PDFs for `pdf.ts`: one job at a time, each answered with one
 * `PdfAnswer`.
 */
import { parentPort } from 'node:worker_threads';
import { readPdf } from './pdf-read';
import type { PdfAnswer, PdfJob } from './pdf';
import { answerOf } from '../workers';

// Some damaged PDFs make pdf.js reject a promise of its own that nothing awaits. Left alone, that
// would end this thread. The extraction's own promise still settles, or the time limit in pdf.ts
// ends the thread, so such a rejection changes nothing and is dropped here.
process.on('unhandledRejection', () => undefined);

parentPort!.on('message', async ({ bytes, fileName, limits }: PdfJob) => {
  const answer: PdfAnswer = await answerOf(async () => ({ document: await readPdf(bytes, fileName, limits) }));
  parentPort!.postMessage(answer);
});
