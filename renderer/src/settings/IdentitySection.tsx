// Settings → Signing identity: the identity KP Desk signs certificate PDFs with. Administrators
// generate or import one; everyone else sees its details only. A new identity's keys are only
// pending (signing refused after a restart) until the administrator protects them right here.
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { IdentitySummary } from '../../../shared/ipc/documents-contract';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { IdentityDetails } from './IdentityDetails';
import { GenerateIdentityForm, ImportIdentityForm } from './IdentityForms';
import { ImportIssuedCertificate } from './ImportIssuedCertificate';
import { ProtectSigningKeys } from './ProtectSigningKeys';

export function IdentitySection({ api, manage }: { api: KpApi; manage: boolean }) {
  const [identity, setIdentity] = useState<IdentitySummary | null | undefined>(undefined);
  const [csr, setCsr] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [replacing, setReplacing] = useState(false);

  useEffect(() => {
    let current = true;
    void callApi(() => api.identity.get({})).then((answer) => {
      if (!current) return;
      if (answer.ok) setIdentity(answer.value);
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  const ready = (next: IdentitySummary, csrPem: string | null) => {
    setIdentity(next);
    setCsr(csrPem ?? next.certificationRequestPem);
    setReplacing(false);
  };
  const request = csr ?? identity?.certificationRequestPem ?? null;

  return (
    <section className="panel" aria-labelledby="settings-identity">
      <h2 id="settings-identity">Signing identity</h2>
      <FormAlert error={error} />
      {identity === undefined ? null : identity === null ? (
        <p>No signing identity yet: certificates can be prepared but not signed.</p>
      ) : (
        <IdentityDetails identity={identity} />
      )}
      {request === null ||
      identity === null ||
      identity === undefined ||
      !identity.selfSigned ? null : (
        <details className="disclosure">
          <summary>Certificate request (PEM) for a certification authority</summary>
          <pre className="pem" tabIndex={0} aria-label="Certificate request">
            {request}
          </pre>
        </details>
      )}
      {manage && identity !== null && identity !== undefined && !replacing ? (
        // Keyed by the identity: a new one asks again (it shows nothing once protected).
        <ProtectSigningKeys key={identity.fingerprintSha256} api={api} />
      ) : null}
      {manage && identity?.selfSigned === true && identity.source === 'generated' ? (
        <ImportIssuedCertificate
          api={api}
          onReady={(next) => {
            ready(next, null);
          }}
        />
      ) : null}
      {manage && (identity === null || replacing) ? (
        <>
          <GenerateIdentityForm api={api} onReady={ready} />
          <ImportIdentityForm api={api} onReady={ready} />
        </>
      ) : null}
      {manage && identity !== null && identity !== undefined && !replacing ? (
        <div className="form-actions form-actions--start">
          <button
            type="button"
            className="button"
            onClick={() => {
              setReplacing(true);
            }}
          >
            Replace the identity
          </button>
        </div>
      ) : null}
    </section>
  );
}
