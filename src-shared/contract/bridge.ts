import type { CallResult, CoreEvent } from './envelope';

/**
 * What every face hands the renderer: the contract's envelope and the core's events. The desktop
 * preload exposes it as `window.quire`; the browser edition builds it over HTTP and WebSocket.
 */
export interface QuireBridge {
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
  on(listener: (event: CoreEvent) => void): () => void;
  /**
   * Hears that events came through again after a drop, so some may have been missed: views that
   * depend on events ask afresh. Absent where events are never lost (the desktop's IPC).
   */
  onReconnected?(listener: () => void): () => void;
  /** Native file dialogs, where the face has them (the desktop); absent in the browser edition. */
  readonly dialogs?: {
    openProject(): Promise<string | null>;
    saveProject(suggestedName: string): Promise<string | null>;
  };
}
