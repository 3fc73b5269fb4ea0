// Settings → Trusted certificates: the vault's trust list. A certificate PDF verifies as trusted
// when its signer's certificate is one of this vault's signing identities or chains to a
// certificate listed here (a certification authority such as USKPA's, or a partner's own signing
// certificate). Everyone sees the list, with fingerprints to read out over the phone;
// administrators add and remove (after a confirmation). A removed certificate stays in the
// vault's record but is no longer trusted.
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { TrustedCertificate } from '../../../shared/ipc/trust-contract';
import { useFormat } from '../format/use-format';
import { ConfirmDialog } from '../records/ConfirmDialog';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { AddTrustedCertificateForm } from './AddTrustedCertificateForm';

const KIND_WORDS: Record<TrustedCertificate['kind'], string> = {
  'certification-authority': 'Certification authority',
  'signing-certificate': 'Signing certificate',
};

export function TrustedCertificatesSection({ api, manage }: { api: KpApi; manage: boolean }) {
  const format = useFormat();
  const [list, setList] = useState<TrustedCertificate[] | undefined>(undefined);
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TrustedCertificate | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const answer = await callApi(() => api.trust.list({}));
    if (answer.ok) setList(answer.value);
    else setError(answer.error);
  };

  useEffect(() => {
    let current = true;
    void callApi(() => api.trust.list({})).then((answer) => {
      if (!current) return;
      if (answer.ok) setList(answer.value);
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  async function remove(certificate: TrustedCertificate) {
    setBusy(true);
    setError(null);
    const answer = await callApi(() =>
      api.trust.remove({ fingerprintSha256: certificate.fingerprintSha256 }),
    );
    setBusy(false);
    setRemoving(null);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setNote(`${certificate.label} is no longer trusted.`);
    await load();
  }

  return (
    <section className="panel" aria-labelledby="settings-trust">
      <h2 id="settings-trust">Trusted certificates</h2>
      <p className="note">
        KP Desk trusts the certificates it signs with itself. Add the certificate of a certification
        authority you trust, such as USKPA’s, so certificates signed with certificates it issued
        verify as trusted. You can also add a partner’s own signing certificate. Before adding one,
        check its fingerprint with whoever sent it, over the phone: anyone can send a file that
        looks right.
      </p>
      <FormAlert error={error} success={note} />
      {list === undefined ? null : list.length === 0 ? (
        <p>No certificates are trusted beyond this vault’s own signing identities.</p>
      ) : (
        <ul className="trust-list" aria-label="Trusted certificates">
          {list.map((certificate) => (
            <li key={certificate.fingerprintSha256} className="trust-list__item">
              <dl className="details">
                <dt>Name</dt>
                <dd>{certificate.label}</dd>
                <dt>Certificate</dt>
                <dd>
                  {certificate.subject}{' '}
                  <span className="badge">{KIND_WORDS[certificate.kind]}</span>
                </dd>
                <dt>Fingerprint (SHA-256)</dt>
                <dd>
                  <code className="fingerprint">{certificate.fingerprintSha256}</code>
                </dd>
                <dt>Valid to</dt>
                <dd>{format.date(certificate.validTo.slice(0, 10))}</dd>
              </dl>
              {manage ? (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Remove ${certificate.label}`}
                  disabled={busy}
                  onClick={() => {
                    setNote(null);
                    setRemoving(certificate);
                  }}
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {manage ? (
        <AddTrustedCertificateForm
          api={api}
          onAdded={() => {
            setNote(null);
            void load();
          }}
        />
      ) : null}
      {removing === null ? null : (
        <ConfirmDialog
          title={`Stop trusting ${removing.label}?`}
          confirmLabel="Stop trusting it"
          cancelLabel="Keep it"
          busy={busy}
          onCancel={() => {
            setRemoving(null);
          }}
          onConfirm={() => {
            void remove(removing);
          }}
        >
          <p>
            Certificate PDFs whose signer it vouches for will no longer verify as trusted, unless
            another trusted certificate vouches for them. The vault keeps a record that it was
            trusted, and by whom it was removed.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
