// The certificate's signed documents, kept in the vault: save the signed PDF again, or print it
// again on the USKPA security form (an overlay PDF that fills the pre-printed form). A voided
// certificate has a signed VOID copy instead, which goes to Census (31 CFR 592.301(a)(1)(v)).
// After an approved correction the PDF signed before shows the old values: it is listed as
// superseded (kept: records are kept 10 years, 31 CFR 592.309), "Sign the corrected certificate"
// makes the new one, and the old one can be saved only as a superseded copy, under a name that
// says so. Files are chosen in main's save dialog; no path ever comes from here.
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { StoredDocument } from '../../../shared/ipc/documents-contract';
import { callApi } from '../shell/call-api';
import { SigningLockedHelp } from '../signing/SigningLockedHelp';
import { ActionFailure } from './ActionFeedback';
import { formatTimestamp } from './record-format';
import type { CertificateRecord } from './use-certificate-record';

type Busy = 'sign' | 'save' | 'print' | `save-${string}` | null;

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
  const [documents, setDocuments] = useState<StoredDocument[] | null>(null);
  const [listed, setListed] = useState(0);

  const isVoid = record.state === 'VOIDED';
  // An imported record (issue 15 part 3) was issued elsewhere: there is nothing KP Desk signed.
  const imported = record.imported ?? null;
  const hasDocument = imported === null && (isVoid || SIGNED_STATES.has(record.state));
  const kind = isVoid ? 'void' : 'certificate';
  const what = isVoid ? 'the signed VOID copy' : 'the signed PDF';

  // Listed again whenever the record changes (a correction applied, a state step) or after signing.
  useEffect(() => {
    if (!hasDocument) return;
    let current = true;
    void callApi(() => api.documents.list({ certificateId: record.id })).then((result) => {
      if (current) setDocuments(result.ok ? result.value.documents : null);
    });
    return () => {
      current = false;
    };
  }, [api, record.id, record.version, hasDocument, listed]);

  const ofKind = (documents ?? []).filter((d) => d.kind === kind);
  const hasCurrent = ofKind.some((d) => d.status === 'current');
  const corrected = !isVoid && !hasCurrent && ofKind.some((d) => d.status === 'superseded');
  const superseded = ofKind.filter((d) => d.status === 'superseded');

  const run = async (which: Exclude<Busy, null>, document?: StoredDocument) => {
    setBusy(which);
    setFailure(null);
    setDone('');
    const id = record.id;
    if (which === 'sign') {
      const result = await callApi(() => api.documents.sign({ certificateId: id }));
      if (result.ok) {
        setDone(
          `${
            result.value.reused
              ? `The stored ${what.replace('the ', '')} is up to date.`
              : corrected
                ? `The corrected certificate is signed: ${String(result.value.pages)} page(s), kept in the vault; the copy signed before is kept, marked superseded.`
                : `Signed: ${String(result.value.pages)} page(s), kept in the vault.`
          } ${signatureLevelText(result.value.level, result.value.levelNote)}`,
        );
        setListed((n) => n + 1);
      } else setFailure(result.error);
    } else {
      const result = await callApi(() =>
        which === 'print'
          ? api.documents.printOverlay({ certificateId: id })
          : document !== undefined
            ? api.documents.save({
                certificateId: id,
                kind,
                documentId: document.documentId,
                superseded: true,
              })
            : api.documents.save({ certificateId: id, kind }),
      );
      if (!result.ok) setFailure(result.error);
      else if ('path' in result.value)
        setDone(
          which === 'print'
            ? `Saved the print overlay to ${result.value.path}; print it at 100% on the form.`
            : document !== undefined
              ? `Saved the superseded copy signed ${formatTimestamp(document.signedAt)} to ${result.value.path}. It shows the values from before the correction.`
              : `Saved ${what} to ${result.value.path}.`,
        );
      else setDone('Nothing was saved.');
    }
    setBusy(null);
  };

  return (
    <section className="panel" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      {imported !== null ? (
        <p data-testid="imported-documents">
          No signed PDF: this certificate was issued outside KP Desk (on paper or through USKPA’s
          database) and imported from {imported.file}, row {String(imported.row)}. KP Desk does not
          sign it now: its signature would claim an issue it did not make. Keep the paper original
          or USKPA’s copy with this record (records are kept 10 years, 31 CFR 501.601).
        </p>
      ) : !hasDocument ? (
        <p>Documents are signed once the certificate is issued.</p>
      ) : (
        <>
          {corrected ? (
            <p className="notice notice--warning" role="note">
              The record was corrected after the PDF was signed: the signed PDF shows the old values
              and is superseded.{' '}
              {canWrite
                ? 'Sign the corrected certificate, then save or print that one.'
                : 'An operator or administrator signs the corrected certificate.'}
            </p>
          ) : (
            <p>
              {isVoid
                ? 'The VOID copy, signed, for Census.'
                : 'The signed certificate PDF, kept in the vault.'}
            </p>
          )}
          <div className="action-list">
            {canWrite ? (
              <button
                type="button"
                className={corrected ? 'button button--primary' : 'button'}
                disabled={busy !== null}
                aria-busy={busy === 'sign'}
                onClick={() => void run('sign')}
              >
                {busy === 'sign'
                  ? 'Signing…'
                  : isVoid
                    ? 'Sign the VOID copy'
                    : corrected
                      ? 'Sign the corrected certificate'
                      : 'Sign (or check) the PDF'}
              </button>
            ) : null}
            {corrected ? null : (
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                aria-busy={busy === 'save'}
                onClick={() => void run('save')}
              >
                {busy === 'save'
                  ? 'Saving…'
                  : isVoid
                    ? 'Save the VOID copy…'
                    : 'Save the PDF again…'}
              </button>
            )}
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
          {superseded.length === 0 ? null : (
            <>
              <h3>Superseded copies</h3>
              <p>
                Signed before a correction, kept in the vault as the record requires. They show old
                values: do not send them as the certificate.
              </p>
              <ul className="document-list" aria-label="Superseded signed PDFs">
                {superseded.map((document) => (
                  <li key={document.documentId}>
                    <span>
                      Superseded: signed {formatTimestamp(document.signedAt)} ({document.level})
                    </span>{' '}
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy !== null}
                      aria-busy={busy === `save-${String(document.documentId)}`}
                      onClick={() => void run(`save-${String(document.documentId)}`, document)}
                    >
                      Save as a superseded copy…
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <div role="status" aria-live="polite">
        {done === '' ? null : <p className="notice notice--ok">{done}</p>}
      </div>
      <ActionFailure error={failure} />
      {failure?.code === 'SIGNING_LOCKED' ? (
        // The refusal leads to its fix: unlock here, then sign again.
        <SigningLockedHelp
          api={api}
          showMessage={false}
          onUnlocked={() => {
            setFailure(null);
            void run('sign');
          }}
        />
      ) : null}
    </section>
  );
}

/** The PAdES level the document got and why, as the vault recorded it (ETSI EN 319 142-1):
 * only B-LT stays checkable after the signing certificate expires. */
function signatureLevelText(level: 'B-B' | 'B-T' | 'B-LT', note: string): string {
  return level === 'B-LT' ? `${note} It can be verified for years (PAdES B-LT).` : note;
}
