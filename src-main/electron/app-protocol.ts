/**
 * Serves the renderer build on app://quire/. Only files under the build folder are served, after
 * resolving `..`, encoded separators and symbolic links; every response carries the CSP.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp';
import { isAppUrl } from './origin';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

const isInside = (root: string, candidate: string): boolean => candidate === root || candidate.startsWith(root + path.sep);

/** The file an app:// URL names under `root`, or null when the URL is foreign or leaves the folder. */
export function resolveAppPath(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname.replace(/^[/\\]+/, '') || 'index.html';
  const resolved = path.resolve(root, relative);
  return isInside(root, resolved) ? resolved : null;
}

function respond(status: number, body: Uint8Array | string, contentType: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}

const plain = (status: number, text: string): Response => respond(status, text, 'text/plain; charset=utf-8');

async function readServable(realRoot: string, file: string): Promise<Uint8Array | null> {
  try {
    const real = await fs.realpath(file);
    if (!isInside(realRoot, real)) return null;
    if (!(await fs.stat(real)).isFile()) return null;
    return new Uint8Array(await fs.readFile(real));
  } catch {
    return null;
  }
}

export function createAppProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererRoot);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppPath(root, request.url);
    if (file === null) return plain(403, 'Forbidden');
    const realRoot = await fs.realpath(root).catch(() => root);
    const body = await readServable(realRoot, file);
    if (body !== null) return respond(200, body, CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    // A path without an extension is a route inside the single-page app, not a missing asset.
    if (path.extname(file) === '') {
      const index = await readServable(realRoot, path.join(root, 'index.html'));
      if (index !== null) return respond(200, index, CONTENT_TYPES['.html']!);
    }
    return plain(404, 'Not found');
  };
}
