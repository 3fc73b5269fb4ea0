// A stand-in for the 'electron' module (the binary is not installed here) that records what the
// main process asks of it, so tests can drive electron/main.ts and check the wiring: the order
// of start-up steps, the window's webPreferences, and the handlers it installs.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (...args: never[]) => unknown;

export class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      this.protocolHandlers.set(scheme, handler);
    },
  };
  setPermissionRequestHandler(handler: Listener | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener | null): void {
    this.devicePermissionHandler = handler;
  }
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  reloads = 0;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return false;
  }
  reload(): void {
    this.reloads += 1;
  }
}

/** Everything the fake saw, in order. */
export const calls: string[] = [];
export const windows: FakeBrowserWindow[] = [];
export const errorBoxes: { title: string; content: string }[] = [];
export const openedExternally: string[] = [];
export const ipcHandlers = new Map<
  string,
  (event: unknown, payload: unknown) => Promise<unknown>
>();
export const privilegedSchemes: unknown[] = [];
export const sessions = new Map<string, FakeSession>();
export const defaultSession = new FakeSession();

/** Where app.getPath() points; the test removes it. */
export const userDataDir = mkdtempSync(join(tmpdir(), 'kpdesk-fake-electron-'));

let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  markReady = resolve;
});

class FakeApp extends EventEmitter {
  isPackaged = false;
  requestSingleInstanceLock(): boolean {
    calls.push('requestSingleInstanceLock');
    return true;
  }
  enableSandbox(): void {
    calls.push('enableSandbox');
  }
  whenReady(): Promise<void> {
    return ready;
  }
  /** Test control: Electron's 'ready'. */
  becomeReady(): void {
    calls.push('ready');
    markReady();
  }
  getVersion(): string {
    return '0.1.0-test';
  }
  getPath(name: string): string {
    return join(userDataDir, name);
  }
  quit(): void {
    calls.push('quit');
  }
  exit(code: number): void {
    calls.push(`exit ${code}`);
  }
}

export const app = new FakeApp();

export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows(): FakeBrowserWindow[] {
    return windows;
  }
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = false;
  focused = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    calls.push('new BrowserWindow');
    windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {
    calls.push('restore');
  }
}

export const electron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  dialog: {
    showErrorBox: (title: string, content: string) => {
      errorBoxes.push({ title, content });
    },
  },
  ipcMain: {
    handle: (channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) => {
      calls.push(`ipcMain.handle ${channel}`);
      ipcHandlers.set(channel, listener);
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      calls.push('registerSchemesAsPrivileged');
      privilegedSchemes.push(...schemes);
    },
  },
  session: {
    defaultSession,
    fromPartition: (partition: string) => {
      const existing = sessions.get(partition);
      if (existing !== undefined) return existing;
      const created = new FakeSession();
      sessions.set(partition, created);
      return created;
    },
  },
  shell: {
    openExternal: (url: string) => {
      openedExternally.push(url);
      return Promise.resolve();
    },
  },
};
