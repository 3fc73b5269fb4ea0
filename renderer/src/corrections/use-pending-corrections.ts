// Loads the pending correction requests; `reloadKey` reloads them (the navigation passes the
// route, so the badge is fresh after a decision on a certificate page).
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';
import type { PendingCorrection } from './pending-corrections';

export type PendingState =
  | { status: 'loading' }
  | { status: 'failed'; error: AppError }
  | { status: 'loaded'; requests: PendingCorrection[] };

export function usePendingCorrections(
  api: Pick<KpApi, 'editRequests'>,
  reloadKey: unknown,
): PendingState {
  const [state, setState] = useState<PendingState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void callApi(() => api.editRequests.list({ status: 'pending' })).then((answer) => {
      if (!current) return;
      setState(
        answer.ok
          ? { status: 'loaded', requests: answer.value }
          : { status: 'failed', error: answer.error },
      );
    });
    return () => {
      current = false;
    };
  }, [api, reloadKey]);
  return state;
}
