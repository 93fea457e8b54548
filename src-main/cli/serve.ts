import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startBrowserEdition } from '../server/server';
import type { CommandContext } from './context';
import { UsageError } from './options';

/** The renderer's production build, made by `npm run build:renderer`. */
export const RENDERER_BUILD = path.resolve(import.meta.dirname, '../../dist/renderer');

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    spawn(command, [url], { detached: true, stdio: 'ignore' }).on('error', () => {}).unref();
  } catch {
    // no browser to open here: the printed address is enough
  }
}

/**
 * `quire serve`: the browser edition on the given project, or on the last one, or on the sample
 * project on first run. Runs until interrupted.
 */
export async function serve(ctx: CommandContext): Promise<void> {
  const port = ctx.options.port === undefined ? 0 : Number(ctx.options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a port number (0–65535).');
  if (!fs.existsSync(path.join(RENDERER_BUILD, 'index.html'))) {
    throw new UsageError('the app has not been built yet: run "npm run build:renderer" (or "npm run web") first.');
  }
  const settings = await ctx.client.call('app.settings', {});
  const actor = { name: ctx.options.as ?? settings.actorName ?? ctx.actor };
  const recent = settings.recentProjects.find((p) => fs.existsSync(p.path));
  if (ctx.project) await ctx.client.call('project.open', { path: ctx.project, actor });
  else if (recent) await ctx.client.call('project.open', { path: recent.path, actor });
  else {
    ctx.say('Preparing the sample project (first run)…');
    await ctx.client.call('app.openSample', {});
  }
  const host = ctx.options.host ?? '127.0.0.1';
  const edition = await startBrowserEdition({ core: ctx.core, staticDir: RENDERER_BUILD, port, host });
  if (host !== '127.0.0.1' && host !== 'localhost') {
    ctx.say(`Warning: Quire is shared on ${host}: anyone on this network who is given the address below can read and change the project.`);
  }
  ctx.say(`Quire is running at ${edition.url}`);
  ctx.say('Press Ctrl+C to stop.');
  if (!ctx.options['no-open'] && !process.env.CI) openInBrowser(edition.url);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await edition.close();
}
