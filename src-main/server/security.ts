import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp';

/** A fresh secret for each launch: only someone given the printed URL can use the project. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token from `Authorization: Bearer …` (HTTP) or `?token=` (WebSocket, which cannot set headers). */
export function tokenOf(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const url = new URL(request.url ?? '/', 'http://localhost');
  return url.searchParams.get('token');
}

/**
 * Host and Origin checks against DNS rebinding: a page on evil.example that resolves its name to
 * 127.0.0.1 sends `Host: evil.example`, and a foreign page sends its own Origin.
 */
export class OriginPolicy {
  private readonly hosts: ReadonlySet<string>;

  constructor(port: number, extraHosts: readonly string[] = []) {
    const names = ['127.0.0.1', 'localhost', '[::1]', ...extraHosts];
    this.hosts = new Set(names.map((name) => `${name}:${port}`));
  }

  hostAllowed(request: IncomingMessage): boolean {
    return this.hosts.has((request.headers.host ?? '').toLowerCase());
  }

  /** Requests without an Origin (curl, the same page's GETs) pass; a present Origin must be ours. */
  originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    try {
      const url = new URL(origin);
      return url.protocol === 'http:' && this.hosts.has(url.host.toLowerCase());
    } catch {
      return false;
    }
  }
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
