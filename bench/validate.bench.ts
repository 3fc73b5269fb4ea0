// How long the certificate rules take on one certificate, against a floor measured in the same
// run: parsing the same object with CertificateDraftSchema, which every path (IPC, preview
// bridge, CLI) does anyway before the rules run. bench/README.md explains how to read the output.
// The rules run on every keystroke in the form and on every file of a carrier's batch, so they
// should stay a small multiple of the parse.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { CertificateDraftSchema } from '../shared/domain/certificate-draft';
import { validateCertificate } from '../shared/domain/validate-certificate';
import type { ValidationContext } from '../shared/domain/validation-report';
import { defaultValidationSettings } from '../shared/domain/validation-settings';

function fixture(name: string): unknown {
  const url = new URL(`../tests/fixtures/certificates/${name}`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8'));
}

const validInput = fixture('valid.json');
const valid = CertificateDraftSchema.parse(validInput);
// The bad fixtures' mistakes all at once (six error findings, each building its message).
const bad = CertificateDraftSchema.parse({
  ...valid,
  countryOfOrigin: 'US',
  dateOfExpiry: '2027-02-25',
  destinationCountry: 'KE',
  hsCodes: ['7102.31', '7102.21'],
  itn: 'X20191332000001',
});
const context: ValidationContext = { settings: defaultValidationSettings, purpose: 'issue' };

// Short runs: the whole file finishes in a few seconds (npm run bench).
const options = { time: 1_000, warmupTime: 200 };

describe('one certificate', () => {
  bench(
    'CertificateDraftSchema.parse (floor)',
    () => {
      CertificateDraftSchema.parse(validInput);
    },
    options,
  );
  bench(
    'validateCertificate, valid certificate',
    () => {
      validateCertificate(valid, context);
    },
    options,
  );
  bench(
    'validateCertificate, certificate with several errors',
    () => {
      validateCertificate(bad, context);
    },
    options,
  );
});
