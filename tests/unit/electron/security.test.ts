import { describe, it, expect } from 'vitest';
import { isAppUrl } from '../../../src-main/electron/origin';
import { APP_SCHEME_PRIVILEGES, blockRemoteRequests, denyPermissions, guardContents, isExternalLink } from '../../../src-main/electron/security';
import { FakeContents, FakeEvent, FakeSession } from './fakes';

function guarded(): { contents: FakeContents; external: string[] } {
  const contents = new FakeContents();
  const external: string[] = [];
  guardContents(contents, (url) => external.push(url));
  return { contents, external };
}

describe('the app origin', () => {
  it('is app://quire and nothing that merely looks like it', () => {
    expect(isAppUrl('app://quire/index.html')).toBe(true);
    expect(isAppUrl('app://quire/assets/index-1a2b.js')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://quire.evil/index.html')).toBe(false);
    expect(isAppUrl('app://user@quire/index.html')).toBe(false);
    expect(isAppUrl('https://quire/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('is registered as a standard, secure scheme', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeUndefined();
  });
});

describe('navigation guards', () => {
  it('blocks navigation away from the app, and opens web links in the browser instead', () => {
    const { contents, external } = guarded();
    const away = new FakeEvent('https://example.org/paper');
    contents.emit('will-navigate', away);
    expect(away.prevented).toBe(true);
    expect(external).toEqual(['https://example.org/paper']);

    const file = new FakeEvent('file:///etc/passwd');
    contents.emit('will-navigate', file);
    expect(file.prevented).toBe(true);
    expect(external).toEqual(['https://example.org/paper']);
  });

  it('lets the app navigate within its own origin', () => {
    const { contents, external } = guarded();
    const inside = new FakeEvent('app://quire/index.html');
    contents.emit('will-navigate', inside);
    expect(inside.prevented).toBe(false);
    expect(external).toEqual([]);
  });

  it('blocks redirects off the app origin', () => {
    const { contents } = guarded();
    const redirect = new FakeEvent('http://127.0.0.1:8080/');
    contents.emit('will-redirect', redirect);
    expect(redirect.prevented).toBe(true);
  });

  it('never attaches a webview', () => {
    const { contents } = guarded();
    const attach = new FakeEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.prevented).toBe(true);
  });

  it('denies every new window; only https and mailto links go to the system', () => {
    const { contents, external } = guarded();
    for (const url of ['https://example.org/', 'mailto:team@example.org', 'http://example.org/', 'javascript:alert(1)', 'file:///tmp/x', 'app://quire/index.html']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(external).toEqual(['https://example.org/', 'mailto:team@example.org']);
    expect(isExternalLink('smb://server/share')).toBe(false);
  });
});

describe('the session', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession();
    denyPermissions(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | null = null;
      session.requestHandler?.({}, permission, (answer) => (granted = answer));
      expect(granted).toBe(false);
    }
    expect(session.checkHandler?.()).toBe(false);
    expect(session.deviceHandler?.()).toBe(false);
  });

  it('cancels every request to the network', () => {
    const session = new FakeSession();
    blockRemoteRequests(session);
    expect(session.blocked?.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    let response: { cancel: boolean } | null = null;
    session.blocked?.listener({ url: 'https://fonts.example.org/x.woff2' }, (answer) => (response = answer));
    expect(response).toEqual({ cancel: true });
  });
});
