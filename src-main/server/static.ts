import fs from 'node:fs';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
  /** Hashed asset names never change, so they may be cached for good. */
  readonly immutable: boolean;
}

/**
 * A file of the renderer build for a URL path, or null. Paths that would leave the folder are
 * refused; unknown paths fall back to index.html so the app's own routes work on reload.
 */
export function staticFile(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const target = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  if (target !== base && !target.startsWith(`${base}${path.sep}`)) return null;
  const file = fs.existsSync(target) && fs.statSync(target).isFile() ? target : path.join(base, 'index.html');
  if (!fs.existsSync(file)) return null;
  return {
    body: fs.readFileSync(file),
    type: TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    immutable: file.includes(`${path.sep}assets${path.sep}`),
  };
}
