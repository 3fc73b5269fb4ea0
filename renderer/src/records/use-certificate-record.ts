// One certificate as the vault holds it (certificates:get), reloaded on demand and replaced by the
// record an action answers with, so the page always shows what is stored.
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { CertificateRecordSchema } from '../../../shared/records/record-outputs';
import { callApi } from '../shell/call-api';

export type CertificateRecord = z.output<typeof CertificateRecordSchema>;

export type RecordState =
  | { status: 'loading' }
  | { status: 'failed'; error: AppError }
  | { status: 'loaded'; record: CertificateRecord };

export function useCertificateRecord(api: KpApi, id: number) {
  const [state, setState] = useState<{ id: number; value: RecordState }>({
    id,
    value: { status: 'loading' },
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void callApi(() => api.certificates.get({ id })).then((result) => {
      if (!current) return;
      setState({
        id,
        value: result.ok
          ? { status: 'loaded', record: result.value }
          : { status: 'failed', error: result.error },
      });
    });
    return () => {
      current = false;
    };
  }, [api, id, attempt]);

  const replace = useCallback(
    (record: CertificateRecord) => {
      setState({ id, value: { status: 'loaded', record } });
    },
    [id],
  );
  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);

  return {
    state: state.id === id ? state.value : ({ status: 'loading' } as RecordState),
    replace,
    reload,
  };
}
