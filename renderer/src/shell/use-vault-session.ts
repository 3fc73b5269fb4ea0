// The shell's view of the vault: the app's identity (header), the vault status that decides which
// screen shows (first run, unlock, sign-in, the signed-in frame), and the message to show when a
// call found the session gone (auto-lock). window.kp is wrapped once here (session-watch.ts).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { callApi } from './call-api';
import { watchSession } from './session-watch';
import type { SessionLoss } from './session-watch';

export type AppInfo = ChannelOutput<'app:getInfo'>;

export type SessionState =
  | { phase: 'loading' }
  | { phase: 'failed'; error: AppError }
  | { phase: 'ready'; info: AppInfo; status: VaultStatus };

export type VaultSession = {
  state: SessionState;
  /** window.kp, watched for VAULT_LOCKED / AUTH_FAILED answers. */
  api: KpApi;
  /** Set when a call found the vault locked or the session gone; shown on unlock/sign-in. */
  loss: SessionLoss | null;
  /** A screen's call answered with a new status (unlock, sign-in, lock...). */
  setStatus: (status: VaultStatus) => void;
  clearLoss: () => void;
  retry: () => void;
};

/** The two start-up calls whose answers decide the first screen. */
export async function askStartup(rawApi: KpApi): Promise<SessionState> {
  const [info, status] = await Promise.all([
    callApi(() => rawApi.app.getInfo({})),
    callApi(() => rawApi.vault.status({})),
  ]);
  if (!info.ok) return { phase: 'failed', error: info.error };
  if (!status.ok) return { phase: 'failed', error: status.error };
  return { phase: 'ready', info: info.value, status: status.value };
}

/**
 * `early` is askStartup already under way (main.tsx asks before React renders, so the first screen
 * does not wait for a render to begin); it answers the first attempt, a retry asks again.
 */
export function useVaultSession(rawApi: KpApi, early?: Promise<SessionState>): VaultSession {
  const [state, setState] = useState<SessionState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loss, setLoss] = useState<SessionLoss | null>(null);

  const onLoss = useCallback(
    (next: SessionLoss) => {
      setLoss(next);
      // Ask main where things stand: locked, or open without a user.
      void callApi(() => rawApi.vault.status({})).then((answer) => {
        if (answer.ok)
          setState((current) =>
            current.phase === 'ready' ? { ...current, status: answer.value } : current,
          );
      });
    },
    [rawApi],
  );
  const api = useMemo(() => watchSession(rawApi, onLoss), [rawApi, onLoss]);

  useEffect(() => {
    let current = true;
    void (attempt === 0 && early !== undefined ? early : askStartup(rawApi)).then((next) => {
      if (current) setState(next);
    });
    return () => {
      current = false;
    };
  }, [rawApi, early, attempt]);

  const setStatus = useCallback((status: VaultStatus) => {
    setState((current) => (current.phase === 'ready' ? { ...current, status } : current));
  }, []);
  const clearLoss = useCallback(() => {
    setLoss(null);
  }, []);
  const retry = useCallback(() => {
    setState({ phase: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, api, loss, setStatus, clearLoss, retry };
}
