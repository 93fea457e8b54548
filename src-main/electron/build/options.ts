/**
 * esbuild settings for the desktop app's scripts: main.js and core-process.js (ESM, for
 * Electron's Node), pdf-worker.js (ESM, the worker thread the core reads PDFs in, started from
 * beside core-process.js) and preload.cjs (one CommonJS file, for the sandboxed renderer).
 * Everything is bundled except electron and better-sqlite3, which the app resolves at run time.
 */
import path from 'node:path';
import type { BuildOptions } from 'esbuild';
import { PDF_WORKER_BUNDLE } from '../../core/import/pdf';
import { CORE_PROCESS_FILE, MAIN_FILE, PRELOAD_FILE } from '../layout';

const source = (file: string): string => path.resolve(import.meta.dirname, '..', file);

// Electron 45 runs Node 22 and Chromium 140.
const nodeScript: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: ['electron', 'better-sqlite3'],
  sourcemap: 'linked',
  logLevel: 'warning',
  // Bundled CommonJS code may call require() for Node's built-ins; ESM has no require of its own.
  banner: { js: "import { createRequire as __quireCreateRequire } from 'node:module'; const require = __quireCreateRequire(import.meta.url);" },
};

/** The build options of each script, writing into `outDir`. */
export function desktopScripts(outDir: string): Record<'main' | 'coreProcess' | 'pdfWorker' | 'preload', BuildOptions> {
  return {
    main: { ...nodeScript, entryPoints: [source('main.ts')], outfile: path.join(outDir, MAIN_FILE) },
    coreProcess: { ...nodeScript, entryPoints: [source('core-process.ts')], outfile: path.join(outDir, CORE_PROCESS_FILE) },
    pdfWorker: { ...nodeScript, entryPoints: [source('../core/import/pdf-worker.ts')], outfile: path.join(outDir, PDF_WORKER_BUNDLE) },
    preload: {
      bundle: true,
      platform: 'browser',
      format: 'cjs',
      target: 'chrome140',
      external: ['electron'],
      sourcemap: 'linked',
      logLevel: 'warning',
      entryPoints: [source('preload.cts')],
      outfile: path.join(outDir, PRELOAD_FILE),
    },
  };
}
