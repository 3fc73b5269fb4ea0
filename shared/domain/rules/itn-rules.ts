import { parseIsoDate } from '../calendar-date';
import type { CertificateDraft } from '../certificate-draft';
import { normalizeCertificateNumber } from '../certificate-number';
import type { Finding } from '../finding';
import { normalizeItn, readItn } from '../itn';
import { sources } from '../sources';
import type { ValidationContext } from '../validation-report';
import { error, finding, warning } from './finding-builder';

export function checkItn(draft: CertificateDraft, context: ValidationContext): Finding[] {
  const reading = readItn(draft.itn);
  switch (reading.kind) {
    case 'missing':
      // Missing ITN is among the most common errors (Census 2019); a draft may not have it yet.
      return [
        finding(
          context.purpose === 'issue' ? 'error' : 'warning',
          'ITN_MISSING',
          'itn',
          'File the Electronic Export Information in AES before export and enter the ITN it returns (X + 14 digits). Without it the certificate is not validated.',
          sources.itn,
        ),
      ];
    case 'format':
      return [
        error(
          'ITN_FORMAT',
          'itn',
          `"${normalizeItn(draft.itn)}" is not an ITN: it is "X" followed by 14 digits, e.g. X20261127123456.`,
          sources.itn,
        ),
      ];
    case 'date':
      return [
        error(
          'ITN_DATE_INVALID',
          'itn',
          `The ITN's digits 2-9 must be the AES acceptance date (YYYYMMDD), but ${normalizeItn(draft.itn).slice(1, 9)} is not a real date. Check the ITN against the AES response.`,
          sources.itn,
        ),
      ];
    case 'ok':
      break;
  }
  const findings: Finding[] = [];
  // One AES filing returns one ITN for one shipment; a shipment under several HS codes has one
  // certificate per code and may share it, so this is a warning that names the other certificate
  // (Census 2019: ITN and KP numbers mis-keyed are common errors).
  const own = normalizeCertificateNumber(draft.number);
  const others = (context.certificatesWithItn?.get(normalizeItn(draft.itn)) ?? []).filter(
    (number) => number !== own,
  );
  if (others.length > 0) {
    findings.push(
      warning(
        'ITN_USED_ELSEWHERE',
        'itn',
        `The ITN ${normalizeItn(draft.itn)} is already on certificate ${others.join(', ')}. Use it again only for another certificate of the same shipment (one per HS code); otherwise enter this shipment's own ITN.`,
        sources.itnOncePerShipment,
      ),
    );
  }
  const exportDay = parseIsoDate(draft.exportDate);
  const issueDay = parseIsoDate(draft.dateOfIssue);
  // Rough diamonds are always filed before departure (15 CFR 30.4), so an ITN accepted after
  // the planned export date means a wrong ITN or a wrong date.
  if (exportDay !== null && reading.day > exportDay) {
    findings.push(
      warning(
        'ITN_AFTER_EXPORT',
        'itn',
        'The ITN was accepted after the planned export date, but AES filing must happen before departure. Check the ITN and the export date.',
        sources.itnTiming,
      ),
    );
  }
  const limit = context.settings.itnMaxDaysFromIssue;
  if (issueDay !== null && Math.abs(reading.day - issueDay) > limit) {
    findings.push(
      warning(
        'ITN_FAR_FROM_ISSUE',
        'itn',
        `The ITN's date is ${Math.abs(reading.day - issueDay)} days from the date of issue (more than ${limit}). It may belong to another shipment.`,
        sources.itnTiming,
      ),
    );
  }
  return findings;
}
