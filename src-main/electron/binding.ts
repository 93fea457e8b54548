/** The real Electron, fitted to the facade. The only file of the shell that imports 'electron'. */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, utilityProcess } from 'electron';
import type { ElectronFacade } from './facade';

const parentWindow = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

export const electron: ElectronFacade = {
  app,
  protocol,
  ipcMain,
  defaultSession: () => session.defaultSession,
  createWindow: (options) => new BrowserWindow(options),
  setApplicationMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
  dialogs: {
    showOpenDialog: (options) => {
      const parent = parentWindow();
      return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
    },
    showSaveDialog: (options) => {
      const parent = parentWindow();
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    showMessageBox: (options) => {
      const parent = parentWindow();
      return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
    },
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
  },
  forkCore: (modulePath, v8Flags) => {
    // A utility process takes V8's flags from Chromium's --js-flags switch (Electron's
    // JavascriptEnvironment reads it), not as Node options, which it filters out.
    const execArgv = v8Flags.length > 0 ? [`--js-flags=${v8Flags.join(' ')}`] : [];
    const child = utilityProcess.fork(modulePath, [], { serviceName: 'Quire core', stdio: 'inherit', execArgv });
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', listener),
      kill: () => child.kill(),
    };
  },
  openExternal: (url) => shell.openExternal(url),
};
