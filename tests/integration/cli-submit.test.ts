// `kpdesk settings recipient`, `kpdesk submit` and `kpdesk submissions` on the built CLI against a
// real encrypted vault and the reference intake server (mutual TLS, signed receipts): bad settings
// are refused with the option named and a typed code, and nothing is sent; good settings deliver
// every due copy once, with progress on stderr, and the audit chain stays whole.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault } from '../../electron/core/vault/keys/create-vault';
import { createVaultServices } from '../../electron/core/vault/vault-services';
import type { IntakePki } from '../../preview/intake/intake-pki';
import { createIntakePki } from '../../preview/intake/intake-pki';
import type { IntakeServer } from '../../preview/intake/intake-server';
import { startIntakeServer } from '../../preview/intake/intake-server';
import type { AppError } from '../../shared/errors';
import type { BuiltCli, Outcome } from './cli-built';
import { buildCli, runLauncher } from './cli-built';

const PASSPHRASE = 'correct horse battery staple';
const PASSWORD = 'a user password 42';
const TEST_KDF = { N: 1024, r: 8, p: 1 };

let cli: BuiltCli | undefined;
let work = '';
let vaultDir = '';
let pki: IntakePki;
let server: IntakeServer;

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
  work = await mkdtemp(join(tmpdir(), 'kpdesk-submit-cli-'));
  vaultDir = join(work, 'vault');
  const created = await createVault({ dir: vaultDir, passphrase: PASSPHRASE, kdf: TEST_KDF });
  const services = createVaultServices(created.db, { passwordHashing: TEST_KDF });
  const first = services.issuance.createFirstAdministrator({
    username: 'ada',
    displayName: 'Ada Admin',
    password: PASSWORD,
  });
  const admin = { userId: first.id, role: 'administrator' } as const;
  services.issuance.createUser(admin, {
    username: 'otto',
    displayName: 'Otto Operator',
    role: 'operator',
    password: PASSWORD,
  });
  services.issuance.registerStock(admin, { numbers: 'US20000-US20009', description: 'Book' });
  for (const number of ['US20001', 'US20002'])
    services.issuance.voidBlank(admin, { number, reason: 'Printer error' });
  created.db.close();
  pki = createIntakePki();
  const expired = createIntakePki({ caDays: -1, leafDays: -1 });
  server = await startIntakeServer({ pki });
  const files: Record<string, string> = {
    'ca.pem': pki.ca.certPem,
    'client.pem': pki.client.certPem,
    'client.key': pki.client.keyPem,
    'other.key': pki.receiptSigner.keyPem,
    'expired-ca.pem': expired.ca.certPem,
    'expired-client.pem': expired.client.certPem,
    'expired-client.key': expired.client.keyPem,
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(work, name), text);
  cli = await buildCli();
}, 180_000);

afterAll(async () => {
  await server.close();
  await cli?.remove();
  await rm(work, { recursive: true, force: true });
});

const https = (overrides: Record<string, string | null> = {}): string[] => {
  const options: Record<string, string | null> = {
    '--https': server.url,
    '--ca': 'ca.pem',
    '--client-cert': 'client.pem',
    '--client-key': 'client.key',
    ...overrides,
  };
  return Object.entries(options).flatMap(([name, value]) => (value === null ? [] : [name, value]));
};

describe('kpdesk settings recipient / submit / submissions (built CLI)', () => {
  it('refuses bad settings, naming the option, and sends nothing', async () => {
    const cases: [Record<string, string | null>, string, RegExp][] = [
      [{ '--https': 'not a url' }, '--https', /not a URL/],
      [{ '--https': 'http://127.0.0.1:1/v1/submissions' }, '--https', /https:\/\//],
      [{ '--client-cert': null }, '--client-cert', /Give the client certificate/],
      [{ '--ca': 'expired-ca.pem' }, '--ca', /CA certificate expired on/],
      [{ '--ca': 'client.pem' }, '--ca', /not a certification authority/],
      [
        { '--client-cert': 'expired-client.pem', '--client-key': 'expired-client.key' },
        '--client-cert',
        /client certificate expired/,
      ],
      [{ '--client-key': 'other.key' }, '--client-key', /does not belong/],
    ];
    for (const [overrides, option, message] of cases) {
      const outcome = await kpdesk([
        'settings', 'recipient', 'census', ...https(overrides), '--user', 'ada',
      ]); // prettier-ignore
      expect(outcome.code, JSON.stringify(overrides)).toBe(2);
      const error = errorOf(outcome);
      expect(error.code).toBe('RECIPIENT_SETTINGS_INVALID');
      expect(error.message.startsWith(`${option}: `), error.message).toBe(true);
      expect(error.message).toMatch(message);
      expect(error.fields).toHaveProperty(option);
    }
    const operator = await kpdesk([
      'settings',
      'recipient',
      'census',
      ...https(),
      '--user',
      'otto',
    ]);
    expect(errorOf(operator).code).toBe('FORBIDDEN');
    const listed = await kpdesk(['settings', 'recipient']);
    expect(JSON.parse(listed.stdout)).toEqual({ recipients: [] });
    const submit = await kpdesk(['submit']);
    expect(submit.code).toBe(1);
    expect(JSON.parse(submit.stdout)).toMatchObject({
      summary: { attempts: 0 },
      left: { pending: 4 },
      notConfigured: [
        { recipient: 'census', waiting: 2 },
        { recipient: 'uskpa', waiting: 2 },
      ],
    });
    expect(server.requests()).toBe(0);
  });

  it('delivers every due copy once with good settings, and lists the receipts', async () => {
    for (const recipient of ['census', 'uskpa'])
      expect(
        (await kpdesk(['settings', 'recipient', recipient, ...https(), '--user', 'ada'])).code,
      ).toBe(0);
    const submit = await kpdesk(['submit']);
    expect(submit.code, submit.stdout + submit.stderr).toBe(0);
    expect(JSON.parse(submit.stdout)).toMatchObject({
      summary: { attempts: 4, deliveredWithWarnings: 4, waiting: 0 },
      left: {},
      needsYou: [],
    });
    expect(submit.stderr).toMatch(/submit: 4\/4 sent/);
    expect(server.deliveries()).toBe(4);
    const again = await kpdesk(['submit']);
    expect(JSON.parse(again.stdout)).toMatchObject({ summary: { attempts: 0 } });
    expect(server.deliveries()).toBe(4);
    const listed = JSON.parse((await kpdesk(['submissions'])).stdout) as {
      submissions: { status: string; receiptId: string | null; idempotencyKey: string }[];
    };
    expect(listed.submissions.map((s) => s.idempotencyKey).sort()).toEqual([
      'US20001/voided/v1',
      'US20001/voided/v1',
      'US20002/voided/v1',
      'US20002/voided/v1',
    ]);
    for (const row of listed.submissions) {
      expect(row.status).toBe('delivered_with_warnings');
      expect(row.receiptId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const audit = await kpdesk(['audit', 'verify']);
    expect(audit.code, audit.stdout).toBe(0);
  });
});
