// Step 7, sign and deliver: issue the certificate (the attestation, packaging and warranty are
// recorded with it, and the rules run once more in the core), sign its PDF, then save the PDF or
// print it on the numbered USKPA security form. Sending the copies to Census and USKPA comes
// with a later version; until then this step says what to send, where and when.
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { censusSubmission } from '../../../shared/reference/reference-data';
import { fieldLabels } from '../certificate/field-labels';
import { certificateFields } from '../../../shared/domain/certificate-draft';
import type { Route } from '../navigation';
import { callApi } from '../shell/call-api';
import { BusyNote } from '../shell/form/BusyNote';
import { useFormat } from '../format/use-format';
import { SigningLockedHelp } from '../signing/SigningLockedHelp';
import type { CertificateRecord } from './use-wizard-record';

type Signed = ChannelOutput<'documents:sign'>;
type IssueInput = Omit<Parameters<KpApi['certificates']['issue']>[0], 'id'>;

type SignStepProps = {
  api: KpApi;
  record: CertificateRecord | null;
  issueInput: IssueInput;
  issue: (input: IssueInput) => Promise<Result<CertificateRecord> | null>;
  navigate: (to: Route) => void;
  preview: ReactNode;
};

type Work =
  { status: 'idle' } | { status: 'busy'; label: string } | { status: 'failed'; error: AppError };

const labelOf = (path: string) =>
  (certificateFields as readonly string[]).includes(path)
    ? fieldLabels[path as (typeof certificateFields)[number]]
    : path;

