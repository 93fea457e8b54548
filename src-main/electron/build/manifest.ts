/**
 * The package.json of the desktop app itself — not the repository's. It names the entry, gives
 * Electron the app's name and version, and lists the one dependency left outside the bundles:
 * better-sqlite3, whose native part must be built for Electron's ABI.
 */
import fs from 'node:fs';
import path from 'node:path';

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** The version actually installed in the repository's node_modules. */
export function installedVersion(name: string): string {
  const { version } = readJson(path.join(REPOSITORY_ROOT, 'node_modules', name, 'package.json'));
  if (typeof version !== 'string') throw new Error(`${name} is not installed: run npm install first.`);
  return version;
}

export function writeAppManifest(folder: string, main: string): void {
  const repository = readJson(path.join(REPOSITORY_ROOT, 'package.json'));
  const sqlite = installedVersion('better-sqlite3');
  const manifest = {
    name: 'quire',
    productName: 'Quire',
    version: repository.version,
    description: repository.description,
    license: repository.license,
    author: 'Quire contributors',
    private: true,
    type: 'module',
    main,
    dependencies: { 'better-sqlite3': sqlite },
    allowScripts: { 'better-sqlite3': true },
  };
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
