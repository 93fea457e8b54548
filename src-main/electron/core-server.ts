/** The core process's side: runs each call on the one Core and posts the envelope back; pushes events. */
import type { CallResult, CoreEvent } from '../../src-shared/contract';
import { isToCore } from './core-protocol';
import type { FromCore } from './core-protocol';

/** What the server needs of `Core` (src-main/core/host.ts). */
export interface CoreHost {
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
  on(listener: (event: CoreEvent) => void): () => void;
  dispose(): Promise<void>;
}

export interface CorePort {
  postMessage(message: FromCore): void;
  onMessage(listener: (message: unknown) => void): void;
}

function reply(port: CorePort, id: number, result: CallResult<unknown>): void {
  try {
    port.postMessage({ kind: 'reply', id, result });
  } catch (error) {
    // A result that cannot be cloned must still answer its caller, or the call would hang.
    port.postMessage({
      kind: 'reply',
      id,
      result: { ok: false, error: { code: 'internal', message: `Quire’s engine could not send its answer back: ${(error as Error).message}` } },
    });
  }
}

export function serveCore(core: CoreHost, port: CorePort, exit: (code: number) => void): void {
  core.on((event) => port.postMessage({ kind: 'event', event }));
  port.onMessage((message) => {
    if (!isToCore(message)) return;
    if (message.kind === 'dispose') {
      void core.dispose().then(
        () => exit(0),
        (error: unknown) => {
          console.error('Quire’s engine could not close the project cleanly:', error);
          exit(1);
        },
      );
      return;
    }
    void core.call(message.method, message.input).then((result) => reply(port, message.id, result));
  });
}
