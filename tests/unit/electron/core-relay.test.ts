import { EventEmitter } from 'node:events';
import { afterEach, describe, it, expect, vi } from 'vitest';
import type { CallResult, CoreEvent } from '../../../src-shared/contract';
import { CoreClient } from '../../../src-main/electron/core-client';
import type { CoreChannel, FromCore, ToCore } from '../../../src-main/electron/core-protocol';
import { serveCore } from '../../../src-main/electron/core-server';
import type { CoreHost } from '../../../src-main/electron/core-server';
import { FakeCoreChannel } from './fakes';

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('main’s core client', () => {
  it('matches replies to calls by id, whatever order they arrive in', async () => {
    const delays: Record<string, number> = { 'slow.method': 30, 'fast.method': 0 };
    const channel = new FakeCoreChannel((method, input) => ({ ok: true, result: { method, input } }), (method) => delays[method] ?? 0);
    const client = new CoreClient(channel);
    const [slow, fast] = await Promise.all([client.call('slow.method', { n: 1 }), client.call('fast.method', { n: 2 })]);
    expect(slow).toEqual({ ok: true, result: { method: 'slow.method', input: { n: 1 } } });
    expect(fast).toEqual({ ok: true, result: { method: 'fast.method', input: { n: 2 } } });
    const ids = channel.sent.map((message) => (message.kind === 'call' ? message.id : -1));
    expect(new Set(ids).size).toBe(2);
  });

  it('passes error envelopes through unchanged', async () => {
    const failure: CallResult<unknown> = { ok: false, error: { code: 'not_found', message: 'The code was not found.' } };
    const client = new CoreClient(new FakeCoreChannel(() => failure));
    expect(await client.call('codes.get', { id: 'x' })).toEqual(failure);
  });

  it('forwards the core’s events to every listener until they unsubscribe', () => {
    const channel = new FakeCoreChannel();
    const client = new CoreClient(channel);
    const seen: CoreEvent[] = [];
    const off = client.on((event) => seen.push(event));
    const event: CoreEvent = { type: 'changed', method: 'codes.create', operationId: 'op-1', tables: ['codes'] };
    channel.push(event);
    off();
    channel.push({ type: 'progress', task: 'import', done: 1, total: 2 });
    expect(seen).toEqual([event]);
  });

  it('ignores malformed messages and replies to nobody', async () => {
    const channel = new FakeCoreChannel(() => null);
    const client = new CoreClient(channel);
    const seen: CoreEvent[] = [];
    client.on((event) => seen.push(event));
    const pending = client.call('project.info', {});
    channel.raw('garbage');
    channel.raw({ kind: 'reply', id: 999, result: { ok: true, result: 1 } });
    channel.raw({ kind: 'event', event: 'not an event' });
    channel.raw({ kind: 'reply', id: 1, result: { ok: true, result: 'answer' } });
    expect(await pending).toEqual({ ok: true, result: 'answer' });
    expect(seen).toEqual([]);
  });

  it('answers pending and later calls with an error when the core dies, and says so once', async () => {
    const exits: number[] = [];
    const channel = new FakeCoreChannel(() => null);
    const client = new CoreClient(channel, { onUnexpectedExit: (code) => exits.push(code) });
    const pending = client.call('codes.list', {});
    channel.exit(134);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'internal', details: { exitCode: 134 } } });
    expect(await client.call('codes.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(client.running).toBe(false);
    expect(exits).toEqual([134]);
  });

  it('turns an input that cannot be sent into an invalid_input envelope', async () => {
    const channel: CoreChannel = {
      send: () => {
        throw new Error('could not be cloned');
      },
      onMessage: () => undefined,
      onExit: () => undefined,
      kill: () => undefined,
    };
    expect(await new CoreClient(channel).call('codes.create', { f: () => 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('shuts the core down cleanly, and kills it if it hangs', async () => {
    const clean = new FakeCoreChannel();
    const exits: number[] = [];
    const client = new CoreClient(clean, { onUnexpectedExit: (code) => exits.push(code) });
    await client.dispose();
    expect(clean.sent.at(-1)).toEqual({ kind: 'dispose' });
    expect(clean.killed).toBe(false);
    expect(exits).toEqual([]);

    const hung: CoreChannel & { killed: boolean } = {
      killed: false,
      send: () => undefined,
      onMessage: () => undefined,
      onExit: () => undefined,
      kill() {
        this.killed = true;
      },
    };
    await new CoreClient(hung, { disposeTimeoutMs: 10 }).dispose();
    expect(hung.killed).toBe(true);
  });
});

class FakeCore implements CoreHost {
  readonly listeners = new Set<(event: CoreEvent) => void>();
  disposed = false;
  constructor(private readonly answer: (method: string, input: unknown) => Promise<CallResult<unknown>>) {}
  call(method: string, input: unknown): Promise<CallResult<unknown>> {
    return this.answer(method, input);
  }
  on(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  dispose(): Promise<void> {
    this.disposed = true;
    return Promise.resolve();
  }
  emit(event: CoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** The core-process end and main's end joined in memory, as over the utility process's port. */
function connect(core: CoreHost): { client: CoreClient; exits: number[]; posted: FromCore[] } {
  let toMain: (message: unknown) => void = () => undefined;
  let toCore: (message: unknown) => void = () => undefined;
  let onExit: (code: number) => void = () => undefined;
  const exits: number[] = [];
  const posted: FromCore[] = [];
  serveCore(
    core,
    {
      postMessage: (message) => {
        posted.push(message);
        // Structured cloning, as the real port does.
        toMain(structuredClone(message));
      },
      onMessage: (listener) => (toCore = listener),
    },
    (code) => {
      exits.push(code);
      onExit(code);
    },
  );
  const channel: CoreChannel = {
    send: (message: ToCore) => setTimeout(() => toCore(structuredClone(message)), 0),
    onMessage: (listener) => (toMain = listener),
    onExit: (listener) => (onExit = listener),
    kill: () => undefined,
  };
  return { client: new CoreClient(channel), exits, posted };
}

describe('the relay between main and the core process', () => {
  it('carries calls to the core and envelopes back, correlated by id', async () => {
    const core = new FakeCore(async (method, input) => {
      if (method === 'slow') await tick(20);
      return { ok: true, result: { method, input } };
    });
    const { client } = connect(core);
    const [slow, fast] = await Promise.all([client.call('slow', 1), client.call('fast', 2)]);
    expect(slow).toEqual({ ok: true, result: { method: 'slow', input: 1 } });
    expect(fast).toEqual({ ok: true, result: { method: 'fast', input: 2 } });
  });

  it('pushes the core’s events to main', () => {
    const core = new FakeCore(() => Promise.resolve({ ok: true, result: null }));
    const { client } = connect(core);
    const seen: CoreEvent[] = [];
    client.on((event) => seen.push(event));
    core.emit({ type: 'progress', task: 'import', done: 3, total: 10 });
    expect(seen).toEqual([{ type: 'progress', task: 'import', done: 3, total: 10 }]);
  });

  it('still answers when a result cannot be cloned', async () => {
    const core = new FakeCore(() => Promise.resolve({ ok: true, result: { callback: () => 1 } }));
    const { client } = connect(core);
    expect(await client.call('odd', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('disposes the core and exits when main asks', async () => {
    const core = new FakeCore(() => Promise.resolve({ ok: true, result: null }));
    const { client, exits } = connect(core);
    await client.dispose();
    expect(core.disposed).toBe(true);
    expect(exits).toEqual([0]);
  });
});

describe('core-process.js', () => {
  afterEach(() => {
    Reflect.deleteProperty(process, 'parentPort');
    vi.restoreAllMocks();
  });

  it('hosts a real Core on the utility process’s parent port', async () => {
    const port = Object.assign(new EventEmitter(), { posted: [] as unknown[], postMessage(message: unknown) {
      this.posted.push(message);
    } });
    Object.defineProperty(process, 'parentPort', { value: port, configurable: true });
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    await import('../../../src-main/electron/core-process');

    port.emit('message', { data: { kind: 'call', id: 1, method: 'app.settings', input: {} }, ports: [] });
    port.emit('message', { data: { kind: 'call', id: 2, method: 'no.such.method', input: {} }, ports: [] });
    await vi.waitFor(() => expect(port.posted).toHaveLength(2));
    expect(port.posted).toContainEqual({ kind: 'reply', id: 1, result: { ok: true, result: expect.objectContaining({ language: expect.any(String), recentProjects: expect.any(Array) }) } });
    expect(port.posted).toContainEqual({ kind: 'reply', id: 2, result: { ok: false, error: expect.objectContaining({ code: 'unknown_method' }) } });

    port.emit('message', { data: { kind: 'dispose' }, ports: [] });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
  });
});
