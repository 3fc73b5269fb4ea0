// Step 5: the signing identity, the key and certificate KP Desk signs the PDF certificates with.
// Generate one now (self-signed, with a request for a certification authority), import a
// .p12/.pfx file, or leave it for later in Settings: drafting works without it, signing does not.
// Once it exists, the administrator chooses how its keys open after a restart (ProtectSigningKeys:
// this computer's keychain, preselected, and/or a signing secret; issue 13, part 3).
import { useEffect, useRef, useState } from 'react';
import type { KpApi } from '../../../../shared/ipc/api';
import type { IdentitySummary } from '../../../../shared/ipc/documents-contract';
import { CertificateRequest } from '../../settings/CertificateRequest';
import { IdentityDetails } from '../../settings/IdentityDetails';
import { GenerateIdentityForm, ImportIdentityForm } from '../../settings/IdentityForms';
import { ProtectSigningKeys } from '../../settings/ProtectSigningKeys';

type Props = { api: KpApi; onContinue: () => void };

export function IdentityStep({ api, onContinue }: Props) {
  const [identity, setIdentity] = useState<IdentitySummary | null>(null);
  const [request, setRequest] = useState<string | null>(null);
  const ready = (next: IdentitySummary, csrPem: string | null) => {
    setIdentity(next);
    setRequest(csrPem ?? next.certificationRequestPem);
  };
  const readyNote = useRef<HTMLParagraphElement>(null);
  // The forms disappear once the identity exists: the focus goes to the sentence saying so.
  useEffect(() => {
    if (identity !== null) readyNote.current?.focus();
  }, [identity]);
  return (
    <div>
      <p>
        KP Desk signs each certificate PDF digitally, so anyone can check that it came from you and
        was not changed afterwards. For that it needs a <strong>signing identity</strong>: a private
        key kept only inside the vault, and a certificate naming the person who signs.
      </p>
      {identity === null ? (
        <>
          <GenerateIdentityForm api={api} onReady={ready} headingLevel={2} />
          <ImportIdentityForm api={api} onReady={ready} headingLevel={2} />
          <div className="form-actions form-actions--split">
            <p className="note">You can prepare certificates without it; signing needs it.</p>
            <button type="button" className="button" onClick={onContinue}>
              Set it up later in Settings
            </button>
          </div>
        </>
      ) : (
        <>
          <p role="status" className="form-alert form-alert--ok" ref={readyNote} tabIndex={-1}>
            The signing identity is ready.
          </p>
          <IdentityDetails identity={identity} />
          {/* IdentityDetails says "send the certificate request below": here it is. */}
          <ProtectSigningKeys api={api} headingLevel={2} />
          {identity.selfSigned && request !== null ? (
            <CertificateRequest pem={request} headingLevel={2} />
          ) : null}
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={onContinue}>
              Continue
            </button>
          </div>
        </>
      )}
    </div>
  );
}
