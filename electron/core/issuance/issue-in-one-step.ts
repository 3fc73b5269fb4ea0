// Issuing a certificate in ONE step (issue 15, bulk issue: electron/core/bulk-issue): what the
// wizard does in three (draft on a stock form, record the AES ITN, issue with the licensee's
// attestation), with the same rules, checked ONCE and written ONCE.
//
// - checkIssue (no write): the draft's shape and typed-text rule (CertificateDraftSchema), the
//   form number (31 CFR 592.307(c); never a number received on an import), every certificate rule
//   for purpose "issue" with the licensee's facts and today's date, exactly as shipment-operations
//   `issue` reads them (readParsedForIssue), the lifecycle's steps IN_STOCK → DRAFT → VALIDATED →
//   ISSUED (the ITN's form, 31 CFR 592.301(a)(5); the attestation), and the packaging and
//   warranty as IssueSchema takes them. A bulk issue checks a row before signing it.
// - issueChecked (inside the caller's transaction): the role, the form taken from stock, the
//   certificate inserted already ISSUED, USKPA's copy queued, and one audit event per entity
//   written: `stock.take` and `certificate.issue` (recording the queued copy's digest, as the
//   vault does for every issue since issue 12). Digests come from the rows as written
//   (RETURNING *), never read back. The intermediate DRAFT and VALIDATED states exist only in
//   the check: nothing else could see them between two steps of one transaction.
//
// A check is trusted only by the process that made it (a WeakSet, not a field that a caller could
// forge), and only on the facts it read: if the settings, the licensee or the date changed before
// the store, the certificate is checked again inside the transaction.
import type { Certificate } from '../../../shared/domain/certificate';
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import { CertificateDraftSchema } from '../../../shared/domain/certificate-draft';
import {
  CERTIFICATE_NUMBER,
  normalizeCertificateNumber,
} from '../../../shared/domain/certificate-number';
import { normalizeItn } from '../../../shared/domain/itn';
import type { LicenseeFacts } from '../../../shared/domain/validation-report';
import type { ErrorCode } from '../../../shared/errors';
import { PackagingSchema, WarrantySchema } from '../../../shared/records/issuance-inputs';
import { AppFailure } from '../app-failure';
import { refuseImportNumber } from '../incoming/import-number-guard';
import { digestOf } from '../vault/audit/entity-digest';
import type { CanonicalValue } from '../vault/audit/canonical-json';
import type { CertificateRecord } from '../vault/repositories/certificate-row';
import { toRecord } from '../vault/repositories/certificate-row';
import { WRITERS, authorize } from './actor';
import { certificatePayload } from './certificate-payloads';
import type { LicenseeSource } from './check-certificate';
import { hasErrorsFailure, licenseeFacts, readParsedForIssue } from './check-certificate';
import type { IssuanceContext } from './issuance-context';
import { licenseeLocalDate } from './licensee-local-date';
import { step } from './lifecycle-step';

/** What a row asks for: the form number, the draft, and the issue step's packaging and warranty. */
export type IssueRequest = {
  number: string;
  draft: unknown;
  packaging: unknown;
  warranty: unknown;
};

/** `field`: the draft's path ("exporter.name", "hsCodes", "packaging.description"), or null. */
export type IssueProblem = { field: string | null; message: string; source?: string };

export type CheckedIssue = {
  readonly request: IssueRequest;
  readonly number: string;
  readonly draft: CertificateDraft;
  readonly certificate: Certificate;
  readonly packaging: CanonicalValue;
  readonly warranty: CanonicalValue;
  readonly licensee: LicenseeFacts;
  /** The facts the rules were read against (settings, licensee, today), as one text. */
  readonly basis: string;
};

export type IssueCheck =
  | { ok: true; checked: CheckedIssue }
  | { ok: false; code: ErrorCode; message: string; problems: IssueProblem[] };

/** What the check reads: the rule settings, the clock, the licensee's facts, import numbers. */
export type IssueCheckContext = Pick<
  IssuanceContext,
  'settings' | 'now' | 'isImportCertificateNumber'
> &
  LicenseeSource;

const madeHere = new WeakSet<CheckedIssue>();

const refused = (code: ErrorCode, message: string, problems: IssueProblem[]): IssueCheck => ({
  ok: false,
  code,
  message,
  problems,
});

function basisOf(context: IssueCheckContext, licensee: LicenseeFacts, today: string): string {
  return JSON.stringify({ settings: context.settings, licensee, today });
}

