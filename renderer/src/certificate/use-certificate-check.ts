// The authoritative check: sends the draft to main (certificates:validate) and keeps its answer
// together with the exact draft it judged, so the form can tell when the answer is out of date.
import { useCallback, useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import type { ValidationReport } from '../../../shared/domain/validation-report';
import { transportFailure } from '../failure';

export type CheckState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'checked'; report: ValidationReport; checkedDraft: CertificateDraft }
  | { status: 'failed'; error: AppError };

export function useCertificateCheck(api: KpApi): {
  check: CheckState;
  runCheck: (draft: CertificateDraft) => Promise<void>;
} {
  const [check, setCheck] = useState<CheckState>({ status: 'idle' });
  // Only the latest request may set the state: an older answer arriving late is dropped.
  const latest = useRef(0);

  const runCheck = useCallback(
    async (draft: CertificateDraft) => {
      const request = ++latest.current;
      setCheck({ status: 'checking' });
      let next: CheckState;
      try {
        const result = await api.certificates.validate({ certificate: draft, purpose: 'issue' });
        next = result.ok
          ? { status: 'checked', report: result.value, checkedDraft: draft }
          : { status: 'failed', error: result.error };
      } catch {
        next = { status: 'failed', error: transportFailure };
      }
      if (request === latest.current) setCheck(next);
    },
    [api],
  );

  return { check, runCheck };
}
