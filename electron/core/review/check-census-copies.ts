// Census, the US Exporting Authority, must receive a copy of every certificate immediately after
// export (31 CFR 592.301(a)(1)(iv); 15 CFR 30.7(c)) and of every voided one immediately on
// voiding (592.301(a)(1)(v); 15 CFR 30.4(e)); "KPC never sent to Census" is the first mistake in
// Census's 2019 guidance. The outbox (electron/core/submission) holds each copy and its proof of
// delivery: no copy at all, or one rejected or cancelled, is an error; one still on its way
// (pending, sending, failed and retrying) a warning that names its status.
import type { ReviewFinding } from '../../../shared/review/review-report';
import type { ReviewFindingCode } from '../../../shared/review/review-codes';
import type { ReviewedMessage } from './outbox-by-certificate';
import { STATUS_WORDS, isAbandoned, isDelivered } from './outbox-by-certificate';
import { reviewFinding } from './review-finding';
import type { ReviewedCertificate } from './reviewed-certificates';

type Duty = {
  reason: 'shipped' | 'voided';
  missing: ReviewFindingCode;
  notDelivered: ReviewFindingCode;
  what: (c: ReviewedCertificate) => string;
};

const EXPORT: Duty = {
  reason: 'shipped',
  missing: 'CENSUS_EXPORT_COPY_MISSING',
  notDelivered: 'CENSUS_EXPORT_COPY_NOT_DELIVERED',
  what: (c) => `Certificate ${c.number} was exported on ${c.shipDate ?? 'an unrecorded date'}`,
};
const VOID: Duty = {
  reason: 'voided',
  missing: 'CENSUS_VOID_COPY_MISSING',
  notDelivered: 'CENSUS_VOID_COPY_NOT_DELIVERED',
  what: (c) =>
    `Certificate ${c.number} was voided on ${c.voidedAt?.slice(0, 10) ?? 'an unrecorded date'}`,
};

function dutyFinding(
  certificate: ReviewedCertificate,
  messages: readonly ReviewedMessage[],
  duty: Duty,
): ReviewFinding | null {
  const copies = messages.filter((m) => m.recipient === 'census' && m.reason === duty.reason);
  if (copies.some(isDelivered)) return null;
  const what = duty.what(certificate);
  if (copies.length === 0)
    return reviewFinding(
      duty.missing,
      certificate,
      `${what}, and no copy to Census was ever queued.`,
    );
  const last = copies[copies.length - 1];
  if (last === undefined || copies.every(isAbandoned))
    return reviewFinding(
      duty.missing,
      certificate,
      `${what}, and its copy to Census was ${STATUS_WORDS[last?.status ?? 'cancelled']} without being delivered${last?.lastError === null || last?.lastError === undefined ? '' : ` (${last.lastError})`}.`,
    );
  return reviewFinding(
    duty.notDelivered,
    certificate,
    `${what}, and its copy to Census is ${STATUS_WORDS[last.status]}, not delivered yet${last.lastError === null ? '' : ` (last error: ${last.lastError})`}.`,
  );
}

export function censusFindings(
  certificates: readonly ReviewedCertificate[],
  outbox: ReadonlyMap<number, readonly ReviewedMessage[]>,
): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const certificate of certificates) {
    // An imported record's copies went to Census outside KP Desk (importedFindings names it).
    if (certificate.importedFrom !== null) continue;
    const messages = outbox.get(certificate.id) ?? [];
    if (certificate.shipDate !== null) {
      const found = dutyFinding(certificate, messages, EXPORT);
      if (found !== null) findings.push(found);
    }
    if (certificate.state === 'VOIDED') {
      const found = dutyFinding(certificate, messages, VOID);
      if (found !== null) findings.push(found);
    }
  }
  return findings;
}
