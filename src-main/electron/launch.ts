/**
 * For `npm start`: can the desktop app start on this machine, and starting it. Nothing here loads
 * 'electron' (its entry downloads the binary when it is missing); the checks read files only.
 */
import { spawn } from 'node:child_process';
import type { SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_DIR, DESKTOP_DIR, NATIVE_MARKER_FILE } from './layout';
import type { NativeMarker } from './layout';

export type LaunchCheck = { ok: true; binary: string } | { ok: false; reason: string };

export interface LaunchContext {
  /** The repository root. */
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  readonly isRootUser: boolean;
}

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '..', '..');

function currentContext(): LaunchContext {
  return {
    root: REPOSITORY_ROOT,
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    isRootUser: process.getuid?.() === 0,
  };
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

function packageVersion(root: string, name: string): string | null {
  const text = readText(path.join(root, 'node_modules', name, 'package.json'));
  if (text === null) return null;
  try {
    const { version } = JSON.parse(text) as { version?: unknown };
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function readMarker(file: string): Partial<NativeMarker> | null {
  const text = readText(file);
  if (text === null) return null;
  try {
    return JSON.parse(text) as Partial<NativeMarker>;
  } catch {
    return null;
  }
}

/** The folder Electron is started on: its package.json names main.js and gives the app its name. */
export function desktopDir(root: string = REPOSITORY_ROOT): string {
  return path.join(root, BUILD_DIR, DESKTOP_DIR);
}

export async function canLaunchElectron(overrides: Partial<LaunchContext> = {}): Promise<LaunchCheck> {
  const ctx = { ...currentContext(), ...overrides };
  const fail = (reason: string): LaunchCheck => ({ ok: false, reason });
  const electronDir = path.join(ctx.root, 'node_modules', 'electron');
  const electronVersion = packageVersion(ctx.root, 'electron');
  if (electronVersion === null) return fail('the electron package is not installed');

  const executable = readText(path.join(electronDir, 'path.txt'));
  const override = ctx.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!executable && !override) return fail('Electron’s binary was never downloaded: node_modules/electron/path.txt is missing');
  const binary = override ? path.join(override, executable || 'electron') : path.join(electronDir, 'dist', executable!);
  if (!isFile(binary)) return fail(`Electron’s binary is missing: ${binary} does not exist`);

  if (ctx.platform === 'linux') {
    if (!ctx.env.DISPLAY && !ctx.env.WAYLAND_DISPLAY) return fail('there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)');
    // Chromium will not start its sandbox as root, and Quire does not run without it.
    if (ctx.isRootUser) return fail('Electron does not run as root with its sandbox on, and Quire keeps the sandbox on');
  }

  const marker = readMarker(path.join(desktopDir(ctx.root), NATIVE_MARKER_FILE));
  const sqliteVersion = packageVersion(ctx.root, 'better-sqlite3');
  if (
    marker?.electron !== electronVersion ||
    marker.betterSqlite3 !== sqliteVersion ||
    marker.platform !== ctx.platform ||
    marker.arch !== ctx.arch
  ) {
    return fail(`better-sqlite3 has not been built for Electron ${electronVersion} yet: run "npm run prepare:desktop" on a connected machine`);
  }
  return { ok: true, binary };
}

export interface ChildLike {
  on(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export type Spawner = (command: string, args: readonly string[], options: SpawnOptions) => ChildLike;

/** Starts the desktop app and resolves with its exit code. */
export function launchElectron(binary: string, args: readonly string[], spawner: Spawner = spawn): Promise<number> {
  // Set by some editors' terminals; it would make Electron behave as plain Node.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
  return new Promise((resolve) => {
    const child = spawner(binary, [desktopDir(), ...args], { stdio: 'inherit', env });
    child.on('error', (error) => {
      console.error(`Electron could not be started: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
