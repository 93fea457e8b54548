import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { canLaunchElectron, desktopDir, launchElectron } from '../../../src-main/electron/launch';
import type { ChildLike, LaunchContext } from '../../../src-main/electron/launch';
import { NATIVE_MARKER_FILE } from '../../../src-main/electron/layout';

let root: string;

/** A repository with electron and better-sqlite3 "installed": package.json files only. */
function install(name: string, version: string): void {
  fs.mkdirSync(path.join(root, 'node_modules', name), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
}

function downloadBinary(): string {
  fs.writeFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
  const binary = path.join(root, 'node_modules', 'electron', 'dist', 'electron');
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  fs.writeFileSync(binary, '');
  return binary;
}

function prepareNative(marker: Record<string, string> = { electron: '45.5.0', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' }): void {
  fs.mkdirSync(desktopDir(root), { recursive: true });
  fs.writeFileSync(path.join(desktopDir(root), NATIVE_MARKER_FILE), JSON.stringify(marker));
}

const context = (overrides: Partial<LaunchContext> = {}): Partial<LaunchContext> => ({
  root,
  env: { DISPLAY: ':0' },
  platform: 'linux',
  arch: 'x64',
  isRootUser: false,
  ...overrides,
});

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-launch-'));
  install('electron', '45.5.0');
  install('better-sqlite3', '12.11.1');
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('canLaunchElectron', () => {
  it('reports a binary that was never downloaded, in one clear line', async () => {
    const check = await canLaunchElectron(context());
    expect(check).toEqual({ ok: false, reason: expect.stringContaining('path.txt is missing') });
    if (!check.ok) expect(check.reason).not.toContain('\n');
  });

  it('reports a binary that path.txt names but that is not there', async () => {
    fs.writeFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    const check = await canLaunchElectron(context());
    expect(check).toEqual({ ok: false, reason: expect.stringMatching(/binary is missing: .*dist.electron does not exist/) });
  });

  it('reports a missing electron package', async () => {
    fs.rmSync(path.join(root, 'node_modules', 'electron'), { recursive: true });
    expect(await canLaunchElectron(context())).toEqual({ ok: false, reason: 'the electron package is not installed' });
  });

  it('needs a display on Linux, and no root user', async () => {
    downloadBinary();
    prepareNative();
    expect(await canLaunchElectron(context({ env: {} }))).toMatchObject({ ok: false, reason: expect.stringContaining('no graphical display') });
    expect(await canLaunchElectron(context({ isRootUser: true }))).toMatchObject({ ok: false, reason: expect.stringContaining('root') });
    expect(await canLaunchElectron(context({ env: { WAYLAND_DISPLAY: 'wayland-0' } }))).toMatchObject({ ok: true });
  });

  it('needs better-sqlite3 built for this Electron, not the Node build', async () => {
    downloadBinary();
    expect(await canLaunchElectron(context())).toMatchObject({ ok: false, reason: expect.stringContaining('npm run prepare:desktop') });
    prepareNative({ electron: '44.0.0', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' });
    expect(await canLaunchElectron(context())).toMatchObject({ ok: false, reason: expect.stringContaining('Electron 45.5.0') });
    prepareNative({ electron: '45.5.0', betterSqlite3: '12.0.0', platform: 'linux', arch: 'x64' });
    expect(await canLaunchElectron(context())).toMatchObject({ ok: false });
  });

  it('finds the binary when everything is in place', async () => {
    const binary = downloadBinary();
    prepareNative();
    expect(await canLaunchElectron(context())).toEqual({ ok: true, binary });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron itself does', async () => {
    prepareNative();
    const dist = path.join(root, 'custom-electron');
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, 'electron'), '');
    expect(await canLaunchElectron(context({ env: { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: dist } }))).toEqual({ ok: true, binary: path.join(dist, 'electron') });
  });

  it('answers for this machine without loading electron', async () => {
    const check = await canLaunchElectron();
    expect(typeof check.ok).toBe('boolean');
  });
});

describe('launchElectron', () => {
  it('starts Electron on the desktop build, without ELECTRON_RUN_AS_NODE, and resolves with its exit code', async () => {
    const previous = process.env.ELECTRON_RUN_AS_NODE;
    process.env.ELECTRON_RUN_AS_NODE = '1';
    const spawned: { command: string; args: readonly string[]; env: NodeJS.ProcessEnv | undefined }[] = [];
    try {
      const code = await launchElectron('/opt/electron/electron', ['--lang=ru'], (command, args, options): ChildLike => {
        spawned.push({ command, args, env: options.env });
        const child: ChildLike = {
          on: (event: string, listener: (...a: never[]) => void) => {
            if (event === 'exit') setTimeout(() => (listener as (code: number | null, signal: null) => void)(3, null), 0);
            return child;
          },
        };
        return child;
      });
      expect(code).toBe(3);
    } finally {
      if (previous === undefined) delete process.env.ELECTRON_RUN_AS_NODE;
      else process.env.ELECTRON_RUN_AS_NODE = previous;
    }
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.command).toBe('/opt/electron/electron');
    expect(spawned[0]!.args).toEqual([desktopDir(), '--lang=ru']);
    expect(desktopDir()).toMatch(/dist[/\\]desktop$/);
    expect(spawned[0]!.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
  });

  it('reports a binary that cannot be started', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const code = await launchElectron('/nonexistent/electron-binary', []);
    expect(code).toBe(1);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('Electron could not be started'));
    error.mockRestore();
  });
});
