// `kpdesk issue <file>` as the CLI tests run it: the valid fixture written into the test's work
// folder with its own number, ITN and AES licence number (each must be unique to a certificate),
// attested, with the packaging and warranty statements a licensee gives (31 CFR 592.301).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Outcome } from './cli-built';
import type { CliTestVault } from './cli-test-vault';

const fixtures = fileURLToPath(new URL('../fixtures/certificates/', import.meta.url));

/** The attestation, packaging and warranty options every test issue passes. */
export const ISSUE_STATEMENTS = [
  '--attest',
  '--packaging',
  'Sealed box',
  '--warranty',
  'Conflict-free.',
];

/** Writes US<digits>.json into `dir`; returns its name, relative to `dir`. */
export async function writeCertificateFile(dir: string, digits: string): Promise<string> {
  const valid = JSON.parse(await readFile(join(fixtures, 'valid.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const name = `US${digits}.json`;
  await writeFile(
    join(dir, name),
    JSON.stringify({
      ...valid,
      number: `US${digits}`,
      itn: `X202611271${digits}`,
      aes: { ...(valid.aes as object), licenseNumber: digits },
    }),
  );
  return name;
}

/** Issues US<digits> from a new file as `user`, with --json. */
export async function issueCertificateFile(
  vault: CliTestVault,
  digits: string,
  user: string,
  env: Record<string, string> = {},
  extra: string[] = [],
): Promise<Outcome> {
  const file = await writeCertificateFile(vault.work, digits);
  return vault.kpdesk(
    ['issue', file, ...ISSUE_STATEMENTS, '--user', user, '--json', ...extra],
    env,
  );
}
