// This computer's preferences on disk: electron-store (preferences.json in the app's userData
// folder), never inside the vault. Main alone holds it; the renderer reaches it only through
// preferences:get / preferences:save, whose values the core checks against the zod schema
// (shared/preferences/preferences-schema.ts) before anything is written here.
import Store from 'electron-store';
import type { PreferencesStore } from '../core/preferences/preferences-store';

export function createElectronPreferencesStore(): PreferencesStore {
  const store = new Store<Record<string, unknown>>({
    name: 'preferences',
    // A hand-damaged file is read as defaults by the service instead of stopping the app.
    clearInvalidConfig: true,
  });
  return {
    get: () => store.store,
    set: (value) => {
      store.store = value;
    },
  };
}
