// What was verified, beside the outcome: the signature (signer, PAdES level, time-stamp), the
// certificate in this vault the file names (with a way to open it in Records) and the file
// itself (its name and SHA-256, to compare with the copy someone else holds).
import type { DocumentVerification } from '../../../shared/ipc/documents-contract';
import {
  formatUtcTime,
  levelMessage,
  recordMismatchLines,
  vaultRecordLine,
} from '../../../shared/documents/verification-words';
import type { Route } from '../navigation';
import { StateBadge } from '../records/StateBadge';
import { storedStates } from '../records/record-format';
import type { StoredState } from '../records/record-format';

function isStoredState(state: string): state is StoredState {
  return (storedStates as readonly string[]).includes(state);
}

export function SignatureDetails({ verification }: { verification: DocumentVerification }) {
  const { signer, level, timestamp } = verification.result;
  return (
    <section className="panel" aria-labelledby="verify-signature">
      <h2 id="verify-signature">Signature</h2>
      <dl className="details">
        <dt>Signer</dt>
        <dd>
          {signer.subject ?? 'Not identified'}
          {signer.selfSigned === true ? ' (self-signed)' : null}
        </dd>
        {signer.issuer === null || signer.selfSigned === true ? null : (
          <>
            <dt>Certificate issued by</dt>
            <dd>{signer.issuer}</dd>
          </>
        )}
        {signer.fingerprintSha256 === null ? null : (
          <>
            <dt>Certificate SHA-256</dt>
            <dd>
              <code className="fingerprint">{signer.fingerprintSha256}</code>
            </dd>
          </>
        )}
        <dt>PAdES level</dt>
        <dd>
          {level ?? 'None'}
          <span className="details__raw">{levelMessage(level)}</span>
        </dd>
        <dt>Time-stamp</dt>
        <dd>
          {timestamp.time === null ? 'None' : formatUtcTime(timestamp.time)}
          {timestamp.authority === null ? null : (
            <span className="details__raw">By {timestamp.authority}</span>
          )}
        </dd>
        {signer.signingTime === null ? null : (
          <>
            <dt>Signing time claimed</dt>
            <dd>
              {formatUtcTime(signer.signingTime)}
              <span className="details__raw">Said by the signer; only a time-stamp proves it.</span>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

type RecordProps = { verification: DocumentVerification; navigate: (to: Route) => void };

export function MatchingRecord({ verification, navigate }: RecordProps) {
  const { vault, result } = verification;
  const mismatches = recordMismatchLines(verification);
  return (
    <section className="panel" aria-labelledby="verify-record">
      <h2 id="verify-record">Matching record in this vault</h2>
      {vault === null ? (
        <p data-testid="verify-record-line">
          No certificate in this vault matches the file. {result.record.message}
        </p>
      ) : (
        <>
          <p data-testid="verify-record-line">{vaultRecordLine(verification)}</p>
          <dl className="details">
            <dt>Certificate</dt>
            <dd>{vault.number}</dd>
            <dt>State</dt>
            <dd>{isStoredState(vault.state) ? <StateBadge state={vault.state} /> : vault.state}</dd>
            <dt>Record check</dt>
            <dd>{result.record.message}</dd>
          </dl>
        </>
      )}
      {mismatches.length === 0 ? null : (
        <>
          <h3>Where the seal and the record differ</h3>
          <ul className="verify-mismatches">
            {mismatches.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {vault === null ? null : (
        <div className="form-actions form-actions--start">
          <button
            type="button"
            className="button"
            onClick={() => {
              navigate({ screen: 'certificate', id: vault.certificateId });
            }}
          >
            Open {vault.number} in Records
          </button>
        </div>
      )}
    </section>
  );
}

export function FileDetails({ verification }: { verification: DocumentVerification }) {
  return (
    <section className="panel" aria-labelledby="verify-file">
      <h2 id="verify-file">File</h2>
      <dl className="details">
        <dt>Name</dt>
        <dd>{verification.fileName}</dd>
        <dt>SHA-256</dt>
        <dd>
          <code className="verify-hash" data-testid="verify-sha256">
            {verification.sha256}
          </code>
        </dd>
      </dl>
    </section>
  );
}
