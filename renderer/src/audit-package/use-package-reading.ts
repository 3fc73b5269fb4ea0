// Which audit package is being read, if any (auditPackage:current), asked again whenever someone
// else is signed in: the package replaces the vault as "open", so the status alone cannot tell
// them apart. The answer counts only for the user it was asked for (a package's reader has a
// username of its own), so a closed package's banner never shows over this computer's vault;
// until the answer comes, no banner.
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { OpenPackageInfo } from '../../../shared/ipc/audit-package-reading-contract';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { callApi } from '../shell/call-api';

type Answer = { username: string; info: OpenPackageInfo | null };

export function usePackageReading(api: KpApi, status: VaultStatus | null): OpenPackageInfo | null {
  const username = status?.vault === 'open' ? (status.user?.username ?? null) : null;
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (username === null) return undefined;
    let current = true;
    void callApi(() => api.auditPackage.current({})).then((result) => {
      if (current) setAnswer({ username, info: result.ok ? result.value : null });
    });
    return () => {
      current = false;
    };
  }, [api, username]);
  return answer !== null && answer.username === username ? answer.info : null;
}
