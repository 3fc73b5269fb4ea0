// Verify a certificate file: any signed-in user, a reviewer included (it changes nothing), picks a
// PDF in main's open dialog (documents:verify; the renderer never names a path) and sees the
// outcome as ETSI EN 319 102-1 defines it, each check, the signature, the certificate in this
// vault the file names, and the file's SHA-256, in the same words as `kpdesk verify`
// (shared/documents/verification-words.ts). The outcome sits in a live region, so it is
// announced as soon as it arrives.
import { useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { DocumentVerification } from '../../../shared/ipc/documents-contract';
import {
  verificationChecks,
  verificationHeadline,
} from '../../../shared/documents/verification-words';
import type { ScreenProps } from '../navigation';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { VerificationCheckTable } from './VerificationCheckTable';
import { VerificationOutcome } from './VerificationOutcome';
import { FileDetails, MatchingRecord, SignatureDetails } from './VerifiedFileDetails';
import '../records/records.css';
import './verify.css';

type Api = { documents: Pick<KpApi['documents'], 'verify'> };

type State =
  | { phase: 'idle' }
  | { phase: 'busy' }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: AppError }
  | { phase: 'done'; verification: DocumentVerification };

function Outcome({
  verification,
  navigate,
}: {
  verification: DocumentVerification;
  navigate: ScreenProps['navigate'];
}) {
  const checksId = useId();
  return (
    <>
      {verification.result.rejected === null ? (
        <>
          <section className="panel" aria-labelledby={checksId}>
            <h2 id={checksId}>Checks</h2>
            <VerificationCheckTable checks={verificationChecks(verification)} />
          </section>
          <SignatureDetails verification={verification} />
        </>
      ) : null}
      <MatchingRecord verification={verification} navigate={navigate} />
      <FileDetails verification={verification} />
    </>
  );
}

export function VerifyScreen({ api, navigate }: Pick<ScreenProps, 'navigate'> & { api: Api }) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const outcomeId = useId();

  async function verify() {
    setState({ phase: 'busy' });
    const answer = await callApi(() => api.documents.verify({}));
    if (!answer.ok) setState({ phase: 'failed', error: answer.error });
    else if ('cancelled' in answer.value) setState({ phase: 'cancelled' });
    else setState({ phase: 'done', verification: answer.value });
  }

  const verification = state.phase === 'done' ? state.verification : null;
  return (
    <div className="screen-page verify">
      <div className="screen-page__head">
        <h1>Verify a certificate file</h1>
        <p className="screen-page__intro">
          Check a Kimberley Process certificate PDF: its signature covers the whole file, who signed
          it and whether that signer is trusted, its seal, that the page shows what was sealed, and
          what this vault knows of it (voided or not). Nothing in the vault changes. The outcome
          follows ETSI EN 319 102-1: only a file that passes every check is called valid.
        </p>
      </div>
      <div className="form-actions form-actions--start">
        <button
          type="button"
          className="button button--primary"
          disabled={state.phase === 'busy'}
          onClick={() => void verify()}
        >
          {verification === null ? 'Choose a PDF to verify…' : 'Verify another file…'}
        </button>
      </div>
      <FormAlert error={state.phase === 'failed' ? state.error : null} />
      {/* Kept mounted so that the outcome is announced when it arrives. */}
      <div role="status" aria-live="polite" className="verify__live">
        {state.phase === 'busy' ? <p>Checking the file…</p> : null}
        {state.phase === 'cancelled' ? <p>No file was chosen: nothing was checked.</p> : null}
        {verification === null ? null : (
          <section aria-labelledby={outcomeId}>
            <VerificationOutcome
              headline={verificationHeadline(verification)}
              fileName={verification.fileName}
              headingId={outcomeId}
            />
          </section>
        )}
      </div>
      {verification === null ? null : <Outcome verification={verification} navigate={navigate} />}
    </div>
  );
}
