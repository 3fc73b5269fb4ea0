// Settings → "Open an audit package…" (issue 14, part 3): the same form as on the first screen,
// from inside the app; opening one locks this computer's vault (said before), and the package
// then shows with its banner. Not offered while a package is being read.
import { useContext, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';
import { OpenAuditPackage } from './OpenAuditPackage';
import { PackageContext } from './package-context';

export function OpenPackageSection({ api }: { api: KpApi }) {
  const context = useContext(PackageContext);
  const [asked, setAsked] = useState(false);
  if (context === null || context.reading) return null;
  return (
    <section className="panel" aria-labelledby="settings-open-package-title">
      <h2 id="settings-open-package-title">Audit package from a licensee</h2>
      {asked ? (
        <OpenAuditPackage
          api={api}
          locksVault
          onOpened={() => {
            void callApi(() => api.vault.status({})).then((answer) => {
              if (answer.ok) context.onStatus(answer.value);
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
    </section>
  );
}
