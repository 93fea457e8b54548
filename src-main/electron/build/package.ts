/**
 * `npm run dist`: packages the desktop app with electron-builder, from a staging folder that holds
 * only the app — its own package.json, the desktop bundle and the renderer build. electron-builder
 * installs and rebuilds better-sqlite3 for Electron inside that folder; because the folder is its
 * project directory, @electron/rebuild never walks up into the repository's node_modules, whose
 * Node build stays as it was. Extra arguments go to electron-builder (`npm run dist -- --linux`).
 * Needs a connected machine: electron-builder downloads Electron and better-sqlite3's Electron build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { WORKERS } from '../../core/workers';
import { BUILD_DIR, CORE_PROCESS_FILE, DESKTOP_DIR, MAIN_FILE, PRELOAD_FILE, RENDERER_DIR } from '../layout';
import { installedVersion, REPOSITORY_ROOT, writeAppManifest } from './manifest';

const build = path.join(REPOSITORY_ROOT, BUILD_DIR);
const stage = path.join(build, 'stage');
const desktopScripts = [MAIN_FILE, PRELOAD_FILE, CORE_PROCESS_FILE, ...Object.values(WORKERS).map((w) => w.bundle)];

for (const file of [...desktopScripts.map((name) => path.join(build, DESKTOP_DIR, name)), path.join(build, RENDERER_DIR, 'index.html')]) {
  if (!fs.existsSync(file)) {
    console.error(`${path.relative(REPOSITORY_ROOT, file)} is missing: build the renderer and the desktop app first.`);
    process.exit(1);
  }
}

fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(path.join(stage, DESKTOP_DIR), { recursive: true });
for (const name of desktopScripts) fs.copyFileSync(path.join(build, DESKTOP_DIR, name), path.join(stage, DESKTOP_DIR, name));
fs.cpSync(path.join(build, RENDERER_DIR), path.join(stage, RENDERER_DIR), { recursive: true });
writeAppManifest(stage, `${DESKTOP_DIR}/${MAIN_FILE}`);

function withoutNodedir(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { npm_config_nodedir: _lower, NPM_CONFIG_NODEDIR: _upper, ...rest } = env;
  return rest;
}

const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
const result = spawnSync(
  process.execPath,
  [
    cli,
    '--projectDir',
    stage,
    '--config',
    path.join(REPOSITORY_ROOT, 'electron-builder.yml'),
    // The staged app has no electron package to read the version from.
    `-c.electronVersion=${installedVersion('electron')}`,
    ...process.argv.slice(2),
  ],
  // npm hands scripts its nodedir setting (this Node's headers); node-gyp would then compile
  // better-sqlite3 for Node while labelling it for Electron.
  { stdio: 'inherit', env: withoutNodedir(process.env) },
);
process.exit(result.status ?? 1);
