// Corrections after issue: an operator or administrator asks (with the proposed draft and a
// reason); another administrator decides (four eyes: the person who asked never decides their
// own request, so one person alone cannot change an issued certificate). An approved correction
// is applied to the certificate and audited; it must still pass every rule. Never a silent edit.
import type { CertificateState } from '../../../shared/domain/lifecycle';
import { AppFailure } from '../app-failure';
import type { EditRequest } from '../vault/repositories/edit-request-repository';
import { parseInput } from '../vault/repositories/parse-input';
import { EDIT_DECIDERS, WRITERS, authorize } from './actor';
import { certificatePayload } from './certificate-payloads';
import { hasErrorsFailure, keepsExporter, licenseeFacts, readForIssue } from './check-certificate';
import type { IssuanceContext } from './issuance-context';
import { withNumber } from './issuance-context';
import { DecideEditSchema, RequestEditSchema } from '../../../shared/records/issuance-inputs';

/** Before issue a draft is simply edited; a voided certificate is never corrected. */
const CORRECTABLE: readonly CertificateState[] = ['ISSUED', 'SHIPPED', 'DELIVERED', 'EXPIRED'];

function checkCorrectable(state: CertificateState): void {
  if (!CORRECTABLE.includes(state))
    throw new AppFailure(
      'ILLEGAL_TRANSITION',
      state === 'VOIDED'
        ? 'A voided certificate cannot be corrected.'
        : 'A certificate that is not issued yet is edited directly, without an edit request.',
    );
}

export function requestEdit(context: IssuanceContext, actor: unknown, input: unknown): EditRequest {
  const { repos, audit } = context;
  const user = authorize(repos.users, actor, WRITERS, 'ask for corrections');
  const request = parseInput(RequestEditSchema, input);
  const certificate = repos.certificates.mustGet(request.id);
  checkCorrectable(certificate.state);
  const proposed = withNumber(request.proposed, certificate.number, 'proposed.number');
  if (repos.editRequests.listForCertificate(certificate.id).some((r) => r.status === 'pending'))
    throw new AppFailure(
      'CONFLICT',
      'This certificate already has a correction waiting for a decision. Wait for it to be decided.',
    );
  const created = repos.editRequests.create(certificate.id, proposed, request.reason, user.id);
  audit.append({
    userId: user.id,
    action: 'edit-request.create',
    entityType: 'edit_request',
    entityId: created.id,
  });
  return created;
}

export function decideEdit(context: IssuanceContext, actor: unknown, input: unknown): EditRequest {
  const { repos, audit } = context;
  const user = authorize(repos.users, actor, EDIT_DECIDERS, 'decide corrections');
  const request = parseInput(DecideEditSchema, input);
  const pending = repos.editRequests.mustGet(request.requestId);
  if (pending.status !== 'pending')
    throw new AppFailure('CONFLICT', `This edit request was already ${pending.status}.`);
  if (pending.requestedBy === user.id) {
    const message =
      'You asked for this correction, so another administrator must decide it (four-eyes rule); nothing was changed.';
    throw new AppFailure('FORBIDDEN', message, { requestId: message });
  }
  if (request.decision === 'approve') {
    const certificate = repos.certificates.mustGet(pending.certificateId);
    checkCorrectable(certificate.state);
    // A correction that keeps the exporter is judged as the certificate was issued (the
    // licensee may have been renamed since); one that changes it, against the licensee now.
    const licensee = keepsExporter(certificate.draft, pending.proposed)
      ? undefined
      : licenseeFacts(context);
    const reading = readForIssue(context, pending.proposed, licensee);
    if (reading.certificate === null) throw hasErrorsFailure(reading.report);
    const saved = repos.certificates.saveDraft(
      certificate.id,
      certificate.version,
      pending.proposed,
      certificate.state,
    );
    const report = repos.outbox.add(
      saved.id,
      'uskpa',
      'amended',
      certificatePayload(reading.certificate, {
        editRequestId: pending.id,
        reason: pending.reason,
      }),
    );
    // One event for the correction and the report it queued (issue 12: queued-digests.ts).
    audit.append({
      userId: user.id,
      action: 'certificate.apply-edit',
      entityType: 'certificate',
      entityId: saved.id,
      queued: [report],
    });
  }
  const decided = repos.editRequests.decide(
    pending.id,
    request.decision === 'approve' ? 'approved' : 'rejected',
    user.id,
    request.note,
  );
  audit.append({
    userId: user.id,
    action: `edit-request.${request.decision}`,
    entityType: 'edit_request',
    entityId: decided.id,
  });
  return decided;
}
