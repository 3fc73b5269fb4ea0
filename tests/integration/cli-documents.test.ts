// `kpdesk issue` and `kpdesk verify` of the BUILT CLI, run as a script runs them: a child process,
// secrets in environment variables, no terminal. The vault is made in-process with the test-size
// scrypt cost (recorded in its key file, so unlocking stays fast) and a generated signing identity.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault } from '../../electron/core/vault/keys/create-vault';
import { unlockVault } from '../../electron/core/vault/keys/unlock-vault';
import { openCliComputerForSigning } from './cli-signing-computer';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import { createVaultServices } from '../../electron/core/vault/vault-services';
import type { AppError } from '../../shared/errors';
import type { BuiltCli, Outcome } from './cli-built';
import { buildCli, runLauncher } from './cli-built';

const exec = promisify(execFile);
const PASSPHRASE = 'correct horse battery staple';
const PASSWORD = 'ada admin password 42';
const TEST_KDF = { N: 1024, r: 8, p: 1 };
const fixtures = fileURLToPath(new URL('../fixtures/certificates/', import.meta.url));

let cli: BuiltCli | undefined;
let work = '';
let vaultDir = '';
let sealKeyPem = '';
let draftId = 0;

async function kpdesk(args: string[]): Promise<Outcome> {
  if (cli === undefined) throw new Error('CLI not built');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('KPDESK_')),
  );
  return runLauncher(cli.launcher, args, {
    cwd: work,
    env: { ...env, HOME: work, KPDESK_PASSPHRASE: PASSPHRASE, KPDESK_PASSWORD: PASSWORD },
  });
}

const vaultArgs = () => ['--dir', vaultDir, '--user', 'ada'];
const issueArgs = ['--attest', '--packaging', 'Sealed box', '--warranty', 'Conflict-free.'];
const errorOf = (outcome: Outcome): AppError =>
  (JSON.parse(outcome.stdout) as { error: AppError }).error;

/** Opens the vault in-process for a look (or a change) and closes it again. */
async function withVault<R>(
  use: (
    services: ReturnType<typeof createVaultServices>,
    db: Awaited<ReturnType<typeof unlockVault>>,
  ) => R,
): Promise<R> {
  const db = await unlockVault({ dir: vaultDir, secret: { passphrase: PASSPHRASE } });
  try {
    return use(createVaultServices(db, { passwordHashing: TEST_KDF }), db);
  } finally {
    db.close();
  }
}

