// Which of the certificate's fields a template filled: compared before and after, so the wizard
// shows their findings at once and says how many it filled.
import type { CertificateDraft, CertificateField } from '../../../shared/domain/certificate-draft';

const compared: readonly [CertificateField, (draft: CertificateDraft) => string][] = [
  ['exporter.name', (d) => d.exporter.name],
  ['exporter.address', (d) => d.exporter.address],
  ['consignee.name', (d) => d.consignee.name],
  ['consignee.address', (d) => d.consignee.address],
  ['countryOfOrigin', (d) => d.countryOfOrigin],
  ['destinationCountry', (d) => d.destinationCountry],
  ['hsCodes', (d) => d.hsCodes.join('\n')],
  ['parcels', (d) => d.parcels],
];

export function filledFields(
  before: CertificateDraft,
  after: CertificateDraft,
): CertificateField[] {
  return compared.filter(([, read]) => read(before) !== read(after)).map(([field]) => field);
}
