/**
 * What the preload exposes as `window.quire`: exactly the QuireBridge of src-shared — call, on and
 * the project dialogs — over three fixed channels. The page never sees ipcRenderer or an IPC
 * event, and arguments are checked here because the page can pass anything.
 */
import type { CallResult, CoreEvent, QuireBridge } from '../../src-shared/contract';
import { CALL_CHANNEL, DIALOG_CHANNEL, EVENT_CHANNEL } from './channels';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

export const BRIDGE_KEY = 'quire';
const MAX_METHOD_LENGTH = 200;
const MAX_NAME_LENGTH = 200;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

function isEnvelope(value: unknown): value is CallResult<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'result' in value;
  return value.ok === false && isRecord(value.error) && typeof value.error.code === 'string' && typeof value.error.message === 'string';
}

function isCoreEvent(value: unknown): value is CoreEvent {
  return isRecord(value) && (value.type === 'changed' || value.type === 'progress' || value.type === 'presenting');
}

const failed = (message: string): CallResult<never> => ({ ok: false, error: { code: 'internal', message } });

async function pathOrNull(answer: Promise<unknown>): Promise<string | null> {
  const value = await answer;
  return typeof value === 'string' ? value : null;
}

export function createBridge(ipc: RendererIpc): QuireBridge {
  const listeners = new Set<(event: CoreEvent) => void>();
  ipc.on(EVENT_CHANNEL, (_event, payload) => {
    if (!isCoreEvent(payload)) return;
    for (const listener of [...listeners]) {
      try {
        listener(payload);
      } catch (error) {
        console.error('A Quire event listener failed:', error);
      }
    }
  });

  return Object.freeze({
    async call(method: string, input: unknown): Promise<CallResult<unknown>> {
      if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
        throw new TypeError('quire.call: the method must be a non-empty name.');
      }
      try {
        const answer = await ipc.invoke(CALL_CHANNEL, method, input);
        return isEnvelope(answer) ? answer : failed('Quire’s main process gave an answer it should not have.');
      } catch (error) {
        return failed(`Quire could not pass this request on: ${(error as Error).message}`);
      }
    },
    on(listener: (event: CoreEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('quire.on: the listener must be a function.');
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dialogs: Object.freeze({
      openProject: (): Promise<string | null> => pathOrNull(ipc.invoke(DIALOG_CHANNEL, 'openProject')),
      saveProject: (suggestedName: string): Promise<string | null> => {
        if (typeof suggestedName !== 'string' || suggestedName.length > MAX_NAME_LENGTH) {
          return Promise.reject(new TypeError('quire.dialogs.saveProject: the suggested name must be text.'));
        }
        return pathOrNull(ipc.invoke(DIALOG_CHANNEL, 'saveProject', suggestedName));
      },
    }),
  });
}

export function exposeBridge(contextBridge: ContextBridgeLike, ipc: RendererIpc): void {
  contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipc));
}
