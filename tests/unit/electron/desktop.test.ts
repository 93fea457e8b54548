import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import type { AppSettings, CallResult } from '../../../src-shared/contract';
import { CALL_CHANNEL, DIALOG_CHANNEL, EVENT_CHANNEL } from '../../../src-main/electron/channels';
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/security/csp';
import { startDesktop } from '../../../src-main/electron/desktop';
import { CORE_V8_FLAGS } from '../../../src-main/core/heap';
import type { DesktopPaths } from '../../../src-main/electron/layout';
import { windowOptions } from '../../../src-main/electron/window';
import { FakeCoreChannel, FakeEvent, fakeElectron, findItem, invokeEvent } from './fakes';
import type { FakeElectron } from './fakes';

let base: string;
let paths: DesktopPaths;

beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-desktop-'));
  paths = { preload: path.join(base, 'desktop', 'preload.cjs'), coreProcess: path.join(base, 'desktop', 'core-process.js'), rendererRoot: path.join(base, 'renderer') };
  fs.mkdirSync(paths.rendererRoot);
  fs.writeFileSync(path.join(paths.rendererRoot, 'index.html'), '<!doctype html><title>Quire</title>');
});

afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

function coreWith(appSettings: Partial<AppSettings> = {}): FakeCoreChannel {
  let current: AppSettings = { language: 'en', actorName: null, recentProjects: [], samplePath: '/q/sample.quire', ...appSettings };
  return new FakeCoreChannel((method, input): CallResult<unknown> => {
    if (method === 'app.settings') return { ok: true, result: current };
    if (method === 'app.updateSettings') {
      current = { ...current, ...(input as Partial<AppSettings>) };
      return { ok: true, result: current };
    }
    return { ok: true, result: { method } };
  });
}

async function started(core = coreWith()): Promise<FakeElectron> {
  const electron = fakeElectron(core);
  const starting = startDesktop(electron, paths, 'linux');
  await Promise.resolve();
  electron.app.becomeReady();
  await starting;
  return electron;
}

const trusted = (electron: FakeElectron) => invokeEvent(electron.windows[0]!.webContents.id, 'app://quire/index.html');

describe('the desktop shell', () => {
  it('registers the app scheme and enables the sandbox before the app is ready', async () => {
    const electron = fakeElectron(coreWith());
    const starting = startDesktop(electron, paths, 'linux');
    await Promise.resolve();
    expect(electron.order).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'whenReady']);
    expect(electron.schemes.map((scheme) => scheme.scheme)).toEqual(['app']);
    electron.app.becomeReady();
    await starting;
  });

  it('hardens the session before the window loads anything', async () => {
    const electron = await started();
    expect(electron.session.checkHandler?.()).toBe(false);
    let granted: boolean | null = null;
    electron.session.requestHandler?.({}, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(electron.session.blocked?.urls).toContain('https://*/*');
  });

  it('opens one secure window on app://quire, served from the renderer build with the CSP', async () => {
    const electron = await started();
    expect(electron.windows).toHaveLength(1);
    const window = electron.windows[0]!;
    expect(window.options).toEqual(windowOptions(paths.preload));
    expect(window.loaded).toBe('app://quire/index.html');
    const response = await electron.protocolHandlers.get('app')!(new Request('app://quire/index.html'));
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Quire</title>');
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('guards every web contents it creates', async () => {
    const electron = await started();
    const contents = electron.windows[0]!.webContents;
    const away = new FakeEvent('https://example.org/');
    contents.emit('will-navigate', away);
    expect(away.prevented).toBe(true);
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('starts the core in a utility process and opens the sample project on first run', async () => {
    const electron = await started();
    expect(electron.forked).toEqual([paths.coreProcess]);
    expect(electron.v8FlagsOfCore).toEqual(CORE_V8_FLAGS);
    const methods = electron.core.sent.flatMap((message) => (message.kind === 'call' ? [message.method] : []));
    expect(methods).toContain('app.openSample');
    expect(electron.windows[0]!.webContents.sent).toContainEqual({
      channel: EVENT_CHANNEL,
      payload: { type: 'changed', method: 'app.openSample', operationId: null, tables: [] },
    });
  });

  it('opens the most recent project when there is one', async () => {
    const electron = await started(coreWith({ recentProjects: [{ path: '/data/Perm.quire', name: 'Perm', openedAt: '2026-11-01T00:00:00Z' }] }));
    expect(electron.core.sent).toContainEqual(expect.objectContaining({ kind: 'call', method: 'project.open', input: { path: '/data/Perm.quire', actor: { name: 'Researcher' } } }));
    const menu = electron.menus.at(-1)!;
    expect(findItem(menu, 'file.recent.0')?.label).toBe('Perm — Perm.quire');
  });

  it('relays the window’s calls to the core and refuses anyone else', async () => {
    const electron = await started();
    expect(await electron.ipcMain.invoke(CALL_CHANNEL, trusted(electron), 'codes.list', {})).toEqual({ ok: true, result: { method: 'codes.list' } });
    await expect(electron.ipcMain.invoke(CALL_CHANNEL, invokeEvent(999, 'app://quire/index.html'), 'codes.list', {})).rejects.toThrow(/Refused/);
  });

  it('pushes the core’s events to the window', async () => {
    const electron = await started();
    electron.core.push({ type: 'progress', task: 'import', done: 1, total: 4 });
    expect(electron.windows[0]!.webContents.sent.at(-1)).toEqual({ channel: EVENT_CHANNEL, payload: { type: 'progress', task: 'import', done: 1, total: 4 } });
  });

  it('rebuilds the menu in Russian when the renderer switches language', async () => {
    const electron = await started();
    expect(electron.menus.at(-1)![0]?.label).toBe('File');
    await electron.ipcMain.invoke(CALL_CHANNEL, trusted(electron), 'app.updateSettings', { language: 'ru' });
    await vi.waitFor(() => expect(electron.menus.at(-1)![0]?.label).toBe('Файл'));
  });

  it('answers the renderer’s save dialog with a path', async () => {
    const electron = await started();
    electron.dialogs.saveAnswer = { canceled: false, filePath: '/data/New.quire' };
    expect(await electron.ipcMain.invoke(DIALOG_CHANNEL, trusted(electron), 'saveProject', 'New')).toBe('/data/New.quire');
    await expect(electron.ipcMain.invoke(DIALOG_CHANNEL, trusted(electron), 'saveProject', 42)).rejects.toThrow(TypeError);
  });

  it('closes the project cleanly before quitting', async () => {
    const electron = await started();
    const quitting = new FakeEvent();
    electron.app.emit('before-quit', quitting);
    expect(quitting.prevented).toBe(true);
    expect(electron.core.sent.at(-1)).toEqual({ kind: 'dispose' });
    await vi.waitFor(() => expect(electron.app.quitCount).toBe(1));
    const again = new FakeEvent();
    electron.app.emit('before-quit', again);
    expect(again.prevented).toBe(false);
  });

  it('quits when its one window is closed', async () => {
    const electron = await started();
    electron.app.emit('window-all-closed');
    expect(electron.app.quitCount).toBe(1);
  });

  it('says so and stops when the renderer has not been built', async () => {
    fs.rmSync(path.join(paths.rendererRoot, 'index.html'));
    const electron = await started();
    expect(electron.dialogs.errors[0]?.content).toContain('has not been built');
    expect(electron.app.exitCode).toBe(1);
    expect(electron.windows).toHaveLength(0);
    expect(electron.forked).toEqual([]);
  });
});
