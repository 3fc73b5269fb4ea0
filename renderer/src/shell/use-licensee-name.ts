// The licensee's name for the header, reloaded when Settings saves a new profile.
import { useCallback, useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from './call-api';

export function useLicenseeName(api: KpApi): {
  licenseeName: string | null;
  reloadLicensee: () => void;
} {
  const [licenseeName, setLicenseeName] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void callApi(() => api.licensee.get({})).then((answer) => {
      if (current && answer.ok) setLicenseeName(answer.value?.legalName ?? null);
    });
    return () => {
      current = false;
    };
  }, [api, attempt]);
  const reloadLicensee = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);
  return { licenseeName, reloadLicensee };
}
