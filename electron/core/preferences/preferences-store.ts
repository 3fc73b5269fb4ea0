// Where this computer's preferences are kept: electron-store in main (electron/shell/), `conf`
// (what electron-store wraps) in the preview host and the tests, or memory. The store only holds
// the JSON; preferences-service.ts validates everything that goes in and comes out.
export type PreferencesStore = {
  /** The stored object as it is on disk (unknown: a hand-edited file may hold anything). */
  get: () => unknown;
  /** Replaces the stored object; called only with preferences that passed the schema. */
  set: (value: Record<string, unknown>) => void;
};

/** A store in memory: for a core built without a computer to remember things on. */
export function createMemoryPreferencesStore(initial: unknown = {}): PreferencesStore {
  let value: unknown = initial;
  return {
    get: () => value,
    set: (next) => {
      value = structuredClone(next);
    },
  };
}
