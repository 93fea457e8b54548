import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window. Every security-relevant preference is spelled out, defaults included, so a
 * later Electron default or an edit elsewhere cannot loosen one silently.
 */
export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    title: 'Quire',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show', so the first frame is the app rather than a blank window.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium fetches spell-check dictionaries from Google's servers on Linux and Windows:
      // remote content, and the app works offline.
      spellcheck: false,
    },
  };
}
