// The renderer's only door to the rest of KP Desk: window.kp, built by the Electron preload or by
// the preview host's bridge client from the same contract (shared/ipc/api.ts). The renderer never
// assumes it exists: a page opened outside KP Desk gets a clear error screen instead of a crash.
import type { KpApi } from '../../shared/ipc/api';

declare global {
  // Declaration merging with the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    kp?: KpApi;
  }
}

export function getKpApi(): KpApi | undefined {
  return window.kp;
}
