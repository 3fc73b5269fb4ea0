// The steps of first-run setup after "create the vault" (later-steps.ts), loaded as their own
// chunk: at once when setup resumes at one of them, otherwise once the first screen is idle, while
// the user types the passphrase (creating the vault then takes seconds of scrypt anyway). Until
// the chunk is there, null; a failed load (a broken installation) says so instead of waiting.
import { useEffect, useState } from 'react';
import type * as laterSteps from './later-steps';

export type LaterSteps = typeof laterSteps;
export type LaterStepsState = LaterSteps | 'loading' | 'failed';

/** Runs the task when the page is idle; returns the cancel. */
function whenIdle(task: () => void): () => void {
  // Chromium has requestIdleCallback; jsdom (the component tests) does not.
  if (typeof window.requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 0);
    return () => {
      clearTimeout(timer);
    };
  }
  const id = requestIdleCallback(task);
  return () => {
    cancelIdleCallback(id);
  };
}

export function useLaterSteps(neededNow: boolean): LaterStepsState {
  const [steps, setSteps] = useState<LaterStepsState>('loading');
  const loading = steps === 'loading';
  useEffect(() => {
    if (!loading) return undefined;
    let current = true;
    const load = () => {
      import('./later-steps').then(
        (module) => {
          if (current) setSteps(module);
        },
        () => {
          if (current) setSteps('failed');
        },
      );
    };
    let cancel: () => void = () => undefined;
    if (neededNow) load();
    else cancel = whenIdle(load);
    return () => {
      current = false;
      cancel();
    };
  }, [neededNow, loading]);
  return steps;
}
