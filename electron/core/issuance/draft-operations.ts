// Drafting: a certificate starts on a form number from stock (IN_STOCK → DRAFT), is edited while
// DRAFT or VALIDATED, and becomes VALIDATED when the AES ITN is recorded.
//
// Editing a VALIDATED certificate keeps it VALIDATED only while its ITN is unchanged: a new or
// removed ITN means the AES filing no longer backs the draft, so it goes back to DRAFT and the
// ITN must be recorded again (31 CFR 592.301(a)(5)).
import {
  CERTIFICATE_NUMBER,
  normalizeCertificateNumber,
} from '../../../shared/domain/certificate-number';
import { normalizeItn } from '../../../shared/domain/itn';
import { AppFailure } from '../app-failure';
import { refuseImportNumber } from '../incoming/import-number-guard';
import type { CertificateRecord } from '../vault/repositories/certificate-row';
import { parseInput } from '../vault/repositories/parse-input';
import { WRITERS, authorize } from './actor';
import type { IssuanceContext } from './issuance-context';
import { withNumber } from './issuance-context';
import {
  CreateDraftSchema,
  RecordItnSchema,
  UpdateDraftSchema,
} from '../../../shared/records/issuance-inputs';
import { step } from './lifecycle-step';

export function createDraft(
  context: IssuanceContext,
  actor: unknown,
  input: unknown,
): CertificateRecord {
  const { repos, audit } = context;
  const user = authorize(repos.users, actor, WRITERS, 'draft certificates');
  const request = parseInput(CreateDraftSchema, input);
  const number = normalizeCertificateNumber(request.number);
  refuseImportNumber(context.isImportCertificateNumber, request.number, 'number');
  if (!CERTIFICATE_NUMBER.test(number)) {
    const message = 'The number must be "US" followed by the form\'s digits, e.g. US12345.';
    throw new AppFailure('INVALID_INPUT', message, { number: message });
  }
  const draft = withNumber(request.draft, number, 'draft.number');
  const state = step('IN_STOCK', { type: 'startDraft' });
  repos.stock.take(number);
  const certificate = repos.certificates.insert(number, draft, state);
  audit.append({ userId: user.id, action: 'stock.take', entityType: 'stock', entityId: number });
  audit.append({
    userId: user.id,
    action: 'certificate.create',
    entityType: 'certificate',
    entityId: certificate.id,
  });
  return certificate;
}

export function updateDraft(
  context: IssuanceContext,
  actor: unknown,
  input: unknown,
): CertificateRecord {
  const { repos, audit } = context;
  const user = authorize(repos.users, actor, WRITERS, 'edit certificates');
  const request = parseInput(UpdateDraftSchema, input);
  const current = repos.certificates.mustGet(request.id);
  if (current.state !== 'DRAFT' && current.state !== 'VALIDATED')
    throw new AppFailure(
      'ILLEGAL_TRANSITION',
      `A certificate that is ${current.state.toLowerCase()} cannot be edited. Ask for a correction (edit request) instead.`,
    );
  const draft = withNumber(request.draft, current.number, 'draft.number');
  const itnUnchanged = normalizeItn(draft.itn) === normalizeItn(current.draft.itn);
  const state = current.state === 'VALIDATED' && itnUnchanged ? 'VALIDATED' : 'DRAFT';
  // Packaging and warranty as typed so far (USKPA: checked complete only at issue).
  const saved = repos.certificates.saveDraft(current.id, request.expectedVersion, draft, state, {
    packaging: request.packaging,
    warranty: request.warranty,
  });
  audit.append({
    userId: user.id,
    action: 'certificate.update-draft',
    entityType: 'certificate',
    entityId: saved.id,
  });
  return saved;
}

export function recordItn(
  context: IssuanceContext,
  actor: unknown,
  input: unknown,
): CertificateRecord {
  const { repos, audit } = context;
  const user = authorize(repos.users, actor, WRITERS, 'record ITNs');
  const request = parseInput(RecordItnSchema, input);
  const current = repos.certificates.mustGet(request.id);
  const state = step(current.state, { type: 'recordItn', itn: request.itn });
  const draft = { ...current.draft, itn: normalizeItn(request.itn) };
  const saved = repos.certificates.saveDraft(current.id, current.version, draft, state);
  audit.append({
    userId: user.id,
    action: 'certificate.record-itn',
    entityType: 'certificate',
    entityId: saved.id,
  });
  return saved;
}
