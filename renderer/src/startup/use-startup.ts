// Loads what the form needs before it can check anything: the validation settings (so the live
// check in the renderer applies the same limits as main) and the app's identity for the header.
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import { transportFailure } from '../failure';

export type AppInfo = ChannelOutput<'app:getInfo'>;

export type StartupState =
  | { status: 'loading' }
  | { status: 'failed'; error: AppError }
  | { status: 'ready'; settings: ValidationSettings; info: AppInfo };

async function loadStartup(api: KpApi): Promise<StartupState> {
  const [settings, info] = await Promise.all([api.settings.get({}), api.app.getInfo({})]);
  if (!settings.ok) return { status: 'failed', error: settings.error };
  if (!info.ok) return { status: 'failed', error: info.error };
  return { status: 'ready', settings: settings.value.validation, info: info.value };
}

export function useStartup(api: KpApi): { state: StartupState; retry: () => void } {
  const [state, setState] = useState<StartupState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    loadStartup(api).then(
      (next) => {
        if (current) setState(next);
      },
      () => {
        if (current) setState({ status: 'failed', error: transportFailure });
      },
    );
    return () => {
      current = false;
    };
  }, [api, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, retry };
}
