// electron/main.ts and electron/shell/* against a recording fake of the 'electron' module: the
// start-up order, the window's security settings, and the handlers main installs, each driven
// with hostile input. (The real binary is exercised by tests/e2e/electron-smoke.spec.ts where it
// exists.)
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/serving/content-security-policy';
import { channelNames } from '../../../shared/ipc/channels';
import * as fake from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);
// electron-store imports the real 'electron' (a dependency, outside vi.mock's reach), which has no
// binary here. conf is the store it wraps: the same file format, kept in the fake userData folder.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  const { userDataDir } = await import('./fake-electron');
  return {
    default: class ElectronStoreOnConf<T extends Record<string, unknown>> extends Conf<T> {
      constructor(options: ConstructorParameters<typeof Conf<T>>[0] = {}) {
        super({ ...options, cwd: userDataDir });
      }
    },
  };
});

const processListeners = () => ({
  uncaught: process.listeners('uncaughtException'),
  rejection: process.listeners('unhandledRejection'),
});
let before: ReturnType<typeof processListeners>;

beforeAll(async () => {
  before = processListeners();
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true); // the logger's echo
  await import('../../../electron/main');
  fake.app.becomeReady();
  await vi.waitFor(() => {
    expect(fake.windows).toHaveLength(1);
  });
});

afterAll(() => {
  // main.ts installs process-wide crash handlers; leave the test worker as it was.
  const now = processListeners();
  for (const l of now.uncaught)
    if (!before.uncaught.includes(l)) process.off('uncaughtException', l);
  for (const l of now.rejection)
    if (!before.rejection.includes(l)) process.off('unhandledRejection', l);
  vi.restoreAllMocks();
  rmSync(fake.userDataDir, { recursive: true, force: true });
});

const appSession = () => fake.sessions.get('persist:kpdesk')!;
const window = () => fake.windows[0]!;

describe('start-up order', () => {
  it('locks to one instance, sandboxes and registers app:// before ready, then opens the window', () => {
    const order = (step: string) => fake.calls.indexOf(step);
    expect(order('requestSingleInstanceLock')).toBe(0);
    expect(order('enableSandbox')).toBeLessThan(order('ready'));
    expect(order('registerSchemesAsPrivileged')).toBeLessThan(order('ready'));
    expect(order('ipcMain.handle certificates:validate')).toBeGreaterThan(order('ready'));
    expect(order('new BrowserWindow')).toBeGreaterThan(
      order('ipcMain.handle certificates:validate'),
    );
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('focuses the existing window when a second instance starts', () => {
    fake.app.emit('second-instance');
    expect(window().focused).toBe(true);
  });
});

describe('the main window', () => {
  it('is created with the hardened webPreferences and loads app://kpdesk', () => {
    const { webPreferences, show } = window().options as {
      webPreferences: Record<string, unknown>;
      show: boolean;
    };
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      partition: 'persist:kpdesk',
      devTools: true, // not packaged
      disableBlinkFeatures: 'Auxclick',
    });
    expect(String(webPreferences.preload)).toMatch(/[\\/]preload\.cjs$/);
    expect(show).toBe(false);
    expect(window().loadedUrl).toBe('app://kpdesk/index.html');
    window().emit('ready-to-show');
    expect(window().shown).toBe(true);
  });
});

