// The app's own origin. The renderer is served only from app://kpdesk (electron/shell/
// app-protocol.ts), so "is this our page?" is one exact comparison, used for IPC senders
// (electron/ipc/handle.ts), navigation (electron/shell/security.ts) and permission requests.
export const APP_SCHEME = 'app';
export const APP_HOST = 'kpdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for URLs on exactly app://kpdesk: no other scheme, host, port or user info. A
 * prefix test would accept "app://kpdesk.evil" or "app://kpdesk@evil", so the URL is parsed.
 */
export function isAppOrigin(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
