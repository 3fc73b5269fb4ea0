// The one window factory. webPreferences are written inline in `new BrowserWindow({...})` on
// purpose: electronegativity only recognises them there (a separate const makes it report
// CONTEXT_ISOLATION_JS_CHECK and SANDBOX_JS_CHECK). Each setting is explained in docs/security.md.
import type { Rectangle } from 'electron';
import { app, BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../core/security/app-origin';
import type { Logger } from './logger';

/** The session partition of the app's page; app-protocol.ts and security.ts harden it. */
export const APP_PARTITION = 'persist:kpdesk';

export type MainWindowOptions = {
  preloadPath: string;
  log: Logger;
  /** Where the window was left on this computer (remember-window-bounds.ts); centred if none. */
  bounds?: Rectangle | undefined;
  maximized?: boolean;
};

export function createMainWindow({
  preloadPath,
  log,
  bounds,
  maximized = false,
}: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'KP Desk',
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 860,
    ...(bounds === undefined ? {} : { x: bounds.x, y: bounds.y }),
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      preload: preloadPath,
      partition: APP_PARTITION,
      devTools: !app.isPackaged,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // Shown only once painted, so the user never sees a blank white frame.
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    log.error('the app window could not load its page', error);
  });
  return window;
}
