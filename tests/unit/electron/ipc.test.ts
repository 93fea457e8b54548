import { describe, it, expect } from 'vitest';
import { CALL_CHANNEL, DIALOG_CHANNEL } from '../../../src-main/electron/channels';
import { isTrustedSender, registerIpc } from '../../../src-main/electron/ipc';
import type { IpcHandlers } from '../../../src-main/electron/ipc';
import { FakeIpcMain, invokeEvent } from './fakes';

const WINDOW = 7;

describe('IPC sender validation', () => {
  it('trusts only the Quire window’s top frame on the app origin', () => {
    expect(isTrustedSender(invokeEvent(WINDOW, 'app://quire/index.html'), WINDOW)).toBe(true);
  });

  it('refuses other windows, subframes, other origins and vanished frames', () => {
    expect(isTrustedSender(invokeEvent(8, 'app://quire/index.html'), WINDOW)).toBe(false);
    expect(isTrustedSender(invokeEvent(WINDOW, 'app://quire/index.html', {}), WINDOW)).toBe(false);
    expect(isTrustedSender(invokeEvent(WINDOW, 'https://example.org/'), WINDOW)).toBe(false);
    expect(isTrustedSender(invokeEvent(WINDOW, 'file:///tmp/index.html'), WINDOW)).toBe(false);
    expect(isTrustedSender(invokeEvent(WINDOW, 'app://other/index.html'), WINDOW)).toBe(false);
    expect(isTrustedSender({ sender: { id: WINDOW }, senderFrame: null }, WINDOW)).toBe(false);
    expect(isTrustedSender(invokeEvent(WINDOW, 'app://quire/index.html'), null)).toBe(false);
  });
});

describe('the IPC relay', () => {
  function setUp(): { ipc: FakeIpcMain; calls: [string, unknown][]; dialogs: [string, unknown][] } {
    const ipc = new FakeIpcMain();
    const calls: [string, unknown][] = [];
    const dialogs: [string, unknown][] = [];
    const handlers: IpcHandlers = {
      call: (method, input) => {
        calls.push([method, input]);
        return Promise.resolve({ ok: true, result: { echoed: method } });
      },
      dialog: (kind, argument) => {
        dialogs.push([kind, argument]);
        return Promise.resolve('/home/researcher/Documents/Study.quire');
      },
    };
    registerIpc(ipc, (event) => isTrustedSender(event, WINDOW), handlers);
    return { ipc, calls, dialogs };
  }

  it('handles exactly one channel for calls and one for dialogs', () => {
    expect([...setUp().ipc.handlers.keys()].sort()).toEqual([CALL_CHANNEL, DIALOG_CHANNEL].sort());
  });

  it('relays a trusted call to the core and returns its envelope', async () => {
    const { ipc, calls } = setUp();
    const answer = await ipc.invoke(CALL_CHANNEL, invokeEvent(WINDOW, 'app://quire/index.html'), 'codes.list', { limit: 5 });
    expect(answer).toEqual({ ok: true, result: { echoed: 'codes.list' } });
    expect(calls).toEqual([['codes.list', { limit: 5 }]]);
  });

  it('refuses an untrusted sender before anything runs', async () => {
    const { ipc, calls, dialogs } = setUp();
    await expect(ipc.invoke(CALL_CHANNEL, invokeEvent(WINDOW, 'https://example.org/'), 'project.close', {})).rejects.toThrow(/Refused/);
    await expect(ipc.invoke(DIALOG_CHANNEL, invokeEvent(99, 'app://quire/index.html'), 'openProject')).rejects.toThrow(/Refused/);
    expect(calls).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('answers a non-text method name with an invalid_input envelope', async () => {
    const { ipc, calls } = setUp();
    const answer = await ipc.invoke(CALL_CHANNEL, invokeEvent(WINDOW, 'app://quire/index.html'), { toString: 'x' }, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it('opens only the known dialogs', async () => {
    const { ipc, dialogs } = setUp();
    const trusted = invokeEvent(WINDOW, 'app://quire/index.html');
    expect(await ipc.invoke(DIALOG_CHANNEL, trusted, 'saveProject', 'Study')).toBe('/home/researcher/Documents/Study.quire');
    await expect(ipc.invoke(DIALOG_CHANNEL, trusted, 'showItemInFolder', '/etc')).rejects.toThrow(/unknown dialog/);
    expect(dialogs).toEqual([['saveProject', 'Study']]);
  });
});
