// `kpdesk export-audit-package` and `kpdesk review --package` on the built CLI against a real
// encrypted vault with a signing identity and a signed certificate: an operator is refused; a
// reviewer exports (the export is audited, an existing file is never replaced); the package is
// reviewed read-only with its verification named ("not trusted here" without --trust, trusted
// with the licensee's certificate); the wrong passphrase and an altered file are refused with
// their own codes (exit 2); an error-level finding in the package's records gives exit 1.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCliComputerForSigning } from './cli-signing-computer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import { toPem } from '../../electron/core/documents/signing/identity';
import { createVault } from '../../electron/core/vault/keys/create-vault';
import { unlockVault } from '../../electron/core/vault/keys/unlock-vault';
import { createIdentityRepository } from '../../electron/core/vault/repositories/identity-repository';
import { createSubmissionService } from '../../electron/core/submission/submission-service';
import { createVaultServices } from '../../electron/core/vault/vault-services';
import type { AppError } from '../../shared/errors';
import type { ReviewReport } from '../../shared/review/review-report';
import type { PackageVerification } from '../../cli/review-package';
import type { BuiltCli, Outcome } from './cli-built';
import { buildCli, runLauncher } from './cli-built';
import { validDraft } from './vault/vault-fixture';

const PASSPHRASE = 'correct horse battery staple';
const PASSWORD = 'a user password 42';
const PACKAGE_PASSPHRASE = 'for the reviewer only, 2026';
const TEST_KDF = { N: 1024, r: 8, p: 1 };
const NOW = new Date('2026-11-27T10:00:00.000Z');

let cli: BuiltCli | undefined;
let work = '';
let vaultDir = '';

async function kpdesk(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  if (cli === undefined) throw new Error('CLI not built');
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('KPDESK_')),
  );
  return runLauncher(cli.launcher, args, {
    cwd: work,
    env: { ...base, HOME: work, KPDESK_PASSPHRASE: PASSPHRASE, KPDESK_PASSWORD: PASSWORD, ...env },
  });
}
const errorOf = (outcome: Outcome): AppError =>
  (JSON.parse(outcome.stdout) as { error: AppError }).error;

type PackageReport = ReviewReport & { package: PackageVerification };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kpdesk-package-cli-'));
  vaultDir = join(work, 'vault');
  const created = await createVault({ dir: vaultDir, passphrase: PASSPHRASE, kdf: TEST_KDF });
  const now = () => NOW;
  const services = createVaultServices(created.db, { now, passwordHashing: TEST_KDF });
  const { issuance } = services;
  const first = issuance.createFirstAdministrator({
    username: 'ada',
    displayName: 'Ada Admin',
    password: PASSWORD,
  });
  const admin = { userId: first.id, role: 'administrator' } as const;
  for (const [username, role] of [
    ['rita', 'reviewer'],
    ['otto', 'operator'],
  ] as const)
    issuance.createUser(admin, { username, displayName: username, role, password: PASSWORD });
  issuance.saveLicensee(admin, {
    legalName: 'Hudson Rough Diamond Trading LLC',
    address: '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
    tin: '12-3456789',
    isCommonCarrier: false,
  });
  issuance.registerStock(admin, { numbers: 'US12340-US12349', description: 'Book 1' });
  const documents = documentOperationsFor(created.db, { now, resourcesDir: undefined });
  documents.identity.generate(admin, { signerName: 'Ada Admin' });
  const { id } = issuance.createDraft(admin, { number: 'US12340', draft: validDraft('US12340') });
  issuance.recordItn(admin, { id, itn: 'X20261127123456' });
  issuance.issue(admin, {
    id,
    attested: true,
    packaging: { description: 'Sealed tamper-evident box', sealNumbers: ['S-1'] },
    warranty: { statement: 'The diamonds herein invoiced…', invoiceNumbers: ['INV-1'] },
  });
  await documents.sign(admin, { certificateId: id });
  // The package is signed like a certificate: this computer (HOME) is opened for signing by the
  // administrator, as `kpdesk identity open-workstation` does (issue 13).
  await openCliComputerForSigning(created.db, admin, work);
  const leaf = createIdentityRepository(created.db, now).active()?.identity.certificateChainDer[0];
  if (leaf === undefined) throw new Error('no identity');
  writeFileSync(join(work, 'licensee.pem'), toPem('CERTIFICATE', leaf));
  writeFileSync(join(work, 'package-pass.txt'), `${PACKAGE_PASSPHRASE}\n`, { mode: 0o600 });
  created.db.close();
  cli = await buildCli();
}, 240_000);

afterAll(async () => {
  await cli?.remove();
  await rm(work, { recursive: true, force: true });
});

const exportArgs = (file: string, user: string): string[] => [
  'export-audit-package',
  file,
  '--dir',
  vaultDir,
  '--user',
  user,
  '--package-passphrase-file',
  'package-pass.txt',
  '--json',
];

