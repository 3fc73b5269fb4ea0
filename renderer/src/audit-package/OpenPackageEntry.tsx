// The first screen's way into an audit package (issue 14, part 3): a reviewer with no vault of
// their own, or with it locked, opens a package a licensee sent. Collapsed until asked for, so
// the unlock or setup card stays the first thing on the screen. After the auto-lock closed a
// package (part 4), it says so first and offers to open it again (the file is chosen again in
// main's dialog: the renderer never holds a path).
import { useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { callApi } from '../shell/call-api';
import { OpenAuditPackage } from './OpenAuditPackage';
import './audit-package.css';

type Props = {
  api: KpApi;
  onOpened: (status: VaultStatus) => void;
  /** What the core said when the auto-lock closed the package being read, if it did. */
  closedNotice?: string | null;
};

export function OpenPackageEntry({ api, onOpened, closedNotice = null }: Props) {
  const [asked, setAsked] = useState(false);
  return (
    <aside className="open-package panel" aria-labelledby="open-package-title">
      <h2 id="open-package-title">
        {closedNotice === null ? 'Reviewing a licensee’s records?' : 'The audit package was closed'}
      </h2>
      {closedNotice === null ? null : (
        <p role="status" className="notice" data-testid="package-closed-notice">
          {closedNotice}
        </p>
      )}
      {asked ? (
        <OpenAuditPackage
          api={api}
          onOpened={() => {
            void callApi(() => api.vault.status({})).then((answer) => {
              if (answer.ok) onOpened(answer.value);
            });
          }}
        />
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            setAsked(true);
          }}
        >
          {closedNotice === null ? 'Open an audit package…' : 'Open the package again…'}
        </button>
      )}
    </aside>
  );
}
