/**
 * Electron's security checklist, applied to every WebContents and to the session: only the app
 * origin is navigable, nothing opens new windows, no permission is granted, nothing remote loads.
 */
import type { CustomScheme } from 'electron';
import type { GuardedContents, SessionLike } from './facade';
import { APP_SCHEME, isAppUrl } from './origin';

/** standard: relative URLs and a real origin; secure: treated like https (no mixed-content downgrades). */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Links to the web open in the user's browser, never inside Quire. */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

export function guardContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  const openOutside = (url: string): void => {
    if (isExternalLink(url)) openExternal(url);
  };
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openOutside(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

export function denyPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** The CSP already forbids remote loads from the page; this stops them for every other requester too. */
export const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

export function blockRemoteRequests(session: SessionLike): void {
  session.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (_details, callback) => callback({ cancel: true }));
}
