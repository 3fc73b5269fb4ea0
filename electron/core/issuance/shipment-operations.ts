// Issue, ship, deliver, void and expire: each a lifecycle step (shared/domain/lifecycle.ts)
// whose row change, audit events and outbox rows the service commits in one transaction.
import type { CanonicalValue } from '../vault/audit/canonical-json';
import type { QueuedRow } from '../vault/audit/queued-digests';
import type { CertificateRecord, LifecycleColumns } from '../vault/repositories/certificate-row';
import { parseInput } from '../vault/repositories/parse-input';
import { AppFailure } from '../app-failure';
import type { ShipmentDateRefusal } from '../../../shared/domain/shipment-dates';
import {
  checkDeliveryAfterShipment,
  checkShipDateNotFuture,
} from '../../../shared/domain/shipment-dates';
import { WRITERS, authorize } from './actor';
import { certificatePayload } from './certificate-payloads';
import { hasErrorsFailure, licenseeFacts, readForIssue } from './check-certificate';
import type { IssuanceContext } from './issuance-context';
import { licenseeLocalDate } from './licensee-local-date';
import {
  DeliverSchema,
  ExpireSchema,
  IssueSchema,
  ShipSchema,
  VoidSchema,
} from '../../../shared/records/issuance-inputs';
import { step } from './lifecycle-step';

function refuseDate(refusal: ShipmentDateRefusal): never {
  throw new AppFailure(refusal.code, refusal.message, { [refusal.field]: refusal.fieldMessage });
}

function saveRow(
  context: IssuanceContext,
  current: CertificateRecord,
  changes: Partial<LifecycleColumns>,
): CertificateRecord {
  return context.repos.certificates.saveLifecycle(current.id, current.version, {
    ...current,
    ...changes,
  });
}

/**
 * The step's own audit event, written after the outbox rows it queued so that it records their
 * digests too (issue 12: one event per operation; audit/queued-digests.ts).
 */
function record(
  context: IssuanceContext,
  saved: CertificateRecord,
  userId: number | null,
  action: string,
  queued: readonly QueuedRow[] = [],
): void {
  context.audit.append({ userId, action, entityType: 'certificate', entityId: saved.id, queued });
}

function save(
  context: IssuanceContext,
  current: CertificateRecord,
  userId: number | null,
  action: string,
  changes: Partial<LifecycleColumns>,
): CertificateRecord {
  const saved = saveRow(context, current, changes);
  record(context, saved, userId, action);
  return saved;
}

export function issue(context: IssuanceContext, actor: unknown, input: unknown): CertificateRecord {
  const { repos } = context;
  const user = authorize(repos.users, actor, WRITERS, 'issue certificates');
  const request = parseInput(IssueSchema, input);
  const current = repos.certificates.mustGet(request.id);
  // The state is checked first (lifecycle), so a draft is refused as a draft, not for findings.
  step(current.state, { type: 'issue', attested: true, errorCount: 0 });
  const licensee = licenseeFacts(context);
  const reading = readForIssue(context, current.draft, licensee, {
    today: licenseeLocalDate(context.now()),
  });
  if (reading.certificate === null) throw hasErrorsFailure(reading.report);
  const state = step(current.state, {
    type: 'issue',
    attested: request.attested,
    errorCount: reading.report.errorCount,
  });
  const issuedAt = context.now().toISOString();
  const saved = saveRow(context, current, {
    state,
    packaging: request.packaging,
    warranty: request.warranty,
    attestedBy: user.id,
    issuedAt,
  });
  const report = repos.outbox.add(
    saved.id,
    'uskpa',
    'issued',
    certificatePayload(reading.certificate, { licensee: licensee.name, issuedAt }),
  );
  record(context, saved, user.id, 'certificate.issue', [report]);
  return saved;
}

