/**
 * The slice of Electron the desktop shell uses, as narrow interfaces. The shell's logic is written
 * against these, so unit tests drive it with fakes; `binding.ts` is the one file that hands it the
 * real `electron` module, and tsc checks there that the real objects fit.
 */
import type { BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { CoreChannel } from './core-protocol';

export interface Preventable {
  preventDefault(): void;
}

export interface NavigationEvent extends Preventable {
  readonly url: string;
}

/*
 * Event overloads stay one per event, as in electron.d.ts: a merged signature would match none of
 * Electron's overloads, and binding.ts would no longer type-check.
 */
/* eslint-disable @typescript-eslint/unified-signatures */

/** What the guards need of every WebContents: windows, devtools, anything created later. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

/** What the shell does with its own window's contents. */
export interface WindowContents {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
  undo(): void;
  redo(): void;
  executeJavaScript(code: string): Promise<unknown>;
}

export interface WindowLike {
  readonly webContents: WindowContents;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
  isDestroyed(): boolean;
}

export interface AppLike {
  readonly isPackaged: boolean;
  getVersion(): string;
  getPath(name: 'documents'): string;
  whenReady(): Promise<void>;
  enableSandbox(): void;
  requestSingleInstanceLock(): boolean;
  quit(): void;
  exit(code: number): void;
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: Preventable) => void): unknown;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  readonly webRequest: {
    onBeforeRequest(
      filter: { urls: string[] },
      listener: (details: { readonly url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** The frame and contents an IPC message came from. */
export interface InvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: object | null } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

/** Native dialogs, shown over the focused window when there is one. */
export interface DialogHost {
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath: string }>;
  showMessageBox(options: MessageBoxOptions): Promise<unknown>;
  showErrorBox(title: string, content: string): void;
}

export interface ElectronFacade {
  readonly app: AppLike;
  readonly protocol: ProtocolLike;
  readonly ipcMain: IpcMainLike;
  readonly dialogs: DialogHost;
  defaultSession(): SessionLike;
  createWindow(options: BrowserWindowConstructorOptions): WindowLike;
  setApplicationMenu(template: MenuItemConstructorOptions[]): void;
  /** Starts `modulePath` in a utility process whose V8 starts with `v8Flags`. */
  forkCore(modulePath: string, v8Flags: readonly string[]): CoreChannel;
  openExternal(url: string): Promise<void>;
}
