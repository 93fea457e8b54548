import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../src-renderer/api/bridge';
import { onReconnected, useBridge } from '../../src-renderer/api/client';
import type { CoreEvent } from '../../src-shared/contract';

/**
 * The browser edition's bridge over a fake WebSocket: events reach listeners, a dropped socket
 * reconnects a second later, and a socket that opens after a drop says so, since events pushed
 * meanwhile are lost and views that follow them must ask again.
 */
class FakeSocket {
  static made: FakeSocket[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  open(): void {
    this.onopen?.(new Event('open'));
  }
  push(event: CoreEvent): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(event) }));
  }
  drop(): void {
    this.onclose?.(new CloseEvent('close'));
  }
}

const changed: CoreEvent = { type: 'changed', method: 'codes.create', operationId: 'op', tables: ['codes'] };

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  FakeSocket.made = [];
});

describe('the browser edition’s event bridge', () => {
  it('says it reconnected only when a socket opens after a drop, and events flow on the new one', () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    vi.stubGlobal('WebSocket', FakeSocket);
    const bridge = createBridge();
    const events: CoreEvent[] = [];
    let reconnects = 0;
    let unheard = 0;
    bridge.on((event) => events.push(event));
    bridge.onReconnected!(() => reconnects++);
    bridge.onReconnected!(() => unheard++)();
    expect(FakeSocket.made).toHaveLength(1);
    expect(FakeSocket.made[0]!.url).toMatch(/\/api\/events\?token=/);
    FakeSocket.made[0]!.open();
    FakeSocket.made[0]!.push(changed);
    expect(events).toEqual([changed]);
    expect(reconnects).toBe(0);

    FakeSocket.made[0]!.drop();
    vi.advanceTimersByTime(999);
    expect(FakeSocket.made).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.made).toHaveLength(2);
    // Not yet: the new socket is still connecting, and events sent now would still be lost.
    expect(reconnects).toBe(0);
    FakeSocket.made[1]!.open();
    expect(reconnects).toBe(1);
    FakeSocket.made[1]!.push(changed);
    expect(events).toEqual([changed, changed]);
    expect(unheard).toBe(0);

    // A socket that failed to open and then did: events may have been missed in between too.
    FakeSocket.made[1]!.drop();
    vi.advanceTimersByTime(1000);
    FakeSocket.made[2]!.drop();
    vi.advanceTimersByTime(1000);
    FakeSocket.made[3]!.open();
    expect(reconnects).toBe(2);
  });

  it('lets views listen for a reconnect on the desktop too, where it never comes', () => {
    useBridge({ call: () => Promise.resolve({ ok: true, result: null }), on: () => () => undefined });
    const off = onReconnected(() => {
      throw new Error('never called');
    });
    expect(() => off()).not.toThrow();
  });
});
