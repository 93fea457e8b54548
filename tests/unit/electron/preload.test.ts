import os from 'node:os';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, it, expect, vi } from 'vitest';
import type { CoreEvent, QuireBridge } from '../../../src-shared/contract';
import { CALL_CHANNEL, DIALOG_CHANNEL, EVENT_CHANNEL } from '../../../src-main/electron/channels';
import { BRIDGE_KEY, createBridge, exposeBridge } from '../../../src-main/electron/preload-bridge';
import type { RendererIpc } from '../../../src-main/electron/preload-bridge';
import { desktopScripts } from '../../../src-main/electron/build/options';

class FakeIpcRenderer implements RendererIpc {
  readonly invoked: unknown[][] = [];
  readonly listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  answer: (channel: string, ...args: unknown[]) => Promise<unknown> = (_channel, method) => Promise.resolve({ ok: true, result: method });
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return this.answer(channel, ...args);
  }
  on(channel: string, listener: (event: unknown, payload: unknown) => void): this {
    this.listeners.set(channel, listener);
    return this;
  }
  /** What main's webContents.send does; the event object carries the raw IPC sender. */
  push(payload: unknown): void {
    this.listeners.get(EVENT_CHANNEL)?.({ sender: this, ports: [] }, payload);
  }
}

/** Calls a bridge method with arguments the types forbid but a page can pass. */
const callLoosely = (fn: unknown, ...args: unknown[]): unknown => (fn as (...a: unknown[]) => unknown)(...args);

function exposed(ipc: FakeIpcRenderer): { key: string; api: QuireBridge } {
  const exposures: { key: string; api: unknown }[] = [];
  exposeBridge({ exposeInMainWorld: (key, api) => exposures.push({ key, api }) }, ipc);
  expect(exposures).toHaveLength(1);
  return exposures[0] as { key: string; api: QuireBridge };
}

describe('the preload bridge', () => {
  it('exposes window.quire with only call, on and dialogs — never ipcRenderer', () => {
    const ipc = new FakeIpcRenderer();
    const { key, api } = exposed(ipc);
    expect(key).toBe(BRIDGE_KEY);
    expect(key).toBe('quire');
    expect(Object.keys(api).sort()).toEqual(['call', 'dialogs', 'on']);
    expect(Object.keys(api.dialogs!).sort()).toEqual(['openProject', 'saveProject']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.dialogs)).toBe(true);
    expect(Object.values(api)).not.toContain(ipc);
  });

  it('carries a call on the one call channel and returns the envelope', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    expect(await bridge.call('codes.list', { parentId: null })).toEqual({ ok: true, result: 'codes.list' });
    expect(ipc.invoked).toEqual([[CALL_CHANNEL, 'codes.list', { parentId: null }]]);
  });

  it('rejects a call without a proper method name before it leaves the page', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    for (const method of [42, '', 'x'.repeat(201), null, { toString: () => 'codes.list' }]) {
      await expect(callLoosely(bridge.call, method, {})).rejects.toThrow(TypeError);
    }
    expect(ipc.invoked).toEqual([]);
  });

  it('never rejects for a failed transport: it answers with an internal-error envelope', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.answer = () => Promise.reject(new Error('Refused: this message did not come from the Quire window.'));
    const bridge = createBridge(ipc);
    expect(await bridge.call('project.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    ipc.answer = () => Promise.resolve('not an envelope');
    expect(await bridge.call('project.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers core events to listeners without the IPC event, until they unsubscribe', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    const received: unknown[][] = [];
    const off = bridge.on((...args: unknown[]) => received.push(args));
    const event: CoreEvent = { type: 'changed', method: 'codings.apply', operationId: 'op', tables: ['codings'] };
    ipc.push(event);
    ipc.push({ type: 'unknown' });
    off();
    ipc.push(event);
    expect(received).toEqual([[event]]);
  });

  it('delivers who presents a meeting, so the desktop window follows a presenter too', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    const seen: CoreEvent[] = [];
    bridge.on((event) => seen.push(event));
    const presentation = { meetingId: 'm', itemId: 'i', presenterId: 'p', presenterName: 'Анна', allowDecisions: false, since: '2026-11-28T10:00:00.000Z' };
    ipc.push({ type: 'presenting', meetingId: 'm', presentation });
    ipc.push({ type: 'presenting', meetingId: 'm', presentation: null });
    expect(seen).toEqual([
      { type: 'presenting', meetingId: 'm', presentation },
      { type: 'presenting', meetingId: 'm', presentation: null },
    ]);
  });

  it('keeps delivering when one listener throws', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    const seen: CoreEvent[] = [];
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    bridge.on(() => {
      throw new Error('view crashed');
    });
    bridge.on((event) => seen.push(event));
    ipc.push({ type: 'progress', task: 'import', done: 1, total: 1 });
    expect(seen).toHaveLength(1);
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createBridge(new FakeIpcRenderer());
    expect(() => callLoosely(bridge.on, 'codes')).toThrow(TypeError);
  });

  it('opens the project dialogs through the dialog channel and returns a path or null', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.answer = (_channel, kind) => Promise.resolve(kind === 'openProject' ? '/data/Perm.quire' : null);
    const bridge = createBridge(ipc);
    expect(await bridge.dialogs!.openProject()).toBe('/data/Perm.quire');
    expect(await bridge.dialogs!.saveProject('Perm')).toBeNull();
    expect(ipc.invoked).toEqual([
      [DIALOG_CHANNEL, 'openProject'],
      [DIALOG_CHANNEL, 'saveProject', 'Perm'],
    ]);
    await expect(callLoosely(bridge.dialogs!.saveProject, { name: 'x' })).rejects.toThrow(TypeError);
    ipc.answer = () => Promise.resolve({ path: '/etc/passwd' });
    expect(await bridge.dialogs!.openProject()).toBeNull();
  });
});

describe('the bundled preload.cjs', () => {
  it('requires only electron, and exposes the bridge as window.quire listening on the event channel only', async () => {
    const options = desktopScripts(os.tmpdir()).preload;
    const { outputFiles } = await build({ ...options, write: false, sourcemap: false, logLevel: 'silent' });
    const code = outputFiles.find((file) => file.path.endsWith('.cjs'))?.text ?? '';

    const required: string[] = [];
    const exposures: { key: string; api: unknown }[] = [];
    const listened: string[] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposures.push({ key, api }) },
      ipcRenderer: { invoke: () => Promise.resolve(null), on: (channel: string) => listened.push(channel) },
    };
    const module = { exports: {} };
    // What a sandboxed preload gets: a require that knows 'electron' and little else.
    const sandboxRequire = (name: string): unknown => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return fakeElectron;
    };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console });

    expect(required).toEqual(['electron']);
    expect(exposures.map((exposure) => exposure.key)).toEqual(['quire']);
    expect(Object.keys(exposures[0]!.api as object).sort()).toEqual(['call', 'dialogs', 'on']);
    expect(listened).toEqual([EVENT_CHANNEL]);
  });
});
