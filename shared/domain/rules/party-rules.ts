import { countryName, isIsoCountry, participantFor } from '../../reference/reference-data';
import type { CertificateDraft } from '../certificate-draft';
import { addressCountry, describeCountry, normalizeForMatch } from '../country-in-address';
import type { Finding } from '../finding';
import { sources } from '../sources';
import type { ValidationContext } from '../validation-report';
import { error } from './finding-builder';
import { MIXED_ORIGIN } from './origin-rules';

function required(
  value: string,
  code: Finding['code'],
  field: Finding['field'],
  message: string,
  source: string,
): Finding[] {
  return value.trim() === '' ? [error(code, field, message, source)] : [];
}

export function checkExporter(draft: CertificateDraft, context: ValidationContext): Finding[] {
  const findings = [
    ...required(
      draft.exporter.name,
      'EXPORTER_NAME_MISSING',
      'exporter.name',
      "Enter the exporter's name.",
      sources.parties,
    ),
    ...required(
      draft.exporter.address,
      'EXPORTER_ADDRESS_MISSING',
      'exporter.address',
      "Enter the exporter's address, ending with its country.",
      sources.parties,
    ),
  ];
  // USKPA's own form checks that the exporter's address names a country; it is the last line.
  if (draft.exporter.address.trim() !== '' && addressCountry(draft.exporter.address) === null) {
    findings.push(
      error(
        'EXPORTER_ADDRESS_NO_COUNTRY',
        'exporter.address',
        'The exporter\'s address must end with its country, e.g. "United States" on the last line.',
        sources.exporterCountry,
      ),
    );
  }
  const licensee = context.licensee;
  // Only the four common carriers may issue for third-party exporters; any other licensee is
  // always its own exporter (USKPA licence terms).
  if (
    licensee !== undefined &&
    !licensee.isCommonCarrier &&
    draft.exporter.name.trim() !== '' &&
    normalizeForMatch(draft.exporter.name) !== normalizeForMatch(licensee.name)
  ) {
    findings.push(
      error(
        'EXPORTER_NOT_LICENSEE',
        'exporter.name',
        `Only common carriers may issue certificates for other exporters; the exporter must be ${licensee.name}.`,
        sources.carrierOnly,
      ),
    );
  }
  return findings;
}

export function checkConsignee(draft: CertificateDraft): Finding[] {
  const findings = [
    ...required(
      draft.consignee.name,
      'CONSIGNEE_NAME_MISSING',
      'consignee.name',
      "Enter the ultimate consignee's name.",
      sources.parties,
    ),
    ...required(
      draft.consignee.address,
      'CONSIGNEE_ADDRESS_MISSING',
      'consignee.address',
      "Enter the ultimate consignee's address, ending with the country of destination.",
      sources.parties,
    ),
  ];
  const destination = draft.destinationCountry.trim().toUpperCase();
  const destinationFindings = checkDestination(destination, draft.destinationCountry.trim());
  findings.push(...destinationFindings);
  findings.push(...checkConsigneeCountry(draft, destination));
  return findings;
}

// The consignee's address must name the country of destination as its country: the country the
// address ends with (country-in-address.ts), not a word anywhere in it (31 CFR 592.307(g); Census
// 2019). Census also sees the country of origin put at the end instead.
function checkConsigneeCountry(draft: CertificateDraft, destination: string): Finding[] {
  const address = draft.consignee.address;
  if (address.trim() === '' || !isIsoCountry(destination)) return [];
  const wanted = countryName(destination) ?? destination;
  const found = addressCountry(address);
  if (found === null) {
    return [
      error(
        'CONSIGNEE_ADDRESS_NO_DESTINATION',
        'consignee.address',
        `The consignee's address must end with the country of destination, ${wanted}, on its last line; its end names no country.`,
        sources.consigneeCountry,
      ),
    ];
  }
  if (found.iso2 === destination) return [];
  const origin = draft.countryOfOrigin.trim().toUpperCase();
  if (found.iso2 === origin && origin !== MIXED_ORIGIN) {
    return [
      error(
        'CONSIGNEE_ADDRESS_ENDS_WITH_ORIGIN',
        'consignee.address',
        `The consignee's address ends with ${describeCountry(origin)}, the country of origin. It must end with the country of destination, ${wanted}.`,
        sources.consigneeCountry,
      ),
    ];
  }
  return [
    error(
      'CONSIGNEE_ADDRESS_NO_DESTINATION',
      'consignee.address',
      `The consignee's address ends with ${describeCountry(found.iso2)}, but the country of destination is ${describeCountry(destination)}. The address must end with the country of destination.`,
      sources.consigneeCountry,
    ),
  ];
}

function checkDestination(destination: string, typed: string): Finding[] {
  if (destination === '') {
    return [
      error(
        'DESTINATION_MISSING',
        'destinationCountry',
        'Enter the country of destination.',
        sources.destination,
      ),
    ];
  }
  if (!isIsoCountry(destination)) {
    return [
      error(
        'DESTINATION_UNKNOWN',
        'destinationCountry',
        `"${typed}" is not a two-letter ISO 3166 country code (e.g. BE for Belgium, AE for the United Arab Emirates).`,
        sources.destination,
      ),
    ];
  }
  if (destination === 'US') {
    return [
      error(
        'DESTINATION_US',
        'destinationCountry',
        'A US export certificate cannot name the United States as destination.',
        sources.destination,
      ),
    ];
  }
  const participant = participantFor(destination);
  if (participant === undefined) {
    return [
      error(
        'DESTINATION_NOT_PARTICIPANT',
        'destinationCountry',
        `${countryName(destination) ?? destination} is not a Kimberley Process Participant: rough diamonds may not be exported there.`,
        sources.destination,
      ),
    ];
  }
  // Separate US sanctions and export controls (Russia, Belarus): trade-measure-rules.ts.
  return [];
}
