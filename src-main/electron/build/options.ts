/**
 * esbuild settings for the desktop app's scripts: main.js and core-process.js (ESM, for
 * Electron's Node), the core's worker threads (ESM, core/workers.ts, started from beside
 * core-process.js) and preload.cjs (one CommonJS file, for the sandboxed renderer).
 * Everything is bundled except electron and better-sqlite3, which the app resolves at run time.
 */
import path from 'node:path';
import type { BuildOptions } from 'esbuild';
import { WORKERS } from '../../core/workers';
import type { WorkerName } from '../../core/workers';
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

type WorkerBundle = (typeof WORKERS)[WorkerName]['bundle'];

/** The build options of each script, writing into `outDir`. */
export function desktopScripts(outDir: string): Record<'main' | 'coreProcess' | 'preload' | WorkerBundle, BuildOptions> {
  const workers = Object.fromEntries(
    Object.values(WORKERS).map((w) => [w.bundle, { ...nodeScript, entryPoints: [source(path.join('../core', w.source))], outfile: path.join(outDir, w.bundle) }]),
  ) as Record<WorkerBundle, BuildOptions>;
  return {
    main: { ...nodeScript, entryPoints: [source('main.ts')], outfile: path.join(outDir, MAIN_FILE) },
    coreProcess: { ...nodeScript, entryPoints: [source('core-process.ts')], outfile: path.join(outDir, CORE_PROCESS_FILE) },
    ...workers,
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
