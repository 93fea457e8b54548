/**
 * Main's side of the core process: numbers each call, matches the core's replies to their
 * callers, fans the core's events out, and answers every call even when the core has died.
 */
import type { CallResult, CoreEvent } from '../../src-shared/contract';
import { isFromCore } from './core-protocol';
import type { CoreChannel } from './core-protocol';

export interface CoreClientOptions {
  /** Called when the core process ends without having been asked to. */
  readonly onUnexpectedExit?: (code: number) => void;
  /** How long a clean shutdown may take before the process is killed. */
  readonly disposeTimeoutMs?: number;
}

function stopped(code: number): CallResult<never> {
  return {
    ok: false,
    error: {
      code: 'internal',
      message: 'Quire’s engine has stopped. Restart Quire: every change made so far is saved in the project file.',
      details: { exitCode: code },
    },
  };
}

export class CoreClient {
  private nextId = 1;
  private readonly pending = new Map<number, (result: CallResult<unknown>) => void>();
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  private exitCode: number | null = null;
  private disposing = false;
  private readonly exited: Promise<number>;

  constructor(
    private readonly channel: CoreChannel,
    private readonly options: CoreClientOptions = {},
  ) {
    channel.onMessage((message) => this.receive(message));
    this.exited = new Promise((resolve) => {
      channel.onExit((code) => {
        this.stop(code);
        resolve(code);
      });
    });
  }

  get running(): boolean {
    return this.exitCode === null;
  }

  /** Like `Core.call`: never rejects, always answers with the envelope. */
  call(method: string, input: unknown): Promise<CallResult<unknown>> {
    if (this.exitCode !== null) return Promise.resolve(stopped(this.exitCode));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        this.channel.send({ kind: 'call', id, method, input });
      } catch (error) {
        // postMessage refuses values it cannot clone (functions, class instances with hidden state).
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'invalid_input', message: `This request cannot be passed to Quire’s engine: ${(error as Error).message}` } });
      }
    });
  }

  on(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Asks the core to close the project and exit; kills it if it has not within the timeout. */
  async dispose(): Promise<void> {
    if (this.exitCode !== null) return;
    this.disposing = true;
    this.channel.send({ kind: 'dispose' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.disposeTimeoutMs ?? 5000);
    });
    const outcome = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.channel.kill();
  }

  private receive(message: unknown): void {
    if (!isFromCore(message)) return;
    if (message.kind === 'event') {
      for (const listener of [...this.listeners]) listener(message.event);
      return;
    }
    const resolve = this.pending.get(message.id);
    if (!resolve) return;
    this.pending.delete(message.id);
    resolve(message.result);
  }

  private stop(code: number): void {
    this.exitCode = code;
    for (const resolve of this.pending.values()) resolve(stopped(code));
    this.pending.clear();
    if (!this.disposing) this.options.onUnexpectedExit?.(code);
  }
}
