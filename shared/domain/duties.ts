// The duties that follow a certificate's state (domain.md, "Duties and deadlines"), as what is
// still outstanding for one record. Two of the mistakes agencies see most are duties never done:
// a KPC never sent to Census, and issued certificates never reported to USKPA (Census 2019).
import type { CertificateState } from './lifecycle';

export type DutyFacts = {
  state: CertificateState;
  /** When a copy went to Census (fax or Kiteworks), if it did. */
  censusCopySentAt?: string;
  /** The last state reported to USKPA's database, if any. */
  uskpaReportedState?: CertificateState;
};

export type DutyCode =
  'CENSUS_EXPORT_COPY_DUE' | 'CENSUS_VOID_COPY_DUE' | 'USKPA_REPORT_DUE' | 'USKPA_STATUS_OUTDATED';

export type OutstandingDuty = { code: DutyCode; message: string; source: string };

// States that USKPA must know of: every certificate once issued, then each change of status.
const REPORTABLE: readonly CertificateState[] = [
  'ISSUED',
  'SHIPPED',
  'DELIVERED',
  'VOIDED',
  'EXPIRED',
];

export function outstandingDuties(facts: DutyFacts): OutstandingDuty[] {
  const duties: OutstandingDuty[] = [];
  const sentToCensus = facts.censusCopySentAt !== undefined;
  if ((facts.state === 'SHIPPED' || facts.state === 'DELIVERED') && !sentToCensus) {
    duties.push({
      code: 'CENSUS_EXPORT_COPY_DUE',
      message:
        'Send a copy of this certificate to the Census Bureau now: it is due immediately after export.',
      source: '31 CFR 592.301(a)(1)(iv); 15 CFR 30.7(c)',
    });
  }
  if (facts.state === 'VOIDED' && !sentToCensus) {
    duties.push({
      code: 'CENSUS_VOID_COPY_DUE',
      message:
        'Send a copy of the voided certificate to the Census Bureau now: it is due immediately on voiding.',
      source: '31 CFR 592.301(a)(1)(v); 15 CFR 30.4(e)',
    });
  }
  if (REPORTABLE.includes(facts.state)) {
    if (facts.uskpaReportedState === undefined) {
      duties.push({
        code: 'USKPA_REPORT_DUE',
        message:
          'Report this certificate to USKPA: every issued certificate must be in its database.',
        source: 'USKPA licence terms; Census 2019 licensee guidance',
      });
    } else if (facts.uskpaReportedState !== facts.state) {
      duties.push({
        code: 'USKPA_STATUS_OUTDATED',
        message: `USKPA still has this certificate as ${facts.uskpaReportedState.toLowerCase()}; report that it is now ${facts.state.toLowerCase()}.`,
        source: 'USKPA licence terms; Census 2019 licensee guidance',
      });
    }
  }
  return duties;
}
