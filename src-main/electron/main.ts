/** Entry of the desktop app's main process (bundled to dist/desktop/main.js). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electron } from './binding';
import { startDesktop } from './desktop';
import { desktopPaths } from './layout';

startDesktop(electron, desktopPaths(path.dirname(fileURLToPath(import.meta.url)))).catch((error: unknown) => {
  console.error('Quire could not start:', error);
  electron.dialogs.showErrorBox('Quire', `Quire could not start: ${error instanceof Error ? error.message : String(error)}`);
  electron.app.exit(1);
});
