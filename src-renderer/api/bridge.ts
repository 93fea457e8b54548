import type { CallResult, CoreEvent, QuireBridge } from '../../src-shared/contract';

declare global {
  interface Window {
    /** Set by the desktop app's preload; absent in the browser edition. */
    readonly quire?: QuireBridge;
  }
}

const TOKEN_KEY = 'quire.token';
/** Bodies below this size are sent with `keepalive` as the page closes (the browser allows 64 KB of them in all). */
const KEEPALIVE_LIMIT = 8_192;

/**
 * The access key of the browser edition arrives once in the address (`?token=`); it is kept for
 * this tab only and removed from the address bar so it is not bookmarked or shared by accident.
 */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The contract over HTTP, and events over a WebSocket that reconnects after a drop. */
function httpBridge(): QuireBridge {
  const token = takeToken();
  const listeners = new Set<(event: CoreEvent) => void>();
  const reconnectedListeners = new Set<() => void>();
  let socket: WebSocket | null = null;
  // A socket opening after one closed (or failed to open) may have missed events meanwhile.
  let dropped = false;
  // Registered before any view's own pagehide listener, so calls those make see it set.
  let closing = false;
  window.addEventListener('pagehide', () => (closing = true));
  window.addEventListener('pageshow', () => (closing = false));
  const connect = (): void => {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${window.location.host}/api/events?token=${encodeURIComponent(token)}`);
    socket.onopen = () => {
      if (!dropped) return;
      dropped = false;
      for (const listener of reconnectedListeners) listener();
    };
    socket.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as CoreEvent;
      for (const listener of listeners) listener(event);
    };
    socket.onclose = () => {
      socket = null;
      dropped = true;
      if (listeners.size > 0) setTimeout(connect, 1000);
    };
  };
  return {
    async call(method, input) {
      let response: Response;
      try {
        const body = JSON.stringify({ method, input });
        response = await fetch('/api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body,
          // A small call made as the page closes (ending a presentation) is still delivered.
          keepalive: closing && body.length < KEEPALIVE_LIMIT,
        });
      } catch {
        return { ok: false, error: { code: 'file_error', message: 'Quire is not reachable: is the Quire window or server still running?' } };
      }
      if (response.status === 401) {
        return { ok: false, error: { code: 'invalid_input', message: 'This page has no valid access key: open Quire with the address it printed.' } };
      }
      return (await response.json()) as CallResult<unknown>;
    },
    on(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => listeners.delete(listener);
    },
    onReconnected(listener) {
      reconnectedListeners.add(listener);
      return () => reconnectedListeners.delete(listener);
    },
  };
}

/** The desktop's preload bridge when there is one, otherwise the browser edition's. */
export function createBridge(): QuireBridge {
  return window.quire ?? httpBridge();
}
