// This computer's preferences for the preview host and the tests: `conf`, the store electron-store
// wraps (electron-store itself cannot load without the Electron binary), in a folder of our
// choosing (`cwd`), e.g. <dataDir>/preferences beside the preview's vault. Same file format and
// behaviour as electron/shell/electron-preferences-store.ts.
import Conf from 'conf';
import type { PreferencesStore } from '../electron/core/preferences/preferences-store';

export function createConfPreferencesStore(cwd: string): PreferencesStore & { path: string } {
  const store = new Conf<Record<string, unknown>>({
    cwd,
    configName: 'preferences',
    projectName: 'kpdesk',
    clearInvalidConfig: true,
  });
  return {
    path: store.path,
    get: () => store.store,
    set: (value) => {
      store.store = value;
    },
  };
}
