// The authority check before a certificate is issued or an approved correction is applied:
// every rule (shared/domain/validate-certificate.ts) for purpose "issue", with the licensee's
// facts from the vault. Any error-level finding refuses with CERTIFICATE_HAS_ERRORS, naming the
// fields.
import type { Certificate } from '../../../shared/domain/certificate';
import { readCertificate } from '../../../shared/domain/certificate';
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import { normalizeForMatch } from '../../../shared/domain/country-in-address';
import { CertificateDraftSchema } from '../../../shared/domain/certificate-draft';
import { normalizeCertificateNumber } from '../../../shared/domain/certificate-number';
import type { LicenseeFacts, ValidationReport } from '../../../shared/domain/validation-report';
import { AppFailure } from '../app-failure';
import type { IssuanceContext } from './issuance-context';

export function licenseeFacts(context: LicenseeSource): LicenseeFacts {
  const facts = context.repos.licensee.facts();
  if (facts === undefined)
    throw new AppFailure(
      'NOT_FOUND',
      'Enter your licensee profile (legal name, address, TIN) before issuing certificates.',
      { licensee: 'The licensee profile is missing.' },
    );
  return facts;
}

/** Where the licensee's facts come from: the vault's repository, or a check's own source. */
export type LicenseeSource = { repos: { licensee: { facts: () => LicenseeFacts | undefined } } };

export function hasErrorsFailure(report: ValidationReport): AppFailure {
  const fields: Record<string, string> = {};
  for (const finding of report.findings) {
    if (finding.severity !== 'error') continue;
    fields[finding.field] =
      fields[finding.field] === undefined
        ? finding.message
        : `${fields[finding.field] ?? ''} ${finding.message}`;
  }
  return new AppFailure(
    'CERTIFICATE_HAS_ERRORS',
    `The certificate still has ${String(report.errorCount)} error(s). Fix them first; nothing was changed.`,
    fields,
  );
}

/**
 * The typed-text rule (shared/records/person-text.ts) once more, on the draft as stored: a draft
 * or correction saved before the rule existed may hold a direction override or a control
 * character, and a certificate with one must never be issued (issue 13: one was issued, then
 * could not be printed). Refused naming each field, like any other error.
 */
function refuseUntypeableText(draft: CertificateDraft): void {
  const checked = CertificateDraftSchema.safeParse(draft);
  if (checked.success) return;
  const fields: Record<string, string> = {};
  for (const issue of checked.error.issues) {
    const field = issue.path.map(String).join('.');
    fields[field] ??= issue.message;
  }
  throw new AppFailure(
    'CERTIFICATE_HAS_ERRORS',
    `The certificate has characters that cannot be issued in ${Object.keys(fields).join(', ')}. Correct them first; nothing was changed.`,
    fields,
  );
}

// No usedNumbers are passed: the draft's number is pinned to the stock form the certificate took
// (withNumber), and stock.take already refused any number that was used or voided. The number
// of a certificate received on an import is looked up in the vault (issue 15), so the rule
// NUMBER_IS_IMPORT_CERTIFICATE holds at the authority, not only in the renderer.
// `today` only when the certificate is about to be used (issued): an issued record read again
// later (a shipment's payload, a correction) is judged as it was, not against today's date.
// `licensee` likewise only when the exporter is judged now (issuing, or a correction that
// changes the exporter): an issued record read again was checked under the name the licensee had
// when it was issued, and a licensee renamed since keeps its earlier certificates (issue 14).
export function readForIssue(
  context: IssuanceContext,
  draft: CertificateDraft,
  licensee: LicenseeFacts | undefined,
  when: { today?: string } = {},
): { report: ValidationReport; certificate: Certificate | null } {
  refuseUntypeableText(draft);
  return readParsedForIssue(context, draft, licensee, when);
}

/**
 * readForIssue on a draft the caller has just parsed with CertificateDraftSchema itself (a bulk
 * issue's row, issue-in-one-step.ts): the same rules, without parsing the draft a second time.
 */
export function readParsedForIssue(
  context: Pick<IssuanceContext, 'settings' | 'isImportCertificateNumber'>,
  draft: CertificateDraft,
  licensee: LicenseeFacts | undefined,
  when: { today?: string } = {},
): { report: ValidationReport; certificate: Certificate | null } {
  const number = normalizeCertificateNumber(draft.number);
  return readCertificate(draft, {
    purpose: 'issue',
    settings: context.settings,
    ...(licensee === undefined ? {} : { licensee }),
    ...(context.isImportCertificateNumber(number)
      ? { importCertificateNumbers: new Set([number]) }
      : {}),
    ...(when.today === undefined ? {} : { today: when.today }),
  });
}

/** Whether a correction keeps the exporter the certificate was issued with (the same name as
 * the exporter rule compares names, shared/domain/rules/party-rules.ts). */
export function keepsExporter(issued: CertificateDraft, proposed: CertificateDraft): boolean {
  return normalizeForMatch(issued.exporter.name) === normalizeForMatch(proposed.exporter.name);
}
