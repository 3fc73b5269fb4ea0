// The banner on every screen while an audit package is read (issue 14, part 3): whose record it
// is, who exported it and when, the audit head it carries, who signed it (and whether that
// signer is trusted on this computer), and that nothing here can be changed. "Close the package"
// returns to the first screen; the core deletes the package's temporary vault.
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { OpenPackageInfo } from '../../../shared/ipc/audit-package-reading-contract';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import './audit-package.css';

type Props = { api: KpApi; info: OpenPackageInfo; onClosed: (status: VaultStatus) => void };

export function PackageBanner({ api, info, onClosed }: Props) {
  const [error, setError] = useState<AppError | null>(null);
  const licensee = info.licensee ?? 'a licensee (name not recorded)';
  const exported = info.exportedAt.slice(0, 10);

  async function close() {
    const closed = await callApi(() => api.auditPackage.close({}));
    if (!closed.ok) {
      setError(closed.error);
      return;
    }
    const status = await callApi(() => api.vault.status({}));
    if (status.ok) onClosed(status.value);
    else setError(status.error);
  }

  return (
    <section className="package-banner" aria-label="Audit package being read">
      <p className="package-banner__what">
        Audit package from <strong>{licensee}</strong>, exported {exported} by {info.exportedBy},
        chain head event {info.headSeq} (<code>{info.headHash.slice(0, 16)}…</code>); read-only:
        nothing here can be changed.
      </p>
      <p className="package-banner__signature" data-signature={info.signature.status}>
        {info.signature.message}
      </p>
      <button type="button" className="button button--small" onClick={() => void close()}>
        Close the package
      </button>
      <FormAlert error={error} />
    </section>
  );
}