const auditCount = () => withVault((services) => services.audit.verify().eventsChecked);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kpdesk-documents-cli-'));
  vaultDir = join(work, 'vault');
  const created = await createVault({ dir: vaultDir, passphrase: PASSPHRASE, kdf: TEST_KDF });
  const services = createVaultServices(created.db, { passwordHashing: TEST_KDF });
  const first = services.issuance.createFirstAdministrator({
    username: 'ada',
    displayName: 'Ada Admin',
    password: PASSWORD,
  });
  const admin = { userId: first.id, role: 'administrator' as const };
  services.issuance.saveLicensee(admin, {
    legalName: 'Hudson Rough Diamond Trading LLC',
    address: '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
    tin: '12-3456789',
    isCommonCarrier: false,
  });
  services.issuance.registerStock(admin, { numbers: 'US12345-US12349' });
  const valid = JSON.parse(await readFile(join(fixtures, 'valid.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  // A vault draft without its ITN yet, for --draft.
  draftId = services.issuance.createDraft(admin, {
    number: 'US12347',
    draft: {
      ...valid,
      number: 'US12347',
      itn: '',
      aes: { ...(valid.aes as object), licenseNumber: '12347' },
    },
  }).id;
  const operations = documentOperationsFor(created.db, {
    now: () => new Date(),
    resourcesDir: undefined,
  });
  sealKeyPem =
    operations.identity.generate(admin, { signerName: 'Ada Admin', keyType: 'ecdsa-p256' }).identity
      .sealPublicKeyPem ?? '';
  // `kpdesk issue` signs on this computer (HOME), opened for signing by the administrator.
  await openCliComputerForSigning(created.db, admin, work);
  // The signer's certificate, as the licensee hands it to a partner with the seal key.
  const signerPem = created.db
    .prepare<[], string>('SELECT certificate_chain_pem FROM signing_identities')
    .pluck()
    .get();
  created.db.close();
  await writeFile(join(work, 'seal.pem'), sealKeyPem);
  await writeFile(join(work, 'signer.pem'), signerPem ?? '');
  cli = await buildCli();
}, 120_000);

afterAll(async () => {
  await cli?.remove();
  await rm(work, { recursive: true, force: true });
});

describe('kpdesk issue (built CLI)', () => {
  it('refuses a certificate with error findings, and missing options, changing nothing', async () => {
    const before = await auditCount();
    const bad = await kpdesk([
      'issue',
      join(fixtures, 'bad-origin-us.json'),
      ...issueArgs,
      ...vaultArgs(),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('countryOfOrigin');
    const noAttest = await kpdesk([
      'issue', join(fixtures, 'valid.json'), '--packaging', 'Box', '--warranty', 'W', ...vaultArgs(), '--json',
    ]); // prettier-ignore
    expect(noAttest.code).toBe(2);
    expect(errorOf(noAttest)).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { '--attest': 'required' },
    });
    expect(await auditCount()).toBe(before);
    expect(existsSync(join(work, 'US12345.pdf'))).toBe(false);
  });

  it('issues a certificate file: number from stock, ITN, signed PDF that pdfsig accepts', async () => {
    const outcome = await kpdesk([
      'issue',
      join(fixtures, 'valid.json'),
      ...issueArgs,
      ...vaultArgs(),
      '--json',
    ]);
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
    const output = JSON.parse(outcome.stdout) as { number: string; state: string; file: string };
    expect(output).toMatchObject({ number: 'US12345', state: 'ISSUED', itn: 'X20261127123456' });
    expect(output.file).toBe(join(work, 'US12345.pdf'));
    const { stdout } = await exec('pdfsig', [output.file]);
    expect(stdout).toContain('Signature is Valid.');
    expect(stdout).toContain('Total document signed');
    await withVault((services) => {
      expect(services.certificates.getByNumber('US12345')?.state).toBe('ISSUED');
      expect(services.stock.counts()).toMatchObject({ used: 2 });
      expect(services.audit.verify()).toMatchObject({ ok: true });
    });
    // The same number again: refused by stock, nothing written.
    const before = await auditCount();
    const again = await kpdesk([
      'issue', join(fixtures, 'valid.json'), ...issueArgs, ...vaultArgs(), '--out', 'again.pdf', '--json',
    ]); // prettier-ignore
    expect(again.code).toBe(2);
    expect(errorOf(again).code).toBe('STOCK_NUMBER_UNAVAILABLE');
    expect(existsSync(join(work, 'again.pdf'))).toBe(false);
    expect(await auditCount()).toBe(before);
  });

  it('issues a vault draft with the ITN given on the command line', async () => {
    const outcome = await kpdesk([
      'issue', '--draft', String(draftId), '--itn', 'X20261127654321', ...issueArgs, ...vaultArgs(),
    ]); // prettier-ignore
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toContain('Issued US12347');
    expect(existsSync(join(work, 'US12347.pdf'))).toBe(true);
    await withVault((services) => {
      expect(services.certificates.get(draftId)).toMatchObject({ state: 'ISSUED' });
      expect(services.attachments.list(draftId)).toHaveLength(1);
    });
  });
});

describe('kpdesk verify (built CLI)', () => {
  it('verifies without a vault: VALID only with the seal key and the trusted signer', async () => {
    const file = join(work, 'US12345.pdf');
    const bare = await kpdesk(['verify', file, '--json']);
    expect(bare.code).toBe(1);
    const bareResult = JSON.parse(bare.stdout) as { result: Record<string, { status: string }> };
    expect(bareResult.result.integrity?.status).toBe('intact');
    expect(bareResult.result.seal?.status).toBe('not established');
    // The seal key alone proves the seal, not who signed the file: INDETERMINATE, exit 1.
    const sealed = await kpdesk(['verify', file, '--seal-key', 'seal.pem']);
    expect(sealed.code, sealed.stdout).toBe(1);
    expect(sealed.stdout).toContain(
      'ETSI EN 319 102-1: INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND',
    );
    expect(sealed.stdout).not.toMatch(/\bvalid\b|genuine/i);
    const trusted = await kpdesk([
      'verify', file, '--seal-key', 'seal.pem', '--trust', 'signer.pem',
    ]); // prettier-ignore
    expect(trusted.code, trusted.stdout).toBe(0);
    expect(trusted.stdout).toContain(': VALID:');
    expect(trusted.stdout).toContain('ETSI EN 319 102-1: TOTAL-PASSED');
    expect(trusted.stdout).toContain('voided later is not established');
  });

  it('verifies against the vault: trusted signer, record match, stored document', async () => {
    const outcome = await kpdesk(['verify', 'US12345.pdf', '--vault', '--dir', vaultDir, '--json']);
    expect(outcome.code, outcome.stdout).toBe(0);
    const output = JSON.parse(outcome.stdout) as {
      result: { chain: { status: string }; record: { status: string } };
      vault: unknown;
    };
    expect(output.result.chain.status).toBe('trusted');
    expect(output.result.record.status).toBe('match');
    expect(output.vault).toMatchObject({ number: 'US12345', storedDocument: 'certificate' });
  });

  it('says FAILED for a changed file or one that is not a certificate, 2 for no file', async () => {
    const bytes = await readFile(join(work, 'US12345.pdf'));
    const at = bytes.indexOf('US12345', 2000);
    bytes[at + 6] = '9'.charCodeAt(0);
    await writeFile(join(work, 'changed.pdf'), bytes);
    const changed = await kpdesk(['verify', 'changed.pdf', '--seal-key', 'seal.pem', '--json']);
    expect(changed.code).toBe(1);
    const changedResult = JSON.parse(changed.stdout) as {
      result: { indication: string; subIndication: string };
    };
    expect(changedResult.result).toMatchObject({
      indication: 'TOTAL-FAILED',
      subIndication: 'HASH_FAILURE',
    });
    await copyFile(join(fixtures, 'valid.json'), join(work, 'not-a-pdf.pdf'));
    const notPdf = await kpdesk(['verify', 'not-a-pdf.pdf']);
    expect(notPdf.code).toBe(1);
    expect(notPdf.stdout).toContain('ETSI EN 319 102-1: TOTAL-FAILED / FORMAT_FAILURE');
    const missing = await kpdesk(['verify', 'missing.pdf', '--json']);
    expect(missing.code).toBe(2);
    expect(errorOf(missing).code).toBe('INVALID_INPUT');
  });
});