const pathOf = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** Every rule the three wizard steps apply, on one request; writes nothing. */
export function checkIssue(context: IssueCheckContext, request: IssueRequest): IssueCheck {
  const number = normalizeCertificateNumber(request.number);
  if (!CERTIFICATE_NUMBER.test(number)) {
    const message = 'The number must be "US" followed by the form\'s digits, e.g. US12345.';
    return refused('INVALID_INPUT', message, [{ field: 'number', message }]);
  }
  try {
    refuseImportNumber(context.isImportCertificateNumber, number, 'number');
  } catch (error: unknown) {
    if (!(error instanceof AppFailure)) throw error;
    return refused(error.error.code, error.error.message, [
      { field: 'number', message: error.error.message },
    ]);
  }
  // The shape and the typed-text rule of every field, once (readForIssue's refuseUntypeableText).
  const parsed = CertificateDraftSchema.safeParse(request.draft);
  if (!parsed.success)
    return refused(
      'CERTIFICATE_HAS_ERRORS',
      'The certificate has fields that cannot be issued as written.',
      parsed.error.issues.map((issue) => ({ field: pathOf(issue.path), message: issue.message })),
    );
  const typed = normalizeCertificateNumber(parsed.data.number);
  if (typed !== '' && typed !== number) {
    const message = `This certificate is on form ${number}; its number cannot change.`;
    return refused('INVALID_INPUT', message, [{ field: 'number', message }]);
  }
  // As recordItn stores it: the ITN normalised.
  const draft: CertificateDraft = { ...parsed.data, number, itn: normalizeItn(parsed.data.itn) };
  const licensee = licenseeFacts(context);
  const today = licenseeLocalDate(context.now());
  const reading = readParsedForIssue(context, draft, licensee, { today });
  if (reading.certificate === null) {
    const failure = hasErrorsFailure(reading.report);
    return refused(
      'CERTIFICATE_HAS_ERRORS',
      failure.error.message,
      reading.report.findings
        .filter((finding) => finding.severity === 'error')
        .map((finding) => ({
          field: finding.field,
          message: finding.message,
          source: finding.source,
        })),
    );
  }
  const packaging = PackagingSchema.safeParse(request.packaging);
  const warranty = WarrantySchema.safeParse(request.warranty);
  if (!packaging.success || !warranty.success)
    return refused('INVALID_INPUT', 'The packaging or the warranty cannot be issued as written.', [
      ...(packaging.success ? [] : packaging.error.issues).map((issue) => ({
        field: pathOf(['packaging', ...issue.path]),
        message: issue.message,
      })),
      ...(warranty.success ? [] : warranty.error.issues).map((issue) => ({
        field: pathOf(['warranty', ...issue.path]),
        message: issue.message,
      })),
    ]);
  try {
    // The wizard's three lifecycle steps, so their rules hold here too (shared/domain/lifecycle).
    const drafted = step('IN_STOCK', { type: 'startDraft' });
    const validated = step(drafted, { type: 'recordItn', itn: draft.itn });
    step(validated, { type: 'issue', attested: true, errorCount: reading.report.errorCount });
  } catch (error: unknown) {
    if (!(error instanceof AppFailure)) throw error;
    return refused(error.error.code, error.error.message, [
      { field: 'itn', message: error.error.message },
    ]);
  }
  const checked: CheckedIssue = {
    request,
    number,
    draft,
    certificate: reading.certificate,
    packaging: packaging.data,
    warranty: warranty.data,
    licensee,
    basis: basisOf(context, licensee, today),
  };
  madeHere.add(checked);
  return { ok: true, checked };
}

/** The check again when the facts it read have changed since; a refusal throws, as issue does. */
function stillValid(context: IssuanceContext, checked: CheckedIssue): CheckedIssue {
  const licensee = licenseeFacts(context);
  const today = licenseeLocalDate(context.now());
  if (basisOf(context, licensee, today) === checked.basis) return checked;
  const again = checkIssue(context, checked.request);
  if (again.ok) return again.checked;
  const fields: Record<string, string> = {};
  for (const problem of again.problems) fields[problem.field ?? 'certificate'] ??= problem.message;
  throw new AppFailure(again.code, again.message, fields);
}

/**
 * Writes a checked certificate, ISSUED, inside the caller's transaction (BEGIN IMMEDIATE: the
 * issuance service's op, a savepoint within a batch's group). Returns the record as stored.
 */
export function issueChecked(
  context: IssuanceContext,
  actor: unknown,
  input: unknown,
): CertificateRecord {
  const { repos, audit } = context;
  const user = authorize(repos.users, actor, WRITERS, 'issue certificates');
  if (!madeHere.has(input as CheckedIssue))
    throw new Error('issueChecked takes only what checkIssue returned in this process');
  const checked = stillValid(context, input as CheckedIssue);
  // Checked again here, in the transaction: an import registered since the check.
  refuseImportNumber(context.isImportCertificateNumber, checked.number, 'number');
  const stock = repos.stock.take(checked.number);
  const issuedAt = context.now().toISOString();
  const row = repos.certificates.insertInState(checked.number, checked.draft, {
    state: 'ISSUED',
    packaging: checked.packaging,
    warranty: checked.warranty,
    attestedBy: user.id,
    issuedAt,
    shipDate: null,
    deliveredAt: null,
    importConfirmed: false,
    voidReason: null,
    voidNotes: null,
    voidedAt: null,
    expiredAt: null,
  });
  const report = repos.outbox.add(
    row.id,
    'uskpa',
    'issued',
    certificatePayload(checked.certificate, { licensee: checked.licensee.name, issuedAt }),
  );
  audit.append({
    userId: user.id,
    action: 'stock.take',
    entityType: 'stock',
    entityId: checked.number,
    entityDigest: digestOf(stock),
  });
  audit.append({
    userId: user.id,
    action: 'certificate.issue',
    entityType: 'certificate',
    entityId: row.id,
    entityDigest: digestOf(row),
    queued: [report],
  });
  return toRecord(row);
}
