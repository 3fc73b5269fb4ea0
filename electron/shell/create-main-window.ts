// The one window factory. webPreferences are written inline in `new BrowserWindow({...})` on
// purpose: electronegativity only recognises them there (a separate const makes it report
// CONTEXT_ISOLATION_JS_CHECK and SANDBOX_JS_CHECK). Each setting is explained in docs/security.md.
import { app, BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../core/security/app-origin';
import type { Logger } from './logger';

/** The session partition of the app's page; app-protocol.ts and security.ts harden it. */
export const APP_PARTITION = 'persist:kpdesk';

export type MainWindowOptions = {
  preloadPath: string;
  log: Logger;
};

export function createMainWindow({ preloadPath, log }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'KP Desk',
    width: 1280,
    height: 860,
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
    window.show();
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    log.error('the app window could not load its page', error);
  });
  return window;
}
