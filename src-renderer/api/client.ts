import { QuireError } from '../../src-shared/contract';
import type { CoreEvent, InputOf, MethodName, QuireBridge, ResultOf } from '../../src-shared/contract';
import { createBridge } from './bridge';

let bridge: QuireBridge | null = null;

function current(): QuireBridge {
  bridge ??= createBridge();
  return bridge;
}

/** For tests: talk to a bridge other than the page's own. */
export function useBridge(custom: QuireBridge): void {
  bridge = custom;
}

/**
 * Calls the core through whichever face hosts this renderer. Errors come back as QuireError with
 * a message fit to show the user.
 *
 * @example
 * const codes = await call('codes.list', {});
 */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> {
  const result = await current().call(method, input);
  if (!result.ok) throw QuireError.fromPayload(result.error);
  return result.result as ResultOf<M>;
}

export function onCoreEvent(listener: (event: CoreEvent) => void): () => void {
  return current().on(listener);
}

/**
 * Hears that core events flow again after the browser edition's socket dropped: events may have
 * been missed, so what a view keeps up to date by events it should ask again. Never fires on the
 * desktop, whose events are not lost.
 */
export function onReconnected(listener: () => void): () => void {
  return current().onReconnected?.(listener) ?? (() => undefined);
}

export function dialogs(): QuireBridge['dialogs'] {
  return current().dialogs;
}
