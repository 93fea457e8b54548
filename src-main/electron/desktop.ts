/**
 * The desktop app's lifecycle: hardening before anything loads, the core in its utility process,
 * one window on app://quire, the menu, the IPC relay, and a clean shutdown of the core on quit.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CoreEvent, MethodName } from '../../src-shared/contract';
import { menuActions, openInitialProject } from './actions';
import { createAppProtocolHandler } from './app-protocol';
import { EVENT_CHANNEL } from './channels';
import { callCore } from './core-caller';
import { CoreClient } from './core-client';
import { projectDialogs } from './dialogs';
import type { ElectronFacade, WindowLike } from './facade';
import { isTrustedSender, registerIpc } from './ipc';
import { LABELS } from './labels';
import type { Language } from './labels';
import type { DesktopPaths } from './layout';
import { menuTemplate } from './menu';
import type { MenuState } from './menu';
import { APP_ENTRY_URL, APP_SCHEME } from './origin';
import { APP_SCHEME_PRIVILEGES, blockRemoteRequests, denyPermissions, guardContents } from './security';
import { windowOptions } from './window';
import { CORE_V8_FLAGS } from '../core/heap';

/** Session methods after which the menu (language, recent projects) may be out of date. */
const MENU_AFFECTING = new Set<string>(['project.open', 'project.create', 'project.close', 'app.openSample', 'app.updateSettings']);

export async function startDesktop(electron: ElectronFacade, paths: DesktopPaths, platform: NodeJS.Platform = process.platform): Promise<void> {
  const { app } = electron;
  // The scheme's privileges and the sandbox switch take effect only before 'ready'.
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('web-contents-created', (_event, contents) => guardContents(contents, (url) => void electron.openExternal(url)));
  await app.whenReady();

  if (!fs.existsSync(path.join(paths.rendererRoot, 'index.html'))) {
    electron.dialogs.showErrorBox('Quire', `The app's interface has not been built (${paths.rendererRoot} is missing). Build it first, then start Quire again.`);
    app.exit(1);
    return;
  }
  const session = electron.defaultSession();
  denyPermissions(session);
  blockRemoteRequests(session);
  electron.protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererRoot));

  const state: { menu: MenuState; window: WindowLike | null } = {
    menu: { language: 'en', recentProjects: [], dev: !app.isPackaged, mac: platform === 'darwin' },
    window: null,
  };
  const labels = () => LABELS[state.menu.language];
  const core = new CoreClient(electron.forkCore(paths.coreProcess, CORE_V8_FLAGS), {
    onUnexpectedExit: (code) => electron.dialogs.showErrorBox(labels().errorTitle, `Quire’s engine stopped unexpectedly (exit code ${code}). Restart Quire: every change made so far is saved in the project file.`),
  });
  const contents = () => (state.window && !state.window.isDestroyed() && !state.window.webContents.isDestroyed() ? state.window.webContents : null);
  const send = (event: CoreEvent): void => contents()?.send(EVENT_CHANNEL, event);
  core.on(send);

  const dialogs = projectDialogs(electron.dialogs, () => state.menu.language, () => app.getPath('documents'));
  const actions = menuActions({
    core,
    dialogs,
    contents,
    sessionChanged: (method: MethodName) => {
      void refreshMenu();
      // The renderer did not make this call; tell it the project or settings changed under it.
      send({ type: 'changed', method, operationId: null, tables: [] });
    },
    showError: (message) => void electron.dialogs.showMessageBox({ type: 'error', title: labels().errorTitle, message }),
    about: () =>
      void electron.dialogs.showMessageBox({
        type: 'info',
        title: labels().about,
        message: `Quire ${app.getVersion()}`,
        detail: `${labels().aboutDetail}\n\nElectron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
      }),
    untitledName: () => labels().untitled,
  });
  async function refreshMenu(): Promise<void> {
    const settings = await callCore(core, 'app.settings', {});
    if (settings.ok) {
      const language: Language = settings.result.language;
      state.menu = { ...state.menu, language, recentProjects: settings.result.recentProjects };
    }
    electron.setApplicationMenu(menuTemplate(state.menu, actions));
  }

  registerIpc(electron.ipcMain, (event) => isTrustedSender(event, contents()?.id ?? null), {
    call: async (method, input) => {
      const result = await core.call(method, input);
      if (result.ok && MENU_AFFECTING.has(method)) void refreshMenu();
      return result;
    },
    dialog: (kind, argument) => {
      if (kind === 'openProject') return dialogs.openProject();
      if (typeof argument !== 'string') throw new TypeError('Refused: the suggested project name must be text.');
      return dialogs.saveProject(argument);
    },
  });

  app.on('second-instance', () => {
    if (!state.window || state.window.isDestroyed()) return;
    if (state.window.isMinimized()) state.window.restore();
    state.window.focus();
  });
  // One window, bound to one core and one open project: closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!core.running) return;
    event.preventDefault();
    void core.dispose().finally(() => app.quit());
  });

  // Queued on the core before the page can make its first call; announced when done, in case the
  // page asked what was open while the project was still opening.
  const opening = openInitialProject(core).then((method) => {
    if (method) send({ type: 'changed', method, operationId: null, tables: [] });
    return refreshMenu();
  });
  const menuReady = refreshMenu();
  const window = electron.createWindow(windowOptions(paths.preload));
  state.window = window;
  window.once('ready-to-show', () => window.show());
  await Promise.all([menuReady, window.loadURL(APP_ENTRY_URL), opening]);
}
