/**
 * The core's worker threads, and where each one's code is: from the sources (tests, the command
 * line and the browser edition, all through tsx) its `.ts` file, loaded through tsx; in the
 * desktop bundle a file esbuild writes beside the bundled core (electron/build/options.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Each worker's source, from this folder, and its file in the desktop bundle. */
export const WORKERS = {
  /** Reads PDFs (import/pdf.ts). */
  pdf: { source: './import/pdf-worker.ts', bundle: 'pdf-worker.js' },
  /** Writes part of a large CSV export (export/csv-parts.ts). */
  export: { source: './export/csv-part-worker.ts', bundle: 'export-worker.js' },
} as const;

export type WorkerName = keyof typeof WORKERS;

/** A worker thread running `name`'s code; it does not keep the process alive while idle. */
export function startWorker(name: WorkerName): Worker {
  const { source, bundle } = WORKERS[name];
  const started = import.meta.url.endsWith('.ts')
    ? // On Node 20 a worker's entry file is loaded without the parent's tsx (neither `--import tsx`
      // nor bin/quire.js's register() reaches it), so the worker registers tsx's ESM API itself.
      new Worker(`import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL(source, import.meta.url).href)}); });`, { eval: true })
    : new Worker(new URL(`./${bundle}`, import.meta.url));
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
