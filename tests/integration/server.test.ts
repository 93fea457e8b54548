import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Core } from '../../src-main/core/host';
import { startBrowserEdition } from '../../src-main/server/server';
import type { BrowserEdition } from '../../src-main/server/server';
import { tempFolder } from './support';

let edition: BrowserEdition | null = null;
let core: Core | null = null;

afterEach(async () => {
  await edition?.close();
  await core?.dispose();
  edition = null;
  core = null;
});

async function start(): Promise<{ edition: BrowserEdition; folder: string }> {
  const folder = tempFolder();
  const site = path.join(folder, 'site');
  fs.mkdirSync(path.join(site, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>Quire</title>');
  fs.writeFileSync(path.join(site, 'assets', 'app-1234.js'), 'console.log(1)');
  fs.writeFileSync(path.join(folder, 'secret.txt'), 'do not serve');
  core = new Core();
  edition = await startBrowserEdition({ core, staticDir: site });
  return { edition, folder };
}

interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

function request(edition: BrowserEdition, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: edition.port, path: options.path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${edition.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const callBody = JSON.stringify({ method: 'app.settings', input: {} });
const json = { 'Content-Type': 'application/json' };

describe('the browser edition', () => {
  it('answers contract calls that carry the launch token, with the envelope', async () => {
    const { edition } = await start();
    expect(edition.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${edition.port}/\\?token=[\\w-]{32}$`));
    const reply = await request(edition, { path: '/api/call', method: 'POST', headers: { ...json, Authorization: `Bearer ${edition.token}` }, body: callBody });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, result: { language: expect.any(String) } });
    const failing = await request(edition, {
      path: '/api/call',
      method: 'POST',
      headers: { ...json, Authorization: `Bearer ${edition.token}` },
      body: JSON.stringify({ method: 'codes.list', input: {} }),
    });
    expect(JSON.parse(failing.body)).toEqual({ ok: false, error: { code: 'no_project', message: 'No project is open: open or create one first.' } });
  });

  it('refuses calls without the token or with a wrong one (401)', async () => {
    const { edition } = await start();
    expect((await request(edition, { path: '/api/call', method: 'POST', headers: json, body: callBody })).status).toBe(401);
    expect((await request(edition, { path: '/api/call', method: 'POST', headers: { ...json, Authorization: 'Bearer nope' }, body: callBody })).status).toBe(401);
    expect((await request(edition, { path: `/api/call?token=wrong`, method: 'POST', headers: json, body: callBody })).status).toBe(401);
  });

  it('refuses other web pages and other host names (DNS rebinding), and sends no CORS headers', async () => {
    const { edition } = await start();
    const auth = { ...json, Authorization: `Bearer ${edition.token}` };
    const foreign = await request(edition, { path: '/api/call', method: 'POST', headers: { ...auth, Origin: 'http://evil.example' }, body: callBody });
    expect(foreign.status).toBe(403);
    const rebound = await request(edition, { path: '/api/call', method: 'POST', headers: { ...auth, Host: `evil.example:${edition.port}` }, body: callBody });
    expect(rebound.status).toBe(403);
    const own = await request(edition, { path: '/api/call', method: 'POST', headers: { ...auth, Origin: `http://localhost:${edition.port}` }, body: callBody });
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the app with a strict content security policy and never files outside it', async () => {
    const { edition } = await start();
    const page = await request(edition, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await request(edition, { path: '/assets/app-1234.js' })).headers['cache-control']).toContain('immutable');
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const reply = await request(edition, { path: attempt });
      expect(reply.body).not.toContain('do not serve');
    }
    expect((await request(edition, { path: '/', method: 'DELETE' })).status).toBe(405);
  });

  it('pushes change events over the WebSocket, only with the token', async () => {
    const { edition, folder } = await start();
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${edition.port}/api/events`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(refused).toBe(401);
    const ws = new WebSocket(`ws://127.0.0.1:${edition.port}/api/events?token=${edition.token}`);
    await new Promise((resolve) => ws.on('open', resolve));
    const received = new Promise<unknown>((resolve) =>
      ws.on('message', (data: Buffer) => {
        const event = JSON.parse(data.toString()) as { method?: string };
        if (event.method === 'codes.create') resolve(event);
      }),
    );
    const client = core!.client();
    await client.call('project.create', { path: path.join(folder, 'p.quire'), actor: { name: 'Ирина' } });
    await client.call('codes.create', { name: 'Paternalism' });
    expect(await received).toMatchObject({ type: 'changed', method: 'codes.create', tables: ['codes'] });
    ws.close();
  });

  it('tells every page following a meeting where the presenter is, over the WebSocket', async () => {
    const { edition, folder } = await start();
    const client = core!.client();
    await client.call('project.create', { path: path.join(folder, 'p.quire'), actor: { name: 'Анна Петрова' } });
    const memo = await client.call('memos.create', { targetType: 'project', targetId: null, title: 'Повестка', content: null, text: 'Обсудить' });
    const planned = await client.call('meetings.create', { team: 'Samara', heldAt: '2026-11-16T10:00' });
    const meeting = await client.call('meetings.setAgenda', { meetingId: planned.id, items: [{ kind: 'memo', targetId: memo.id }] });
    // Wrapped: an async function returning the promise itself would wait for it.
    const follower = async (): Promise<{ seen: Promise<unknown[]> }> => {
      const ws = new WebSocket(`ws://127.0.0.1:${edition.port}/api/events?token=${edition.token}`);
      await new Promise((resolve) => ws.on('open', resolve));
      const seen: unknown[] = [];
      return {
        seen: new Promise((resolve) =>
          ws.on('message', (data: Buffer) => {
            const event = JSON.parse(data.toString()) as { type: string; presentation?: unknown };
            if (event.type !== 'presenting') return;
            seen.push(event);
            if (event.presentation === null) {
              ws.close();
              resolve(seen);
            }
          }),
        ),
      };
    };
    const followers = [await follower(), await follower()];
    // The presenter moves through the browser edition's own API, as the page does.
    const presentBody = JSON.stringify({ method: 'meetings.present', input: { meetingId: meeting.id, itemId: meeting.items[0]!.id } });
    const moved = await request(edition, { path: '/api/call', method: 'POST', headers: { ...json, Authorization: `Bearer ${edition.token}` }, body: presentBody });
    expect(JSON.parse(moved.body)).toMatchObject({ ok: true, result: { presenterName: 'Анна Петрова' } });
    await client.call('meetings.endPresentation', { meetingId: meeting.id });
    for (const seen of await Promise.all(followers.map((f) => f.seen))) {
      expect(seen).toEqual([
        { type: 'presenting', meetingId: meeting.id, presentation: expect.objectContaining({ itemId: meeting.items[0]!.id, presenterName: 'Анна Петрова' }) },
        { type: 'presenting', meetingId: meeting.id, presentation: null },
      ]);
    }
  });
});
