import { formatIsoDate, parseIsoDate } from '../calendar-date';
import type { CertificateDraft, CertificateField } from '../certificate-draft';
import type { Finding, FindingCode } from '../finding';
import { sources } from '../sources';
import type { ValidationContext } from '../validation-report';
import { error, finding } from './finding-builder';

type DateReading = { day: number | null; findings: Finding[] };

function readDate(
  text: string,
  field: CertificateField,
  label: string,
  codes: { missing: FindingCode; invalid: FindingCode },
  source: string,
  missingSeverity: 'error' | 'warning' = 'error',
): DateReading {
  if (text.trim() === '') {
    return {
      day: null,
      findings: [finding(missingSeverity, codes.missing, field, `Enter the ${label}.`, source)],
    };
  }
  const day = parseIsoDate(text);
  if (day === null) {
    const message = `"${text.trim()}" is not a real calendar date; write the ${label} as YYYY-MM-DD.`;
    return { day: null, findings: [error(codes.invalid, field, message, source)] };
  }
  return { day, findings: [] };
}

export function checkDates(draft: CertificateDraft, context: ValidationContext): Finding[] {
  const issue = readDate(
    draft.dateOfIssue,
    'dateOfIssue',
    'date of issue',
    { missing: 'ISSUE_DATE_MISSING', invalid: 'ISSUE_DATE_INVALID' },
    sources.dateOfIssue,
  );
  const expiry = readDate(
    draft.dateOfExpiry,
    'dateOfExpiry',
    'date of expiry',
    { missing: 'EXPIRY_DATE_MISSING', invalid: 'EXPIRY_DATE_INVALID' },
    sources.dateOfExpiry,
  );
  // The planned export date is not printed, but the date of issue must not be after it
  // (Census 2019); while drafting it may still be unknown.
  const exportDate = readDate(
    draft.exportDate,
    'exportDate',
    'planned export date',
    { missing: 'EXPORT_DATE_MISSING', invalid: 'EXPORT_DATE_INVALID' },
    sources.issueBeforeExport,
    context.purpose === 'issue' ? 'error' : 'warning',
  );
  const findings = [...issue.findings, ...expiry.findings, ...exportDate.findings];
  const maxDays = context.settings.expiryMaxDays;

  if (issue.day !== null && expiry.day !== null) {
    if (expiry.day <= issue.day) {
      findings.push(
        error(
          'EXPIRY_NOT_AFTER_ISSUE',
          'dateOfExpiry',
          'The date of expiry must be after the date of issue.',
          sources.dateOfExpiry,
        ),
      );
    } else if (context.settings.expiryMode === 'exactly' && expiry.day - issue.day !== maxDays) {
      // USKPA's own database issues certificates valid exactly 60 days (domain.md, OPEN: a setting).
      const exact = formatIsoDate(issue.day + maxDays);
      findings.push(
        error(
          'EXPIRY_NOT_EXACT',
          'dateOfExpiry',
          `The certificate expires ${String(expiry.day - issue.day)} days after issue; your settings say exactly ${String(maxDays)} days, so the date of expiry is ${exact}.`,
          sources.expiryLimit,
        ),
      );
    } else if (expiry.day - issue.day > maxDays) {
      const latest = formatIsoDate(issue.day + maxDays);
      findings.push(
        error(
          'EXPIRY_TOO_LATE',
          'dateOfExpiry',
          `The certificate expires ${expiry.day - issue.day} days after issue; at most ${maxDays} days are allowed, so the latest date of expiry is ${latest}.`,
          sources.expiryLimit,
        ),
      );
    }
  }
  if (issue.day !== null && exportDate.day !== null && issue.day > exportDate.day) {
    findings.push(
      error(
        'ISSUE_AFTER_EXPORT',
        'dateOfIssue',
        'The date of issue is after the planned export date. Issue the certificate on or before the day the shipment leaves.',
        sources.issueBeforeExport,
      ),
    );
  }
  // When the expiry is not even after the issue date, that finding already says what to fix.
  const expiryPlausible = issue.day === null || (expiry.day !== null && expiry.day > issue.day);
  if (
    expiry.day !== null &&
    exportDate.day !== null &&
    expiryPlausible &&
    exportDate.day > expiry.day
  ) {
    findings.push(
      error(
        'EXPORT_AFTER_EXPIRY',
        'exportDate',
        'The shipment would leave after the certificate expires. An expired certificate must not be used: void it and issue a new one.',
        sources.dateOfExpiry,
      ),
    );
  }
  findings.push(...checkAgainstToday(expiry.day, context.today));
  return findings;
}

// 31 CFR 592.307(e): a certificate is valid until its date of expiry; one that has expired must
// not be used (Census 2019: "an expired certificate used"). It is void and reissued instead. The
// day of expiry itself is still valid.
function checkAgainstToday(expiryDay: number | null, today: string | undefined): Finding[] {
  if (expiryDay === null || today === undefined) return [];
  const todayDay = parseIsoDate(today);
  if (todayDay === null || expiryDay >= todayDay) return [];
  return [
    error(
      'CERTIFICATE_EXPIRED',
      'dateOfExpiry',
      `The certificate expired on ${formatIsoDate(expiryDay)}; today is ${formatIsoDate(todayDay)}. An expired certificate must not be used: void it and issue a new one with new dates.`,
      sources.expired,
    ),
  ];
}
