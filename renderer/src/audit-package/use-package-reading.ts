// Which audit package is being read, if any (auditPackage:current), asked again whenever the
// vault's status changes: the package replaces the vault as "open", so the status alone cannot
// tell them apart.
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { OpenPackageInfo } from '../../../shared/ipc/audit-package-reading-contract';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { callApi } from '../shell/call-api';

/** undefined while asking; null when no package is open. */
export function usePackageReading(
  api: KpApi,
  status: VaultStatus | null,
): OpenPackageInfo | null | undefined {
  const [reading, setReading] = useState<OpenPackageInfo | null | undefined>(undefined);
  const open = status?.vault === 'open';
  const userId = status?.user?.userId ?? null;
  useEffect(() => {
    if (!open) {
      setReading(null);
      return undefined;
    }
    let current = true;
    setReading(undefined);
    void callApi(() => api.auditPackage.current({})).then((answer) => {
      if (current) setReading(answer.ok ? answer.value : null);
    });
    return () => {
      current = false;
    };
  }, [api, open, userId]);
  return reading;
}
