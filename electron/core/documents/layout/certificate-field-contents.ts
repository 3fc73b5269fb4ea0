// What each box of the certificate says, as text runs: the formatted values of a Certificate
// (the exact record the vault stores), with the field path each run comes from so an error can
// point the licensee at the field to correct.
import type { Certificate } from '../../../../shared/domain/certificate';
import type { Party } from '../../../../shared/domain/certificate-draft';
import type { TextRun } from './fit-text';
import type { FormFieldKey } from './form-positions';
import { formBoxes } from './form-positions';
import {
  formatCarats,
  formatCertificateDate,
  formatCountryOfOrigin,
  formatUsDollarsFromCents,
} from './format-certificate-values';

export type FieldContent = { boxName: string; runs: TextRun[] };

/**
 * What the page prints: a Certificate, or a draft's preview in which whatever is not known yet
 * is blank ('' for text, null for amounts), e.g. no number or ITN before issuing.
 */
export type PrintableRecord = Omit<Certificate, 'caratHundredths' | 'valueCents' | 'parcels'> & {
  caratHundredths: number | null;
  valueCents: number | null;
  parcels: number | null;
};

const date = (iso: string): string => (iso === '' ? '' : formatCertificateDate(iso));

const run = (source: string, text: string, weight: TextRun['weight'] = 'bold'): TextRun => ({
  source,
  text,
  weight,
});

/** A name in bold, then the address one typed line at a time (the licensee's line breaks kept). */
function partyRuns(source: string, party: Party): TextRun[] {
  const addressLines = party.address
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return [
    run(`${source}.name`, party.name),
    ...addressLines.map((line) => run(`${source}.address`, line, 'regular')),
  ];
}

function content(key: FormFieldKey, runs: TextRun[]): FieldContent {
  return { boxName: formBoxes[key].label, runs };
}

export function certificateFieldContents(
  certificate: PrintableRecord,
): Readonly<Record<FormFieldKey | 'itn', FieldContent>> {
  return {
    countryOfOrigin: content('countryOfOrigin', [
      run(
        'countryOfOrigin',
        certificate.countryOfOrigin === ''
          ? ''
          : formatCountryOfOrigin(certificate.countryOfOrigin),
      ),
    ]),
    dateOfIssue: content('dateOfIssue', [run('dateOfIssue', date(certificate.dateOfIssue))]),
    dateOfExpiry: content('dateOfExpiry', [run('dateOfExpiry', date(certificate.dateOfExpiry))]),
    valueUsd: content('valueUsd', [
      run(
        'valueUsd',
        certificate.valueCents === null ? '' : formatUsDollarsFromCents(certificate.valueCents),
      ),
    ]),
    exporter: content('exporter', partyRuns('exporter', certificate.exporter)),
    parcels: content('parcels', [run('parcels', String(certificate.parcels ?? ''))]),
    consignee: content('consignee', partyRuns('consignee', certificate.consignee)),
    carats: content('carats', [
      run(
        'carats',
        certificate.caratHundredths === null ? '' : formatCarats(certificate.caratHundredths),
      ),
    ]),
    hsCode: content('hsCode', [run('hsCode', certificate.hsCode)]),
    // Empty while the AES filing is pending (a draft's preview): the box then stays blank.
    itn: { boxName: 'AES Confirmation Number (ITN)', runs: [run('itn', certificate.itn)] },
  };
}
