/**
 * Where the builds put things. The desktop bundle and the renderer build are siblings under one
 * folder, in the source tree (`dist/`) and inside the packaged app alike, so main finds the
 * renderer by the same relative step in both.
 */
import path from 'node:path';

/** The build folder, relative to the repository root. */
export const BUILD_DIR = 'dist';
/** The renderer's production build (vite), beside the desktop bundle. */
export const RENDERER_DIR = 'renderer';
/** main.js, preload.cjs, core-process.js and the core's worker threads (core/workers.ts). */
export const DESKTOP_DIR = 'desktop';

export const MAIN_FILE = 'main.js';
export const PRELOAD_FILE = 'preload.cjs';
export const CORE_PROCESS_FILE = 'core-process.js';

/**
 * Written beside the desktop bundle once better-sqlite3 has been built there for Electron's ABI
 * (`build/native.ts`); says for which versions, so a later upgrade of either is noticed.
 */
export const NATIVE_MARKER_FILE = 'native.json';

export interface NativeMarker {
  readonly electron: string;
  readonly betterSqlite3: string;
  readonly platform: string;
  readonly arch: string;
}

export interface DesktopPaths {
  readonly preload: string;
  readonly coreProcess: string;
  readonly rendererRoot: string;
}

/** The files main needs, found from the folder main.js runs in. */
export function desktopPaths(desktopDir: string): DesktopPaths {
  return {
    preload: path.join(desktopDir, PRELOAD_FILE),
    coreProcess: path.join(desktopDir, CORE_PROCESS_FILE),
    rendererRoot: path.resolve(desktopDir, '..', RENDERER_DIR),
  };
}
