// Expiry happens without anyone asking: an issued certificate not shipped by its date of expiry
// must not be used any more (31 CFR 592.307(e); domain.md, lifecycle). The vault gateway runs this
// when the vault is unlocked and when someone signs in, with the licensee's local date from main's
// clock. Each certificate is expired in its own transaction with its audit event (by KP Desk:
// no user), so one that cannot be expired (changed meanwhile) does not hold back the others.
import { parseIsoDate } from '../../../shared/domain/calendar-date';
import { transition } from '../../../shared/domain/lifecycle';
import type { CertificateRecord } from '../vault/repositories/certificate-row';
import type { IssuanceContext } from './issuance-context';
import { markExpired } from './shipment-operations';

export function expireOverdueCertificates(
  context: IssuanceContext,
  today: string,
): CertificateRecord[] {
  // Main's own clock, not input: a malformed date is a programming error, never a user's.
  if (parseIsoDate(today) === null) throw new Error(`expireOverdueCertificates: bad date ${today}`);
  const { db, repos } = context;
  const expireOne = db.transaction((id: number): CertificateRecord | null => {
    const current = repos.certificates.get(id);
    // Read again inside the write lock: shipped or voided since the search, it stays as it is;
    // and the lifecycle, not the search's text comparison, has the last word on the dates.
    if (current === null || current.state !== 'ISSUED') return null;
    const event = { type: 'expire', today, dateOfExpiry: current.draft.dateOfExpiry } as const;
    if (!transition(current.state, event).ok) return null;
    return markExpired(context, current, null, today);
  });
  const expired: CertificateRecord[] = [];
  for (const id of repos.certificates.overdueIssuedIds(today)) {
    const record = expireOne.immediate(id);
    if (record !== null) expired.push(record);
  }
  return expired;
}
