// Every stored field of a certificate, grouped as on the form, read-only. Labels are the form's
// own (certificate/field-labels.ts), so a field reads the same here as where it was typed.
import type { ReactNode } from 'react';
import { fieldLabels } from '../certificate/field-labels';
import { useFormat } from '../format/use-format';
import { formatCountry, orDash } from './record-format';
import type { CertificateRecord } from './use-certificate-record';
import { userName } from './use-user-names';
import type { UserNames } from './use-user-names';

type Fact = [label: string, value: ReactNode];

function Facts({ title, facts }: { title: string; facts: readonly Fact[] }) {
  return (
    <section className="panel">
      <h2>{title}</h2>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const origin = (code: string): string =>
  code === '****' ? 'Mixed origin (****)' : formatCountry(code);

export function CertificateDetails({
  record,
  names,
}: {
  record: CertificateRecord;
  names: UserNames;
}) {
  const format = useFormat();
  const { draft } = record;
  const packaging = 'description' in record.packaging ? record.packaging : null;
  const warranty = 'statement' in record.warranty ? record.warranty : null;
  const aes = draft.aes;
  return (
    <>
      <Facts
        title="Parties"
        facts={[
          [fieldLabels['exporter.name'], orDash(draft.exporter.name)],
          [fieldLabels['exporter.address'], orDash(draft.exporter.address)],
          [fieldLabels['consignee.name'], orDash(draft.consignee.name)],
          [fieldLabels['consignee.address'], orDash(draft.consignee.address)],
          [fieldLabels.destinationCountry, formatCountry(draft.destinationCountry)],
        ]}
      />
      <Facts
        title="Shipment"
        facts={[
          [fieldLabels.countryOfOrigin, origin(draft.countryOfOrigin)],
          [fieldLabels.hsCodes, orDash(draft.hsCodes.join(', '))],
          [fieldLabels.carats, format.caratsText(draft.carats)],
          [fieldLabels.valueUsd, format.usdText(draft.valueUsd)],
          [fieldLabels.parcels, orDash(draft.parcels)],
        ]}
      />
      <Facts
        title="Dates"
        facts={[
          [fieldLabels.dateOfIssue, format.date(draft.dateOfIssue)],
          [fieldLabels.dateOfExpiry, format.date(draft.dateOfExpiry)],
          [fieldLabels.exportDate, format.date(draft.exportDate)],
          ['Issued (signed) at', format.timestamp(record.issuedAt)],
          ['Ship date', format.date(record.shipDate)],
          ['Delivered at', format.timestamp(record.deliveredAt)],
          ['Import confirmed', record.importConfirmed ? 'Yes' : 'No'],
          ['Expired at', format.timestamp(record.expiredAt)],
        ]}
      />
      <Facts
        title="AES filing"
        facts={[
          [fieldLabels.itn, orDash(draft.itn)],
          [fieldLabels['aes.licenseType'], orDash(aes?.licenseType)],
          [fieldLabels['aes.licenseNumber'], orDash(aes?.licenseNumber)],
          [fieldLabels['aes.licenseValue'], format.usdText(aes?.licenseValue ?? null)],
          ['From a foreign trade zone', aes?.fromForeignTradeZone === true ? 'Yes' : 'No'],
          [fieldLabels['aes.ftzNumber'], orDash(aes?.ftzNumber)],
        ]}
      />
      <Facts
        title="Packaging and warranty"
        facts={[
          ['Tamper-resistant packaging', orDash(packaging?.description)],
          ['Seal numbers', orDash(packaging?.sealNumbers.join(', '))],
          ['System of Warranties statement', orDash(warranty?.statement)],
          ['Invoice numbers', orDash(warranty?.invoiceNumbers.join(', '))],
          [
            'Warranty attested by',
            record.attestedBy === null ? '—' : userName(names, record.attestedBy),
          ],
        ]}
      />
      {record.state === 'VOIDED' ? (
        <Facts
          title="Void"
          facts={[
            ['Reason', orDash(record.voidReason)],
            ['Notes', orDash(record.voidNotes)],
            ['Voided at', format.timestamp(record.voidedAt)],
          ]}
        />
      ) : null}
      <Facts
        title="Record"
        facts={[
          ['Created', format.timestamp(record.createdAt)],
          ['Last changed', format.timestamp(record.updatedAt)],
          ['Version', String(record.version)],
        ]}
      />
    </>
  );
}
