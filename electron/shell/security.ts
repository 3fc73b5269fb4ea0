// Process-wide guards on every web contents and on the app's sessions (docs/security.md):
// - navigation only within app://kpdesk (will-navigate, will-frame-navigate, will-redirect);
// - no <webview> ever (will-attach-webview);
// - window.open / target=_blank never opens a window: allowed links go to the OS browser;
// - every permission request and check is denied unless allowlisted (permission-policy.ts).
// Installed before the first window exists, so no web contents escapes them.
import { app } from 'electron';
import type { Session, WebContents } from 'electron';
import { isAppOrigin } from '../core/security/app-origin';
import { isPermissionAllowed } from '../core/security/permission-policy';
import type { Logger } from './logger';
import { openExternalIfAllowed } from './open-external';

function guardWebContents(contents: WebContents, log: Logger): void {
  contents.on('will-navigate', (event) => {
    if (!isAppOrigin(event.url)) {
      event.preventDefault();
      log.error('blocked navigation away from the app');
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppOrigin(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppOrigin(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.error('blocked an attempt to attach a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url, log);
    return { action: 'deny' };
  });
}

export function installWebContentsGuards(log: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, log);
  });
}

/** Denies every permission not in the (empty) allowlist, for requests and for checks. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  // USB/HID/serial/Bluetooth devices: never.
  session.setDevicePermissionHandler(() => false);
}
