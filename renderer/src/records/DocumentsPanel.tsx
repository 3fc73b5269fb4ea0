// The certificate's signed documents, kept in the vault: save the signed PDF again, or print it
// again on the USKPA security form (an overlay PDF that fills the pre-printed form). A voided
// certificate has a signed VOID copy instead, which goes to Census (31 CFR 592.301(a)(1)(v)).
// Files are chosen in main's save dialog; no path ever comes from here.
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';
import { ActionFailure } from './ActionFeedback';
import type { CertificateRecord } from './use-certificate-record';

type Busy = 'sign' | 'save' | 'print' | null;

const SIGNED_STATES = new Set(['ISSUED', 'SHIPPED', 'DELIVERED']);

export function DocumentsPanel(props: {
  api: KpApi;
  record: CertificateRecord;
  canWrite: boolean;
}) {
  const { api, record, canWrite } = props;
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [done, setDone] = useState('');

  const isVoid = record.state === 'VOIDED';
  const hasDocument = isVoid || SIGNED_STATES.has(record.state);
  const kind = isVoid ? 'void' : 'certificate';
  const what = isVoid ? 'the signed VOID copy' : 'the signed PDF';

  const run = async (which: Exclude<Busy, null>) => {
    setBusy(which);
    setFailure(null);
    setDone('');
    const id = record.id;
    if (which === 'sign') {
      const result = await callApi(() => api.documents.sign({ certificateId: id }));
      if (result.ok)
        setDone(
          `${
            result.value.reused
              ? `The stored ${what.replace('the ', '')} is up to date.`
              : `Signed: ${String(result.value.pages)} page(s), kept in the vault.`
          } ${signatureLevelText(result.value.level, result.value.levelNote)}`,
        );
      else setFailure(result.error);
    } else {
      const result = await callApi(() =>
        which === 'save'
          ? api.documents.save({ certificateId: id, kind })
          : api.documents.printOverlay({ certificateId: id }),
      );
      if (!result.ok) setFailure(result.error);
      else if ('path' in result.value)
        setDone(
          which === 'save'
            ? `Saved ${what} to ${result.value.path}.`
            : `Saved the print overlay to ${result.value.path}; print it at 100% on the form.`,
        );
      else setDone('Nothing was saved.');
    }
    setBusy(null);
  };

  return (
    <section className="panel" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      {!hasDocument ? (
        <p>Documents are signed once the certificate is issued.</p>
      ) : (
        <>
          <p>
            {isVoid
              ? 'The VOID copy, signed, for Census.'
              : 'The signed certificate PDF, kept in the vault.'}
          </p>
          <div className="action-list">
            {canWrite ? (
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                aria-busy={busy === 'sign'}
                onClick={() => void run('sign')}
              >
                {busy === 'sign'
                  ? 'Signing…'
                  : isVoid
                    ? 'Sign the VOID copy'
                    : 'Sign (or check) the PDF'}
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              disabled={busy !== null}
              aria-busy={busy === 'save'}
              onClick={() => void run('save')}
            >
              {busy === 'save' ? 'Saving…' : isVoid ? 'Save the VOID copy…' : 'Save the PDF again…'}
            </button>
            {canWrite && !isVoid ? (
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                aria-busy={busy === 'print'}
                onClick={() => void run('print')}
              >
                {busy === 'print' ? 'Preparing…' : 'Print again on the form…'}
              </button>
            ) : null}
          </div>
        </>
      )}
      <div role="status" aria-live="polite">
        {done === '' ? null : <p className="notice notice--ok">{done}</p>}
      </div>
      <ActionFailure error={failure} />
    </section>
  );
}

/** The PAdES level the document got and why, as the vault recorded it (ETSI EN 319 142-1):
 * only B-LT stays checkable after the signing certificate expires. */
function signatureLevelText(level: 'B-B' | 'B-T' | 'B-LT', note: string): string {
  return level === 'B-LT' ? `${note} It can be verified for years (PAdES B-LT).` : note;
}