describe('kpdesk export-audit-package and review --package (built CLI)', () => {
  it('refuses an operator; a reviewer exports, audited; never over an existing file', async () => {
    const operator = await kpdesk(exportArgs('by-otto.kpdesk-audit', 'otto'));
    expect(operator.code).toBe(2);
    expect(errorOf(operator)).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(operator).message).toMatch(/An operator cannot export an audit package/);
    expect(existsSync(join(work, 'by-otto.kpdesk-audit'))).toBe(false);

    const outcome = await kpdesk(exportArgs('records.kpdesk-audit', 'rita'));
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
    const written = JSON.parse(outcome.stdout) as { sha256: string; documents: number };
    const bytes = readFileSync(join(work, 'records.kpdesk-audit'));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(written.sha256);
    expect(written.documents).toBe(1);

    const db = await unlockVault({ dir: vaultDir, secret: { passphrase: PASSPHRASE } });
    try {
      const row = db
        .prepare<[], { package_sha256: string; action: string }>(
          `SELECT p.package_sha256, e.action FROM audit_package_exports AS p
             JOIN audit_events AS e ON e.entity_type = 'audit_package_export'
                                   AND e.entity_id = CAST(p.id AS TEXT)`,
        )
        .get();
      expect(row).toEqual({ package_sha256: written.sha256, action: 'audit-package.export' });
    } finally {
      db.close();
    }

    const again = await kpdesk(exportArgs('records.kpdesk-audit', 'rita'));
    expect(again.code).toBe(2);
    expect(errorOf(again).message).toMatch(/already exists; an audit package never replaces/);
  });

  it('reviews the package read-only: not trusted here without --trust, trusted with it', async () => {
    const plain = await kpdesk([
      'review',
      '--package',
      'records.kpdesk-audit',
      '--passphrase-file',
      'package-pass.txt',
    ]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toMatch(
      /WARN signature: Signed by .*Ada Admin.*, whose certificate is not trusted here/,
    );
    expect(plain.stderr).toMatch(/ok {3}documents: All 1 stored signed PDFs verified/);
    expect(plain.stdout).toMatch(/USKPA_REPORT_NOT_DELIVERED/);

    const trusted = await kpdesk([
      'review',
      '--package',
      'records.kpdesk-audit',
      '--passphrase-file',
      'package-pass.txt',
      '--trust',
      'licensee.pem',
      '--format',
      'json',
    ]);
    expect(trusted.code).toBe(0);
    const report = JSON.parse(trusted.stdout) as PackageReport;
    expect(report.package.signature).toBe('trusted');
    expect(report.package.checks.map((c) => c.status)).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
      'passed',
    ]);
    expect(report.counts).toEqual({ error: 0, warning: 1, info: 0 });
    expect(report.vault.licensee).toBe('Hudson Rough Diamond Trading LLC');
  });

  it('refuses the wrong passphrase and an altered file with their own codes (exit 2)', async () => {
    const wrong = await kpdesk(['review', '--package', 'records.kpdesk-audit', '--json'], {
      KPDESK_PACKAGE_PASSPHRASE: 'a wrong passphrase here',
    });
    expect(wrong.code).toBe(2);
    expect(errorOf(wrong).code).toBe('AUDIT_PACKAGE_PASSPHRASE_WRONG');

    const bytes = readFileSync(join(work, 'records.kpdesk-audit'));
    bytes[bytes.length - 40] = (bytes[bytes.length - 40] ?? 0) ^ 0x80;
    writeFileSync(join(work, 'altered.kpdesk-audit'), bytes);
    const altered = await kpdesk(['review', '--package', 'altered.kpdesk-audit', '--json'], {
      KPDESK_PACKAGE_PASSPHRASE: PACKAGE_PASSPHRASE,
    });
    expect(altered.code).toBe(2);
    expect(errorOf(altered)).toMatchObject({
      code: 'AUDIT_PACKAGE_INVALID',
      fields: { check: 'decryption' },
    });
  });

  it('exits 1 when the package records an error-level finding', async () => {
    // The USKPA report of US12340 is cancelled by the app's own operation: USKPA_REPORT_MISSING.
    const db = await unlockVault({ dir: vaultDir, secret: { passphrase: PASSPHRASE } });
    try {
      const admin = { userId: 1, role: 'administrator' } as const;
      const outboxId = db
        .prepare<[], number>("SELECT id FROM outbox WHERE recipient = 'uskpa' LIMIT 1")
        .pluck()
        .get();
      createSubmissionService(db, { now: () => NOW }).cancel(admin, outboxId ?? 0);
    } finally {
      db.close();
    }
    const exported = await kpdesk(exportArgs('after-cancel.kpdesk-audit', 'ada'));
    expect(exported.code, exported.stdout).toBe(0);
    const outcome = await kpdesk(
      ['review', '--package', 'after-cancel.kpdesk-audit', '--format', 'csv'],
      { KPDESK_PACKAGE_PASSPHRASE: PACKAGE_PASSPHRASE },
    );
    expect(outcome.code, outcome.stderr).toBe(1);
    expect(outcome.stdout).toMatch(/^error,USKPA_REPORT_MISSING,US12340,/m);
  });
});
