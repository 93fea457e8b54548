/**
 * `npm start`: builds what is missing, then the desktop app where Electron can run; otherwise one
 * plain line saying why, and the browser edition instead (on the last project, or the sample).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { canLaunchElectron, launchElectron } from '../electron/launch';
import { main } from '../cli/main';

const root = path.resolve(import.meta.dirname, '../..');

/** The newest modification time of any file below the folders, in milliseconds. */
function newest(folders: readonly string[]): number {
  let latest = 0;
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else latest = Math.max(latest, fs.statSync(full).mtimeMs);
    }
  };
  for (const folder of folders) walk(path.join(root, folder));
  return latest;
}

function built(output: string, sources: readonly string[]): boolean {
  const file = path.join(root, output);
  return fs.existsSync(file) && fs.statSync(file).mtimeMs >= newest(sources);
}

function run(script: string): void {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`"npm run ${script}" failed`);
}

async function start(): Promise<number> {
  if (!built('dist/renderer/index.html', ['src-renderer', 'src-shared'])) {
    console.log('Building the app…');
    run('build:renderer');
  }
  const electron = await canLaunchElectron();
  if (electron.ok) {
    if (!built('dist/desktop/main.js', ['src-main', 'src-shared', 'migrations', 'fixtures'])) run('build:desktop');
    return launchElectron(electron.binary, []);
  }
  console.log(`The desktop app cannot start on this machine (${electron.reason}); opening the browser edition instead.`);
  return main(['serve', ...process.argv.slice(2)]);
}

process.exitCode = await start();
