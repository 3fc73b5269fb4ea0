// What the outbox rows carry: the certificate as read exactly (integer carats and cents) plus the
// facts of the step that made the message due. Built only from a draft that passed the rules.
import type { Certificate } from '../../../shared/domain/certificate';
import type { CanonicalValue } from '../vault/audit/canonical-json';

export function certificatePayload(
  certificate: Certificate,
  extra: Record<string, CanonicalValue>,
): CanonicalValue {
  return {
    number: certificate.number,
    countryOfOrigin: certificate.countryOfOrigin,
    dateOfIssue: certificate.dateOfIssue,
    dateOfExpiry: certificate.dateOfExpiry,
    exportDate: certificate.exportDate,
    exporter: certificate.exporter,
    consignee: certificate.consignee,
    destinationCountry: certificate.destinationCountry,
    caratHundredths: certificate.caratHundredths,
    valueCents: certificate.valueCents,
    parcels: certificate.parcels,
    hsCode: certificate.hsCode,
    itn: certificate.itn,
    ...extra,
  };
}
