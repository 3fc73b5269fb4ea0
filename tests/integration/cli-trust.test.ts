// `kpdesk trust` on the built CLI against a real encrypted vault, with a CA certificate made by
// OpenSSL: an administrator adds and removes, a reviewer lists but may not add, a file that is
// not a certificate is refused (exit 2, typed error), and the audit chain stays whole.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault } from '../../electron/core/vault/keys/create-vault';
import { unlockVault } from '../../electron/core/vault/keys/unlock-vault';
import { createVaultServices } from '../../electron/core/vault/vault-services';
import type { AppError } from '../../shared/errors';
import type { BuiltCli, Outcome } from './cli-built';
import { buildCli, runLauncher } from './cli-built';

const exec = promisify(execFile);
const PASSPHRASE = 'correct horse battery staple';
const PASSWORD = 'a user password 42';
const TEST_KDF = { N: 1024, r: 8, p: 1 };

let cli: BuiltCli | undefined;
let work = '';
let vaultDir = '';
let fingerprint = '';

async function kpdesk(args: string[]): Promise<Outcome> {
  if (cli === undefined) throw new Error('CLI not built');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('KPDESK_')),
  );
  return runLauncher(cli.launcher, [...args, '--dir', vaultDir, '--json'], {
    cwd: work,
    env: { ...env, HOME: work, KPDESK_PASSPHRASE: PASSPHRASE, KPDESK_PASSWORD: PASSWORD },
  });
}
const errorOf = (outcome: Outcome): AppError =>
  (JSON.parse(outcome.stdout) as { error: AppError }).error;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kpdesk-trust-cli-'));
  vaultDir = join(work, 'vault');
  const created = await createVault({ dir: vaultDir, passphrase: PASSPHRASE, kdf: TEST_KDF });
  const services = createVaultServices(created.db, { passwordHashing: TEST_KDF });
  const first = services.issuance.createFirstAdministrator({
    username: 'ada',
    displayName: 'Ada Admin',
    password: PASSWORD,
  });
  services.issuance.createUser(
    { userId: first.id, role: 'administrator' },
    { username: 'rita', displayName: 'Rita Reviewer', role: 'reviewer', password: PASSWORD },
  );
  created.db.close();
  await exec('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', join(work, 'ca.key'), '-out', join(work, 'ca.pem'), '-days', '3650',
    '-subj', '/C=US/O=Test Kimberley Process Authority/CN=Test KP Root CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign',
  ]); // prettier-ignore
  const out = await exec('openssl', [
    'x509',
    '-in',
    join(work, 'ca.pem'),
    '-noout',
    '-fingerprint',
    '-sha256',
  ]);
  fingerprint = out.stdout.trim().replace(/^.*=/, '');
  await writeFile(join(work, 'notes.pem'), 'not a certificate');
  cli = await buildCli();
}, 120_000);

afterAll(async () => {
  await cli?.remove();
  await rm(work, { recursive: true, force: true });
});

describe('kpdesk trust (built CLI)', () => {
  it('adds, lists and removes by role; refuses what is not a certificate', async () => {
    const refused = await kpdesk([
      'trust',
      'add',
      'ca.pem',
      '--label',
      'USKPA root',
      '--user',
      'rita',
    ]);
    expect(refused.code).toBe(2);
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    const noLabel = await kpdesk(['trust', 'add', 'ca.pem', '--user', 'ada']);
    expect(noLabel.code).toBe(2);
    expect(errorOf(noLabel).message).toContain('--label');
    const notCertificate = await kpdesk([
      'trust',
      'add',
      'notes.pem',
      '--label',
      'x',
      '--user',
      'ada',
    ]);
    expect(notCertificate.code).toBe(2);
    expect(errorOf(notCertificate).code).toBe('TRUSTED_CERTIFICATE_INVALID');

    const added = await kpdesk([
      'trust',
      'add',
      'ca.pem',
      '--label',
      'USKPA root',
      '--user',
      'ada',
    ]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      added: {
        label: 'USKPA root',
        fingerprintSha256: fingerprint,
        kind: 'certification-authority',
      },
    });
    const listed = await kpdesk(['trust', 'list', '--user', 'rita']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { trusted: unknown[] }).trusted).toHaveLength(1);

    const removed = await kpdesk(['trust', 'remove', fingerprint, '--user', 'ada']);
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({ removed: { label: 'USKPA root' } });
    const after = await kpdesk(['trust', '--user', 'ada']);
    expect(JSON.parse(after.stdout)).toEqual({ trusted: [] });

    const db = await unlockVault({ dir: vaultDir, secret: { passphrase: PASSPHRASE } });
    try {
      expect(createVaultServices(db).audit.verify()).toMatchObject({ ok: true });
      expect(
        db
          .prepare('SELECT label, removed_at IS NOT NULL AS removed FROM trusted_certificates')
          .all(),
      ).toEqual([{ label: 'USKPA root', removed: 1 }]);
    } finally {
      db.close();
    }
  });
});