export function SignStep({ api, record, issueInput, issue, navigate, preview }: SignStepProps) {
  const [work, setWork] = useState<Work>({ status: 'idle' });
  const [signed, setSigned] = useState<Signed | null>(null);
  const [saved, setSaved] = useState('');
  // Remounts the locked-signing help after a refusal, so it reads the keys' state again.
  const [lockChecks, setLockChecks] = useState(0);
  // The button just pressed disappears once the certificate is issued and signed: the cursor goes
  // to the result (or to the reason it failed), so keyboard and screen-reader users are not left
  // on the page's body (issue 16; WCAG 2.4.3 focus order).
  const signedHeading = useRef<HTMLHeadingElement>(null);
  const failure = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (signed !== null) signedHeading.current?.focus();
  }, [signed]);
  useEffect(() => {
    if (work.status === 'failed') failure.current?.focus();
  }, [work]);
  const format = useFormat();
  if (record === null) return <p>Save the certificate first.</p>;
  const issued = record.state === 'ISSUED';

  const sign = async (id: number) => {
    setWork({ status: 'busy', label: 'Signing the PDF' });
    const result = await callApi(() => api.documents.sign({ certificateId: id }));
    if (!result.ok) {
      setWork({ status: 'failed', error: result.error });
      if (result.error.code === 'SIGNING_LOCKED') setLockChecks((n) => n + 1);
      return;
    }
    setSigned(result.value);
    setWork({ status: 'idle' });
  };

  const issueAndSign = async () => {
    setWork({ status: 'busy', label: 'Issuing the certificate' });
    const result = await issue(issueInput);
    if (result === null) {
      setWork({ status: 'idle' });
      return;
    }
    if (!result.ok) {
      setWork({ status: 'failed', error: result.error });
      return;
    }
    await sign(result.value.id);
  };

  const deliver = async (how: 'save' | 'print') => {
    setWork({ status: 'busy', label: how === 'save' ? 'Saving the PDF' : 'Preparing the print' });
    const result = await callApi(() =>
      how === 'save'
        ? api.documents.save({ certificateId: record.id, kind: 'certificate' })
        : api.documents.printOverlay({ certificateId: record.id }),
    );
    if (!result.ok) {
      setWork({ status: 'failed', error: result.error });
      return;
    }
    setWork({ status: 'idle' });
    setSaved(
      'cancelled' in result.value
        ? 'Nothing was saved: the file dialog was closed.'
        : how === 'save'
          ? `Saved the signed PDF as ${result.value.path}.`
          : `Saved the print file as ${result.value.path}. Print it at 100 % on blank form ${record.number}.`,
    );
  };

  return (
    <>
      <p className="wizard__intro">
        {issued
          ? `Certificate ${record.number} is issued.`
          : `Issuing records your attestation and makes certificate ${record.number} final: after this it can only be corrected through an edit request, or voided.`}
      </p>
      {signed === null && (
        <SigningLockedHelp
          key={lockChecks}
          api={api}
          navigate={navigate}
          showMessage={!(work.status === 'failed' && work.error.code === 'SIGNING_LOCKED')}
          onUnlocked={() => {
            // Refused for the lock only: sign what was issued, now that the keys are open.
            if (work.status === 'failed' && work.error.code === 'SIGNING_LOCKED' && issued)
              void sign(record.id);
            else setWork({ status: 'idle' });
          }}
        />
      )}
      {work.status === 'busy' && <BusyNote label={work.label} />}
      {work.status === 'failed' && (
        <div className="wizard__alert" role="alert" ref={failure} tabIndex={-1}>
          <p>{work.error.message}</p>
          {work.error.fields !== undefined && (
            <ul>
              {Object.entries(work.error.fields).map(([path, message]) => (
                <li key={path}>
                  <strong>{labelOf(path)}</strong>: {message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="wizard__actions wizard__actions--start">
        {!issued && (
          <button
            type="button"
            className="button button--primary"
            disabled={work.status === 'busy'}
            onClick={() => {
              void issueAndSign();
            }}
          >
            Issue and sign certificate {record.number}
          </button>
        )}
        {issued && signed === null && (
          <button
            type="button"
            className="button button--primary"
            disabled={work.status === 'busy'}
            onClick={() => {
              void sign(record.id);
            }}
          >
            Sign the PDF
          </button>
        )}
      </div>

      {signed !== null && (
        <section
          className="wizard__panel wizard__signed"
          aria-labelledby="signed-title"
          data-testid="signed-document"
        >
          <h3 id="signed-title" ref={signedHeading} tabIndex={-1}>
            Signed PDF of {signed.number}
          </h3>
          <dl className="wizard__facts">
            <dt>Signed at</dt>
            <dd>{format.timestamp(signed.signedAt)}</dd>
            <dt>Pages</dt>
            <dd>{signed.pages}</dd>
            <dt>SHA-256 fingerprint</dt>
            <dd>
              <code className="wizard__hash">{signed.sha256}</code>
            </dd>
          </dl>
          {preview}
          <div className="wizard__actions wizard__actions--start">
            <button
              type="button"
              className="button button--primary"
              disabled={work.status === 'busy'}
              onClick={() => {
                void deliver('save');
              }}
            >
              Save the signed PDF
            </button>
            <button
              type="button"
              className="button"
              disabled={work.status === 'busy'}
              onClick={() => {
                void deliver('print');
              }}
            >
              Print on the security form
            </button>
          </div>
          <p role="status">{saved}</p>
        </section>
      )}

      <section className="wizard__panel wizard__later" aria-labelledby="copies-title">
        <h3 id="copies-title">Send copies to Census and USKPA (coming in a later version)</h3>
        <p>
          KP Desk will send these copies for you in a later version. Until then, send them yourself:
        </p>
        <ul>
          <li>
            To the Census Bureau, a copy of the certificate immediately after the shipment leaves:
            fax {censusSubmission.fax}, or {censusSubmission.other}.
          </li>
          <li>To USKPA, report the certificate in its licensee database.</li>
        </ul>
      </section>
      {issued && (
        <div className="wizard__actions wizard__actions--start">
          <button
            type="button"
            className="button"
            onClick={() => {
              navigate({ screen: 'certificate', id: record.id });
            }}
          >
            Open {record.number} in Records
          </button>
        </div>
      )}
    </>
  );
}
