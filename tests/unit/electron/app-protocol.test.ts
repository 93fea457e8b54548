import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../../src-main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/security/csp';

let base: string;
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-app-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><script type="module" src="/assets/index.js"></script>');
  fs.writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log("quire")');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), 'woff2');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'not for the renderer');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  serve = createAppProtocolHandler(root);
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET'): Promise<Response> => serve(new Request(url, { method }));

describe('the app:// protocol', () => {
  it('serves the renderer build with the CSP and the right content types', async () => {
    const page = await get('app://quire/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('/assets/index.js');

    const script = await get('app://quire/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await get('app://quire/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2');
  });

  it('serves index.html for the root and for app routes, 404 for missing assets', async () => {
    expect(await (await get('app://quire/')).text()).toContain('<!doctype html>');
    expect(await (await get('app://quire/project/codes')).text()).toContain('<!doctype html>');
    expect((await get('app://quire/assets/missing.js')).status).toBe(404);
  });

  it('refuses every way out of the build folder', async () => {
    const attempts = [
      'app://quire/../secret.txt',
      'app://quire/assets/../../secret.txt',
      'app://quire/%2e%2e/secret.txt',
      'app://quire/..%2fsecret.txt',
      'app://quire/assets/..%2f..%2fsecret.txt',
      'app://quire/..%5csecret.txt',
      `app://quire/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
      'app://quire/index.html%00.js',
    ];
    for (const url of attempts) {
      const response = await get(url);
      expect(response.status, url).not.toBe(200);
      expect(await response.text(), url).not.toContain('not for the renderer');
    }
  });

  it('does not follow a symbolic link out of the build folder', async () => {
    const response = await get('app://quire/assets/link.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('not for the renderer');
  });

  it('answers only its own host, and only reads', async () => {
    expect((await get('app://evil/index.html')).status).toBe(403);
    expect((await get('app://quire/index.html', 'POST')).status).toBe(405);
    expect(resolveAppPath(root, 'https://quire/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://quire/%E0%A4%A')).toBeNull();
    expect(resolveAppPath(root, 'app://quire/assets/index.js')).toBe(path.join(root, 'assets', 'index.js'));
  });
});
