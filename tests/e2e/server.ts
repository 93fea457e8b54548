// The browser edition for the end-to-end tests: a fresh home folder, the sample project, a fixed
// port and token. Started by Playwright's webServer and stopped by it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../../src-main/core/host';
import { AppSettingsStore } from '../../src-main/core/app-settings';
import { startBrowserEdition } from '../../src-main/server/server';
import { RENDERER_BUILD } from '../../src-main/cli/serve';
import { E2E_PORT, E2E_TOKEN } from './config';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-e2e-'));
const settings = new AppSettingsStore(home);
settings.update({ language: 'en', actorName: 'Ирина Соколова' });
const core = new Core({ settings });
await core.client().call('app.openSample', {});
const edition = await startBrowserEdition({ core, staticDir: RENDERER_BUILD, port: E2E_PORT, token: E2E_TOKEN });
console.log(`e2e browser edition at ${edition.url}`);

const stop = async (): Promise<void> => {
  await edition.close();
  await core.dispose();
  fs.rmSync(home, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
