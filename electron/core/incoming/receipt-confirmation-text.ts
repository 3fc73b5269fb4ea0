// The receipt confirmation owed to the foreign exporting authority (KPCS Section IV(c): the
// importing Participant confirms receipt of the shipment; within 15 calendar days of entry as the
// US practice, docs/domain.md). The same facts as the PDF: the certificate's number, parcels,
// carats, importer, exporter and the date received. Plain text for an e-mail the licensee sends
// from their own mail program (KP Desk does not know the foreign authority's address: OPEN).
import type { IncomingCertificate } from '../../../shared/incoming/incoming-certificate-input';
import { countryName, participantFor } from '../../../shared/reference/reference-data';

export type ReceiptConfirmation = { subject: string; body: string };

export function exportingParticipantName(code: string): string {
  return participantFor(code)?.name ?? countryName(code) ?? code;
}

/** The lines both forms carry, label and value. */
export function receiptFacts(record: IncomingCertificate): [string, string][] {
  return [
    ['KP certificate number', record.number],
    ['Exporting Participant', exportingParticipantName(record.exportingParticipant)],
    ['Issuing authority', record.issuingAuthority],
    ['Date of issue', record.dateOfIssue],
    ['Number of parcels', String(record.parcels)],
    ['Carat weight', `${record.carats} ct`],
    ['Importer', `${record.importer.name}, ${record.importer.address.replace(/\s*\n\s*/g, ', ')}`],
    ['Exporter', `${record.exporter.name}, ${record.exporter.address.replace(/\s*\n\s*/g, ', ')}`],
    ['Port of entry', record.portOfEntry],
    ['Date received (entry)', record.dateOfEntry],
  ];
}

export function receiptConfirmationText(record: IncomingCertificate): ReceiptConfirmation {
  const width = Math.max(...receiptFacts(record).map(([label]) => label.length));
  const lines = receiptFacts(record).map(([label, value]) => `${label.padEnd(width)}  ${value}`);
  return {
    subject: `Confirmation of receipt: Kimberley Process certificate ${record.number}`,
    body: [
      `To the Kimberley Process exporting authority of ${exportingParticipantName(record.exportingParticipant)},`,
      '',
      'We confirm that the shipment of rough diamonds covered by the Kimberley Process certificate below was received in the United States.',
      '',
      ...lines,
      '',
      record.importer.name,
      '',
    ].join('\n'),
  };
}
