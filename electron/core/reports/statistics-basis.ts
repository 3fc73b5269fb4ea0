// What puts a certificate in a period's statistics, and which certificates count.
//
// Date: the date of issue (box 4 of the certificate, 31 CFR 592.307; column date_of_issue). The
// KP statistics count the certificates a Participant issued in the period, with their carats and
// value (KPCS Section V(a) and Annex III: "the number of certificates issued", the data "on the
// basis of the certificates"); the US annual report to the KP follows them. The export or ship
// date is what Census's trade statistics (15 CFR 30) count; Census reconciles the two, so the
// basis is named in every report (docs/statistics.md).
//
// States: a certificate that was issued and not withdrawn counts: ISSUED, SHIPPED, DELIVERED.
// VOIDED certificates are never in the totals (a voided KPC must not travel, 31 CFR 592.301
// (a)(1)(v) sends Census a copy of it instead) but are counted apart, as USKPA and Census count
// voided forms. EXPIRED ones, issued but not shipped before the expiry date, must not be used
// (they are voided and reissued): also apart. Drafts and validated certificates were never
// issued and are not counted at all.
import type { StoredState } from '../vault/repositories/certificate-row';

export const COUNTED_STATES: readonly StoredState[] = ['ISSUED', 'SHIPPED', 'DELIVERED'];
export const APART_STATES: readonly StoredState[] = ['VOIDED', 'EXPIRED'];

export type StateClass = 'counted' | 'voided' | 'expired' | 'none';

export function classOfState(state: string): StateClass {
  if ((COUNTED_STATES as readonly string[]).includes(state)) return 'counted';
  if (state === 'VOIDED') return 'voided';
  if (state === 'EXPIRED') return 'expired';
  return 'none';
}
