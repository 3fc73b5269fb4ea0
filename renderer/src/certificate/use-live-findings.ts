// The instant check: the same shared rules main runs, re-run in the renderer on every change so a
// finding appears while the user types. Main stays the authority (use-certificate-check.ts).
import { useMemo } from 'react';
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import { validateCertificate } from '../../../shared/domain/validate-certificate';
import { localToday } from '../wizard/load-wizard';
import type { ValidationReport } from '../../../shared/domain/validation-report';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';

export function useLiveFindings(
  draft: CertificateDraft,
  settings: ValidationSettings,
): ValidationReport {
  return useMemo(
    () => validateCertificate(draft, { settings, purpose: 'issue', today: localToday() }),
    [draft, settings],
  );
}
