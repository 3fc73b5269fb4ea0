// The first screen's way into an audit package (issue 14, part 3): a reviewer with no vault of
// their own, or with it locked, opens a package a licensee sent. Collapsed until asked for, so
// the unlock or setup card stays the first thing on the screen.
import { useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { callApi } from '../shell/call-api';
import { OpenAuditPackage } from './OpenAuditPackage';
import './audit-package.css';

type Props = { api: KpApi; onOpened: (status: VaultStatus) => void };

export function OpenPackageEntry({ api, onOpened }: Props) {
  const [asked, setAsked] = useState(false);
  return (
    <aside className="open-package panel" aria-labelledby="open-package-title">
      <h2 id="open-package-title">Reviewing a licensee’s records?</h2>
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
          Open an audit package…
        </button>
      )}
    </aside>
  );
}
