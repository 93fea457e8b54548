/**
 * The messages between main and the core's utility process. Main numbers every call so replies,
 * which the core sends as each call finishes, find their caller; events travel unnumbered.
 */
import type { CallResult, CoreEvent } from '../../src-shared/contract';

export type ToCore =
  | { readonly kind: 'call'; readonly id: number; readonly method: string; readonly input: unknown }
  /** Close the project cleanly, then exit. */
  | { readonly kind: 'dispose' };

export type FromCore =
  | { readonly kind: 'reply'; readonly id: number; readonly result: CallResult<unknown> }
  | { readonly kind: 'event'; readonly event: CoreEvent };

/** Main's end of the core process. */
export interface CoreChannel {
  send(message: ToCore): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

export function isToCore(value: unknown): value is ToCore {
  if (!isRecord(value)) return false;
  if (value.kind === 'dispose') return true;
  return value.kind === 'call' && Number.isSafeInteger(value.id) && typeof value.method === 'string';
}

export function isFromCore(value: unknown): value is FromCore {
  if (!isRecord(value)) return false;
  if (value.kind === 'event') return isRecord(value.event) && typeof value.event.type === 'string';
  return value.kind === 'reply' && Number.isSafeInteger(value.id) && isRecord(value.result) && typeof value.result.ok === 'boolean';
}
