// A draft as the preview prints it: what is already readable is shown exactly as the issued
// certificate will print it, what is missing or not yet valid stays blank (no number before a
// form is taken from stock, no ITN before AES accepts the filing). The draft's rules are not
// run here; the wizard shows their findings beside the preview.
import type { CertificateDraft } from '../../../../shared/domain/certificate-draft';
import {
  CERTIFICATE_NUMBER,
  normalizeCertificateNumber,
} from '../../../../shared/domain/certificate-number';
import { readHundredths } from '../../../../shared/domain/decimal';
import { ITN_PATTERN, normalizeItn } from '../../../../shared/domain/itn';
import { normalizeHsCode } from '../../../../shared/domain/rules/hs-code-rules';
import type { PrintableRecord } from './certificate-field-contents';
import { formatCertificateDate, MIXED_ORIGIN } from './format-certificate-values';

const COUNTRY_CODE = /^[A-Z]{2}$/;

function calendarDate(text: string): string {
  const date = text.trim();
  try {
    formatCertificateDate(date);
    return date;
  } catch {
    return '';
  }
}

const hundredths = (text: string): number | null => {
  const reading = readHundredths(text);
  return reading.kind === 'ok' ? reading.hundredths : null;
};

export function previewRecordFromDraft(draft: CertificateDraft): PrintableRecord {
  const number = normalizeCertificateNumber(draft.number);
  const origin = draft.countryOfOrigin.trim().toUpperCase();
  const itn = normalizeItn(draft.itn);
  const parcels = draft.parcels.trim();
  return {
    number: CERTIFICATE_NUMBER.test(number) ? number : '',
    countryOfOrigin: COUNTRY_CODE.test(origin) || origin === MIXED_ORIGIN ? origin : '',
    dateOfIssue: calendarDate(draft.dateOfIssue),
    dateOfExpiry: calendarDate(draft.dateOfExpiry),
    exportDate: calendarDate(draft.exportDate),
    exporter: { name: draft.exporter.name.trim(), address: draft.exporter.address.trim() },
    consignee: { name: draft.consignee.name.trim(), address: draft.consignee.address.trim() },
    destinationCountry: draft.destinationCountry.trim().toUpperCase(),
    caratHundredths: hundredths(draft.carats),
    valueCents: hundredths(draft.valueUsd),
    parcels: /^\d{1,9}$/.test(parcels) ? Number(parcels) : null,
    hsCode: normalizeHsCode(draft.hsCodes[0] ?? ''),
    itn: ITN_PATTERN.test(itn) ? itn : '',
  };
}
