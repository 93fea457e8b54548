/** `npm run build:desktop`: builds main.js, preload.cjs, core-process.js and the core's worker threads into dist/desktop. */
import path from 'node:path';
import { build } from 'esbuild';
import { BUILD_DIR, DESKTOP_DIR, MAIN_FILE } from '../layout';
import { REPOSITORY_ROOT, writeAppManifest } from './manifest';
import { desktopScripts } from './options';

const outDir = path.join(REPOSITORY_ROOT, BUILD_DIR, DESKTOP_DIR);
await Promise.all(Object.values(desktopScripts(outDir)).map((options) => build(options)));
writeAppManifest(outDir, MAIN_FILE);
console.log(`Desktop app built in ${path.relative(REPOSITORY_ROOT, outDir)}/`);
