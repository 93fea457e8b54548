/**
 * Prepares better-sqlite3 for running the desktop app from the source tree: installs a copy into
 * dist/desktop/node_modules and rebuilds it there for Electron's ABI, where core-process.js finds
 * it before the repository's copy. The repository's node_modules — built for Node, used by the
 * CLI, the tests and the browser edition — is never touched: the rebuild's search for modules
 * starts and stops in dist/desktop. Needs a connected machine (it downloads Electron's build of
 * better-sqlite3, or Electron's headers to compile one).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { rebuild } from '@electron/rebuild';
import { BUILD_DIR, DESKTOP_DIR, MAIN_FILE, NATIVE_MARKER_FILE } from '../layout';
import type { NativeMarker } from '../layout';
import { installedVersion, REPOSITORY_ROOT, writeAppManifest } from './manifest';

const desktopDir = path.join(REPOSITORY_ROOT, BUILD_DIR, DESKTOP_DIR);
const electron = installedVersion('electron');
const betterSqlite3 = installedVersion('better-sqlite3');
const markerFile = path.join(desktopDir, NATIVE_MARKER_FILE);

fs.rmSync(markerFile, { force: true });
writeAppManifest(desktopDir, MAIN_FILE);

// Under `npm run`, npm_execpath is npm's own script: run it with this Node rather than through a
// shell, which Windows would need for npm.cmd. Install scripts are skipped: they would build for
// this Node, and the rebuild below builds for Electron.
const npmCli = process.env.npm_execpath;
const [command, prefix] = npmCli ? [process.execPath, [npmCli]] : ['npm', []];
const installed = spawnSync(command, [...prefix, 'install', '--ignore-scripts', '--no-package-lock', '--no-audit', '--no-fund'], {
  cwd: desktopDir,
  stdio: 'inherit',
  shell: !npmCli && process.platform === 'win32',
});
if (installed.status !== 0) {
  console.error('npm could not install better-sqlite3 beside the desktop app.');
  process.exit(1);
}

// npm hands scripts its nodedir setting (this Node's headers), which would make node-gyp compile
// for Node while the result is labelled for Electron.
delete process.env.npm_config_nodedir;
delete process.env.NPM_CONFIG_NODEDIR;

const binding = path.join(desktopDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const { getAbi } = createRequire(import.meta.url)('node-abi') as { getAbi(target: string, runtime: 'electron'): string };
/** A module built for an ABI exports `node_register_module_v<ABI>`: the proof that the build is Electron's. */
const builtForElectron = (): boolean =>
  fs.existsSync(binding) && fs.readFileSync(binding).includes(`node_register_module_v${getAbi(electron, 'electron')}`);

const built = await rebuild({ buildPath: desktopDir, projectRootPath: desktopDir, electronVersion: electron, onlyModules: ['better-sqlite3'], force: true }).then(
  builtForElectron,
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return false;
  },
);
if (!built) {
  console.error(`better-sqlite3 could not be built for Electron ${electron}; the desktop app cannot start until it is.`);
  process.exit(1);
}
const marker: NativeMarker = { electron, betterSqlite3, platform: process.platform, arch: process.arch };
fs.writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
console.log(`better-sqlite3 ${betterSqlite3} is built for Electron ${electron} in ${path.relative(REPOSITORY_ROOT, desktopDir)}/node_modules.`);
