// The documented path to a trusted signer (docs/signing.md, "How to get a trusted signer"): the
// administrator sends the certificate request to a certification authority, then imports the
// certificate it issued (with its chain, PEM or DER) here. The core checks that it is for this
// very key, fit for signing and in force; the self-signed identity is then retired.
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { IdentitySummary } from '../../../shared/ipc/documents-contract';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';

export function ImportIssuedCertificate({
  api,
  onReady,
}: {
  api: KpApi;
  onReady: (identity: IdentitySummary) => void;
}) {
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const choose = async () => {
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.identity.importCertificate({}));
    setBusy(false);
    if (!answer.ok) setError(answer.error);
    else if (!('cancelled' in answer.value)) onReady(answer.value);
  };
  return (
    <div className="form-actions form-actions--start">
      <p className="note">
        When the certification authority sends back your certificate (a .pem, .crt or .cer file,
        with the authority’s own certificates), import it here: certificates you sign from then on
        verify as trusted wherever that authority is trusted.
      </p>
      <FormAlert error={error} />
      <button type="button" className="button" disabled={busy} onClick={() => void choose()}>
        Import the certificate the authority issued…
      </button>
    </div>
  );
}
