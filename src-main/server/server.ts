import http from 'node:http';
import os from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Core } from '../core/host';
import { newToken, OriginPolicy, SECURITY_HEADERS, tokenMatches, tokenOf } from './security';
import { staticFile } from './static';

/** Generous enough for a book-length document sent to documents.create; bounded all the same. */
/** A call carrying the largest importable file (200 MB, base64 in JSON) fits. */
const MAX_BODY_BYTES = 300 * 1024 * 1024;

export interface BrowserEditionOptions {
  readonly core: Core;
  /** The production renderer build (index.html and assets). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** 127.0.0.1 unless sharing on a LAN was asked for explicitly. */
  readonly host?: string;
  readonly token?: string;
}

export interface BrowserEdition {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

const refusal = (message: string): string => JSON.stringify({ ok: false, error: { code: 'forbidden', message } });

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The names colleagues on the LAN may use to reach this machine when it shares on `host`. */
function sharedNames(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host.includes(':') ? `[${host}]` : host];
  const addresses = Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => a !== undefined && !a.internal)
    .map((a) => (a.family === 'IPv6' ? `[${a.address}]` : a.address));
  return [os.hostname().toLowerCase(), ...addresses];
}

/**
 * The browser edition: the renderer build and the contract over HTTP (`POST /api/call`) with
 * events over WebSocket (`/api/events`), on loopback by default, every API request carrying the
 * launch token, Host and Origin checked, no CORS.
 */
export async function startBrowserEdition(options: BrowserEditionOptions): Promise<BrowserEdition> {
  const { core, staticDir } = options;
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  let policy = new OriginPolicy(0);

  const server = http.createServer(async (request, response) => {
    if (!policy.hostAllowed(request)) return send(response, 403, refusal('This address is not how Quire is served here.'));
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      if (!policy.originAllowed(request)) return send(response, 403, refusal('Requests from other web pages are refused.'));
      if (!tokenMatches(token, tokenOf(request))) return send(response, 401, refusal('Open Quire with the address it printed (it contains the access key).'));
      if (url.pathname !== '/api/call' || request.method !== 'POST') return send(response, 404, refusal('No such API.'));
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return send(response, 415, refusal('Calls are JSON.'));
      let call: { method?: unknown; input?: unknown };
      try {
        call = JSON.parse(await readBody(request)) as { method?: unknown; input?: unknown };
      } catch {
        return send(response, 400, refusal('The call could not be read.'));
      }
      const result = await core.call(typeof call.method === 'string' ? call.method : '', call.input);
      return send(response, 200, JSON.stringify(result));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, refusal('Method not allowed.'));
    const file = staticFile(staticDir, url.pathname);
    if (!file) return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.type,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const refuse = (status: string): void => {
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
    };
    if (url.pathname !== '/api/events') return refuse('404 Not Found');
    if (!policy.hostAllowed(request) || !policy.originAllowed(request)) return refuse('403 Forbidden');
    if (!tokenMatches(token, tokenOf(request))) return refuse('401 Unauthorized');
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });
  const unsubscribe = core.on((event) => {
    const message = JSON.stringify(event);
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shared = host !== '127.0.0.1' && host !== 'localhost' && host !== '::1';
  policy = new OriginPolicy(port, shared ? sharedNames(host) : []);
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
