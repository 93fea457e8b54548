/** Fakes of the Electron facade, recording what the shell does with them. */
import type { BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions } from 'electron';
import type { CallResult, CoreEvent } from '../../../src-shared/contract';
import type { CoreChannel, ToCore } from '../../../src-main/electron/core-protocol';
import type {
  AppLike,
  DialogHost,
  ElectronFacade,
  GuardedContents,
  InvokeEvent,
  IpcMainLike,
  NavigationEvent,
  SessionLike,
  WindowContents,
  WindowLike,
} from '../../../src-main/electron/facade';

export class FakeEvent implements NavigationEvent {
  prevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.prevented = true;
  }
}

type Listener = (...args: never[]) => unknown;

/** Records listeners by event name; `emit` calls them. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

export class FakeContents extends Emitter implements GuardedContents, WindowContents {
  static nextId = 1;
  readonly id = FakeContents.nextId++;
  openHandler: ((details: { readonly url: string }) => { action: 'deny' }) | null = null;
  readonly sent: { channel: string; payload: unknown }[] = [];
  undone = 0;
  redone = 0;
  editableFocused = false;
  destroyed = false;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  undo(): void {
    this.undone++;
  }
  redo(): void {
    this.redone++;
  }
  executeJavaScript(): Promise<unknown> {
    return Promise.resolve(this.editableFocused);
  }
}

export class FakeWindow extends Emitter implements WindowLike {
  readonly webContents = new FakeContents();
  loaded: string | null = null;
  shown = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  once(event: 'ready-to-show', listener: () => void): this {
    return this.on(event, listener);
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isDestroyed(): boolean {
    return false;
  }
}

export class FakeSession implements SessionLike {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: (() => boolean) | null = null;
  deviceHandler: (() => boolean) | null = null;
  blocked: { urls: string[]; listener: (details: { readonly url: string }, callback: (response: { cancel: boolean }) => void) => void } | null = null;
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: () => boolean): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.deviceHandler = handler;
  }
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: (details: { readonly url: string }, callback: (response: { cancel: boolean }) => void) => void): void => {
      this.blocked = { urls: filter.urls, listener };
    },
  };
}

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void {
    this.handlers.set(channel, listener);
  }
  invoke(channel: string, event: InvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  }
}

export function invokeEvent(senderId: number, url: string, parent: object | null = null): InvokeEvent {
  return { sender: { id: senderId }, senderFrame: { url, parent } };
}

/**
 * A core process in memory: answers calls with `answer` (after `delay` ms, so replies can arrive
 * out of order), and lets a test push events or end the process.
 */
export class FakeCoreChannel implements CoreChannel {
  readonly sent: ToCore[] = [];
  killed = false;
  private messageListener: ((message: unknown) => void) | null = null;
  private exitListener: ((code: number) => void) | null = null;
  constructor(
    private readonly answer: (method: string, input: unknown) => CallResult<unknown> | null = () => ({ ok: true, result: null }),
    private readonly delay: (method: string) => number = () => 0,
  ) {}
  send(message: ToCore): void {
    this.sent.push(message);
    if (message.kind === 'dispose') {
      setTimeout(() => this.exit(0), 0);
      return;
    }
    const result = this.answer(message.method, message.input);
    if (result === null) return;
    setTimeout(() => this.messageListener?.({ kind: 'reply', id: message.id, result }), this.delay(message.method));
  }
  onMessage(listener: (message: unknown) => void): void {
    this.messageListener = listener;
  }
  onExit(listener: (code: number) => void): void {
    this.exitListener = listener;
  }
  kill(): void {
    this.killed = true;
  }
  push(event: CoreEvent): void {
    this.messageListener?.({ kind: 'event', event });
  }
  raw(message: unknown): void {
    this.messageListener?.(message);
  }
  exit(code: number): void {
    this.exitListener?.(code);
  }
}

