// Runs in the browser before the renderer (the preview host injects it into index.html) and
// gives the page window.kp, the same API the Electron preload gives, over the HTTP bridge.
// The per-run token arrives in the address fragment (#token=…), which browsers never send to a
// server; it is moved to sessionStorage (this tab only, so a reload keeps working) and removed
// from the visible address so it does not end up in screenshots, bookmarks or shared links.
import { buildKpApi } from '../../shared/ipc/api';
import { channelNames } from '../../shared/ipc/channels';
import type { ChannelName } from '../../shared/ipc/channels';

const TOKEN_KEY = 'kp-preview-token';

function takeToken(): string {
  const params = new URLSearchParams(location.hash.slice(1));
  const fromHash = params.get('token');
  if (fromHash !== null && fromHash !== '') {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${location.search}${rest === '' ? '' : `#${rest}`}`,
    );
    return fromHash;
  }
  // Without a token every call is refused with UNAUTHORIZED, which the app shows to the user.
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const unreachable = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message:
      'KP Desk could not reach the preview host. Check that npm run preview is still running.',
  },
} as const;

function isResult(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

function createInvoke(token: string) {
  return async (channel: ChannelName, input: unknown): Promise<unknown> => {
    try {
      const response = await fetch(`/__kp/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-KP-Token': token },
        body: JSON.stringify(input ?? null),
        credentials: 'omit',
        cache: 'no-store',
      });
      // Refusals (401, 413, …) are Results too; anything else is treated as unreachable.
      const body: unknown = await response.json();
      return isResult(body) ? body : unreachable;
    } catch {
      return unreachable;
    }
  };
}

const api = buildKpApi(createInvoke(takeToken()), channelNames);
for (const namespace of Object.values(api)) Object.freeze(namespace);
// Read-only, like contextBridge's exposure in Electron: page code cannot swap the transport.
Object.defineProperty(window, 'kp', {
  value: Object.freeze(api),
  writable: false,
  configurable: false,
  enumerable: true,
});