describe('the app:// protocol', () => {
  const fetchApp = (url: string, init?: RequestInit) =>
    appSession().protocolHandlers.get('app')!(new Request(url, init));

  it('serves the renderer with the CSP, nosniff and the right type', async () => {
    const response = await fetchApp('app://kpdesk/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    expect(await response.text()).toBe(html);
  });

  it.each([
    'app://kpdesk/%2e%2e/package.json',
    'app://kpdesk/..%2fpackage.json',
    'app://kpdesk/%5c..%5cpackage.json',
    'app://kpdesk/index.html%00',
    'app://kpdesk/missing.js',
    'app://other/index.html',
  ])('answers 404 for %s, with the CSP header still set', async (url) => {
    const response = await fetchApp(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers only GET and HEAD', async () => {
    expect((await fetchApp('app://kpdesk/index.html', { method: 'POST', body: 'x' })).status).toBe(
      405,
    );
    const head = await fetchApp('app://kpdesk/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('is installed on the window session only, not the default session', () => {
    expect(fake.defaultSession.protocolHandlers.size).toBe(0);
  });
});

describe('navigation, new windows and webviews', () => {
  const contents = new fake.FakeWebContents();
  beforeAll(() => {
    fake.app.emit('web-contents-created', {}, contents);
  });
  const navigate = (event: string, url: string) => {
    const preventDefault = vi.fn();
    contents.emit(event, { url, preventDefault });
    return preventDefault;
  };

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'cancels %s away from the app and lets in-app navigation through',
    (event) => {
      expect(navigate(event, 'https://evil.example/')).toHaveBeenCalled();
      expect(navigate(event, 'file:///etc/passwd')).toHaveBeenCalled();
      expect(navigate(event, 'app://kpdesk.evil/')).toHaveBeenCalled();
      expect(navigate(event, 'app://kpdesk/index.html')).not.toHaveBeenCalled();
    },
  );

  it('never attaches a webview', () => {
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and opens only allowed links in the OS', async () => {
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://www.kimberleyprocess.com/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://kpdesk/index.html' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(fake.openedExternally).toEqual(['https://www.kimberleyprocess.com/']);
  });
});

describe('permissions', () => {
  it.each([
    ['the window session', () => appSession()],
    ['the default session', () => fake.defaultSession],
  ])('are denied on %s, for requests, checks and devices', (_name, session) => {
    const s = session();
    for (const [permission, url] of [
      ['notifications', 'app://kpdesk/index.html'],
      ['media', 'https://evil.example/'],
      ['clipboard-read', 'app://kpdesk/index.html'],
      ['openExternal', 'app://kpdesk/index.html'],
    ] as const) {
      const callback = vi.fn();
      (s.permissionRequestHandler as unknown as (...a: unknown[]) => void)(
        {},
        permission,
        callback,
        { requestingUrl: url },
      );
      expect(callback).toHaveBeenCalledWith(false);
      expect(
        (s.permissionCheckHandler as unknown as (...a: unknown[]) => boolean)(
          {},
          permission,
          url,
          {},
        ),
      ).toBe(false);
    }
    expect((s.devicePermissionHandler as unknown as (d: unknown) => boolean)({})).toBe(false);
  });
});

describe('IPC', () => {
  it('registers every channel and checks the sender', async () => {
    const getInfo = fake.ipcHandlers.get('app:getInfo')!;
    await expect(
      // As the preload sends it: JSON text (shared/ipc/ipc-payload.ts).
      getInfo({ senderFrame: { url: 'app://kpdesk/index.html' } }, '{}'),
    ).resolves.toMatchObject({ ok: true, value: { runtime: 'electron', version: '0.1.0-test' } });
    await expect(
      getInfo({ senderFrame: { url: 'https://evil.example/' } }, '{}'),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    });
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...channelNames].sort());
  });
});

describe('crash handling', () => {
  it('shows a dialog without a stack for an uncaught exception, once per kind', () => {
    const error = new Error('disk exploded');
    for (const listener of process.listeners('uncaughtException')) {
      if (!before.uncaught.includes(listener)) listener(error, 'uncaughtException');
    }
    for (const listener of process.listeners('uncaughtException')) {
      if (!before.uncaught.includes(listener)) listener(error, 'uncaughtException');
    }
    const boxes = fake.errorBoxes.filter((box) => box.content.includes('disk exploded'));
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.content).toContain('Reference: Error: disk exploded');
    expect(boxes[0]!.content).not.toMatch(/\n\s+at /);
  });

  it('reloads a crashed window a bounded number of times', () => {
    const contents = new fake.FakeWebContents();
    for (let i = 0; i < 5; i += 1) {
      fake.app.emit('render-process-gone', {}, contents, { reason: 'crashed', exitCode: 139 });
    }
    expect(contents.reloads).toBe(3);
    fake.app.emit('render-process-gone', {}, contents, { reason: 'clean-exit', exitCode: 0 });
    expect(fake.errorBoxes.filter((b) => b.title.includes('window stopped'))).toHaveLength(1);
  });
});