export class FakeDialogs implements DialogHost {
  openAnswer: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] };
  saveAnswer: { canceled: boolean; filePath: string } = { canceled: true, filePath: '' };
  readonly opened: unknown[] = [];
  readonly saved: unknown[] = [];
  readonly messages: unknown[] = [];
  readonly errors: { title: string; content: string }[] = [];
  showOpenDialog(options: unknown): Promise<{ canceled: boolean; filePaths: string[] }> {
    this.opened.push(options);
    return Promise.resolve(this.openAnswer);
  }
  showSaveDialog(options: unknown): Promise<{ canceled: boolean; filePath: string }> {
    this.saved.push(options);
    return Promise.resolve(this.saveAnswer);
  }
  showMessageBox(options: unknown): Promise<unknown> {
    this.messages.push(options);
    return Promise.resolve({ response: 0 });
  }
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  }
}

export class FakeApp extends Emitter implements AppLike {
  readonly isPackaged: boolean = false;
  readonly calls: string[] = [];
  quitCount = 0;
  exitCode: number | null = null;
  private resolveReady: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });
  getVersion(): string {
    return '0.1.0';
  }
  getPath(): string {
    return '/home/researcher/Documents';
  }
  whenReady(): Promise<void> {
    this.calls.push('whenReady');
    return this.ready;
  }
  becomeReady(): void {
    this.calls.push('ready');
    this.resolveReady();
  }
  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  quit(): void {
    this.quitCount++;
  }
  exit(code: number): void {
    this.exitCode = code;
  }
}

export interface FakeElectron extends ElectronFacade {
  readonly app: FakeApp;
  readonly ipcMain: FakeIpcMain;
  readonly dialogs: FakeDialogs;
  readonly session: FakeSession;
  readonly windows: FakeWindow[];
  readonly menus: MenuItemConstructorOptions[][];
  readonly schemes: CustomScheme[];
  readonly protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  readonly forked: string[];
  /** The V8 flags the core's process was started with. */
  readonly v8FlagsOfCore: string[];
  readonly core: FakeCoreChannel;
  readonly external: string[];
  readonly order: string[];
}

export function fakeElectron(core: FakeCoreChannel): FakeElectron {
  const app = new FakeApp();
  const order = app.calls;
  const session = new FakeSession();
  const windows: FakeWindow[] = [];
  const menus: MenuItemConstructorOptions[][] = [];
  const schemes: CustomScheme[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const forked: string[] = [];
  const v8FlagsOfCore: string[] = [];
  const external: string[] = [];
  return {
    app,
    order,
    session,
    windows,
    menus,
    schemes,
    protocolHandlers,
    forked,
    v8FlagsOfCore,
    core,
    external,
    ipcMain: new FakeIpcMain(),
    dialogs: new FakeDialogs(),
    protocol: {
      registerSchemesAsPrivileged: (list) => {
        order.push('registerSchemesAsPrivileged');
        schemes.push(...list);
      },
      handle: (scheme, handler) => {
        protocolHandlers.set(scheme, handler);
      },
    },
    defaultSession: () => session,
    createWindow: (options) => {
      const window = new FakeWindow(options);
      windows.push(window);
      app.emit('web-contents-created', {}, window.webContents);
      return window;
    },
    setApplicationMenu: (template) => {
      menus.push(template);
    },
    forkCore: (modulePath, v8Flags) => {
      forked.push(modulePath);
      v8FlagsOfCore.push(...v8Flags);
      return core;
    },
    openExternal: (url) => {
      external.push(url);
      return Promise.resolve();
    },
  };
}

/** Finds a menu item by id anywhere in a template. */
export function findItem(template: readonly MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined {
  for (const item of template) {
    if (item.id === id) return item;
    if (Array.isArray(item.submenu)) {
      const found = findItem(item.submenu, id);
      if (found) return found;
    }
  }
  return undefined;
}

export function click(item: MenuItemConstructorOptions | undefined): void {
  if (!item?.click) throw new Error('menu item has no click handler');
  (item.click as () => void)();
}