export function ship(context: IssuanceContext, actor: unknown, input: unknown): CertificateRecord {
  const { repos } = context;
  const user = authorize(repos.users, actor, WRITERS, 'record shipments');
  const request = parseInput(ShipSchema, input);
  const current = repos.certificates.mustGet(request.id);
  const state = step(current.state, {
    type: 'ship',
    shipDate: request.shipDate,
    dateOfIssue: current.draft.dateOfIssue,
    dateOfExpiry: current.draft.dateOfExpiry,
  });
  // Rule 8: on the same clock as the issue's CERTIFICATE_EXPIRED (the licensee's local date).
  const future = checkShipDateNotFuture(request.shipDate, licenseeLocalDate(context.now()));
  if (future !== null) refuseDate(future);
  const saved = saveRow(context, current, { state, shipDate: request.shipDate });
  // Issued certificates passed every rule, so the exact reading exists: read as issued, without
  // today's licensee name (a renamed licensee's earlier certificate keeps its whole Census copy).
  const reading = readForIssue(context, saved.draft, undefined);
  const payload: CanonicalValue =
    reading.certificate === null
      ? { number: saved.number, shipDate: request.shipDate }
      : certificatePayload(reading.certificate, { shipDate: request.shipDate });
  const copy = repos.outbox.add(saved.id, 'census', 'shipped', payload);
  record(context, saved, user.id, 'certificate.ship', [copy]);
  return saved;
}

export function deliver(
  context: IssuanceContext,
  actor: unknown,
  input: unknown,
): CertificateRecord {
  const { repos } = context;
  const user = authorize(repos.users, actor, WRITERS, 'record deliveries');
  const request = parseInput(DeliverSchema, input);
  const current = repos.certificates.mustGet(request.id);
  const state = step(current.state, { type: 'deliver', importConfirmed: request.importConfirmed });
  // Rule 8: the delivery is recorded now, so it is never in the future; it must not come before
  // the recorded ship date either (a computer whose clock went back).
  const early = checkDeliveryAfterShipment(
    current.number,
    current.shipDate,
    licenseeLocalDate(context.now()),
  );
  if (early !== null) refuseDate(early);
  return save(context, current, user.id, 'certificate.deliver', {
    state,
    deliveredAt: context.now().toISOString(),
    importConfirmed: request.importConfirmed,
  });
}

export function voidCertificate(
  context: IssuanceContext,
  actor: unknown,
  input: unknown,
): CertificateRecord {
  const { repos, audit } = context;
  const user = authorize(repos.users, actor, WRITERS, 'void certificates');
  const request = parseInput(VoidSchema, input);
  const current = repos.certificates.mustGet(request.id);
  const state = step(current.state, { type: 'void', reason: request.reason, notes: request.notes });
  const voidedAt = context.now().toISOString();
  const saved = saveRow(context, current, {
    state,
    voidReason: request.reason,
    voidNotes: request.notes,
    voidedAt,
  });
  const payload: CanonicalValue = {
    number: saved.number,
    reason: request.reason,
    notes: request.notes,
    voidedAt,
    previousState: current.state,
  };
  // Census's copy is due immediately on voiding (31 CFR 592.301(a)(1)(v)); USKPA's report too.
  const queued = [
    repos.outbox.add(saved.id, 'census', 'voided', payload),
    repos.outbox.add(saved.id, 'uskpa', 'voided', payload),
  ];
  record(context, saved, user.id, 'certificate.void', queued);
  // The form's number is spent for good (31 CFR 592.307: never used twice).
  repos.stock.void(saved.number);
  audit.append({
    userId: user.id,
    action: 'stock.void',
    entityType: 'stock',
    entityId: saved.number,
  });
  return saved;
}

export function expire(
  context: IssuanceContext,
  actor: unknown,
  input: unknown,
): CertificateRecord {
  const { repos } = context;
  const user = authorize(repos.users, actor, WRITERS, 'mark certificates expired');
  const request = parseInput(ExpireSchema, input);
  return markExpired(context, repos.certificates.mustGet(request.id), user.id, request.today);
}

/**
 * An issued certificate not shipped by its date of expiry must not be used (31 CFR 592.307(e));
 * the lifecycle refuses anything else (NOT_YET_EXPIRED, or not ISSUED). `userId` is null when
 * KP Desk expires it on its own (expire-overdue-certificates.ts).
 */
export function markExpired(
  context: IssuanceContext,
  current: CertificateRecord,
  userId: number | null,
  today: string,
): CertificateRecord {
  const state = step(current.state, {
    type: 'expire',
    today,
    dateOfExpiry: current.draft.dateOfExpiry,
  });
  return save(context, current, userId, 'certificate.expire', {
    state,
    expiredAt: context.now().toISOString(),
  });
}
