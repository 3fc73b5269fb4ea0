// The vault commands of the BUILT kpdesk (init, stock, audit verify, backup, restore), run as a
// script runs them: a child process, secrets in environment variables or files, no terminal.
// Speed: `kpdesk init` is run at the real scrypt cost (about 2 s per wrap on this machine) because
// the CLI has no way to weaken it, on purpose; the other commands work on a vault the test makes
// in-process with createVault's test-size scrypt option, whose key file records that cost, so
// unlocking it stays fast. No test hook exists in the CLI for the cost.
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault } from '../../electron/core/vault/keys/create-vault';
import { unlockVault } from '../../electron/core/vault/keys/unlock-vault';
import { createVaultServices } from '../../electron/core/vault/vault-services';
import { checkSinceVerifiedHead } from '../../electron/core/audit-check/check-since-verified-head';
import type { AppError } from '../../shared/errors';
import type { BuiltCli, Outcome } from './cli-built';
import { buildCli, runLauncher } from './cli-built';

const PASSPHRASE = 'correct horse battery staple';
const PASSWORD = 'ada admin password 42';
const TEST_KDF = { N: 1024, r: 8, p: 1 };

let cli: BuiltCli | undefined;
let work = '';
let vaultDir = '';
const outputs: string[] = [];
const recoveryKeys: string[] = [];

function scriptEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('KPDESK_')),
  );
  // HOME in the temp folder: the default vault folder can never be the real user's.
  return { ...env, HOME: work, XDG_DATA_HOME: join(work, 'xdg'), ...extra };
}

async function kpdesk(
  args: string[],
  env: Record<string, string> = { KPDESK_PASSPHRASE: PASSPHRASE, KPDESK_PASSWORD: PASSWORD },
): Promise<Outcome> {
  if (cli === undefined) throw new Error('CLI not built');
  const outcome = await runLauncher(cli.launcher, args, { cwd: work, env: scriptEnv(env) });
  outputs.push(outcome.stdout, outcome.stderr);
  return outcome;
}

function errorOf(outcome: Outcome): AppError {
  return (JSON.parse(outcome.stdout) as { error: AppError }).error;
}

/** Every file of a folder with the SHA-256 of its content: to prove nothing was changed. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort())
    result[name] = createHash('sha256')
      .update(await readFile(join(dir, name)))
      .digest('hex');
  return result;
}

type StockJson = {
  registered?: { count: number; first: string; last: string };
  counts: { available: number; used: number; voided: number };
  gaps: { from: string; to: string; count: number }[];
};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kpdesk-vault-cli-'));
  vaultDir = join(work, 'vault');
  const created = await createVault({ dir: vaultDir, passphrase: PASSPHRASE, kdf: TEST_KDF });
  recoveryKeys.push(created.recoveryKey);
  createVaultServices(created.db, { passwordHashing: TEST_KDF }).issuance.createFirstAdministrator({
    username: 'ada',
    displayName: 'Ada Admin',
    password: PASSWORD,
  });
  created.db.close();
  cli = await buildCli();
}, 180_000);

afterAll(async () => {
  await cli?.remove();
  await rm(work, { recursive: true, force: true });
});

describe('kpdesk init (built CLI, real scrypt cost)', () => {
  const initEnv = { KPDESK_PASSPHRASE: PASSPHRASE, KPDESK_ADMIN_PASSWORD: PASSWORD };

  it('refuses without a terminal unless --recovery-key-out is given, creating nothing', async () => {
    const outcome = await kpdesk(['init', '--dir', 'new', '--admin-user', 'ada'], initEnv);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('--recovery-key-out');
    expect(existsSync(join(work, 'new'))).toBe(false);
  });

  it('creates the vault, the administrator and the licensee; the key goes only to a new 0600 file', async () => {
    const outcome = await kpdesk(
      [
        'init',
        '--dir',
        'first',
        '--admin-user',
        'ada',
        '--admin-name',
        'Ada Admin',
        '--licensee-name',
        'Hudson Rough Diamond Trading LLC',
        '--licensee-address',
        '580 Fifth Avenue, New York, NY 10036',
        '--tin',
        '12-3456789',
        '--recovery-key-out',
        'recovery.txt',
        '--json',
      ],
      initEnv,
    );
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({
      administrator: 'ada',
      licensee: 'Hudson Rough Diamond Trading LLC',
      recoveryKeyFile: join(work, 'recovery.txt'),
    });
    const keyPath = join(work, 'recovery.txt');
    expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
    const recoveryKey = (await readFile(keyPath, 'utf8')).trim();
    expect(recoveryKey).toMatch(/^KPR(-[0-9A-Z]{5}){8}$/);
    recoveryKeys.push(recoveryKey);

    const db = await unlockVault({ dir: join(work, 'first'), secret: { recoveryKey } });
    try {
      const services = createVaultServices(db);
      expect(services.licensee.get()).toMatchObject({ tin: '12-3456789', isCommonCarrier: false });
      expect(services.users.list()).toMatchObject([{ username: 'ada', role: 'administrator' }]);
    } finally {
      db.close();
    }
  });

  it('never overwrites: an existing vault, or an existing recovery-key file', async () => {
    const again = await kpdesk(
      [
        'init',
        '--dir',
        'first',
        '--admin-user',
        'bob',
        '--recovery-key-out',
        'other.txt',
        '--json',
      ],
      initEnv,
    );
    expect(again.code).toBe(2);
    expect(errorOf(again).code).toBe('VAULT_EXISTS');
    expect(existsSync(join(work, 'other.txt'))).toBe(false);

    const overKey = await kpdesk(
      [
        'init',
        '--dir',
        'second',
        '--admin-user',
        'ada',
        '--recovery-key-out',
        'recovery.txt',
        '--json',
      ],
      initEnv,
    );
    expect(overKey.code).toBe(2);
    expect(errorOf(overKey).code).toBe('CONFLICT');
    expect(existsSync(join(work, 'second'))).toBe(false);
  });
});

describe('kpdesk stock, audit verify, backup and restore (built CLI)', () => {
  it('registers ranges and lists through the issuance service and shows counts and gaps', async () => {
    const outcome = await kpdesk([
      'stock',
      'add',
      'US10000-US10009,US10020',
      '--description',
      'USKPA invoice 7781',
      '--user',
      'ada',
      '--dir',
      'vault',
      '--json',
    ]);
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
    const added = JSON.parse(outcome.stdout) as StockJson;
    expect(added.registered).toMatchObject({ count: 11, first: 'US10000', last: 'US10020' });
    expect(added.counts).toEqual({ available: 11, used: 0, voided: 0 });
    expect(added.gaps).toEqual([{ from: 'US10010', to: 'US10019', count: 10 }]);

    const status = await kpdesk(['stock', '--dir', 'vault']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('11 available, 0 used, 0 voided');
    expect(status.stdout).toContain('US10010 to US10019 (10 numbers)');
  });

  it('refuses a list with numbers already registered (CONFLICT naming them) and registers none', async () => {
    const outcome = await kpdesk([
      'stock',
      'add',
      'US10005-US10006,US10030',
      '--user',
      'ada',
      '--dir',
      'vault',
      '--json',
    ]);
    expect(outcome.code).toBe(2);
    const error = errorOf(outcome);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('US10005, US10006');

    const status = JSON.parse(
      (await kpdesk(['stock', 'status', '--dir', 'vault', '--json'])).stdout,
    ) as StockJson;
    expect(status).toEqual({
      counts: { available: 11, used: 0, voided: 0 },
      gaps: [{ from: 'US10010', to: 'US10019', count: 10 }],
    });
  });

  it('refuses a wrong user password with AUTH_FAILED', async () => {
    const outcome = await kpdesk(
      ['stock', 'add', 'US10100', '--user', 'ada', '--dir', 'vault', '--json'],
      { KPDESK_PASSPHRASE: PASSPHRASE, KPDESK_PASSWORD: 'not the password at all' },
    );
    expect(outcome.code).toBe(2);
    expect(errorOf(outcome).code).toBe('AUTH_FAILED');
  });

  // One event for the user, one for the registration, one for its range of eleven numbers (issue
  // 13 part 6: one event per registered range, not per number), and one for the refused sign-in
  // above (failures are audited, issue 13).
  it('verifies the audit chain: user, registration, its range, the failed sign-in', async () => {
    const json = await kpdesk(['audit', 'verify', '--dir', 'vault', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, eventsChecked: 4 });
    // The clean verification recorded its head (and its own event, the fifth), as the app does.
    const text = await kpdesk(['audit', 'verify', '--dir', 'vault']);
    expect(text.stdout).toContain('Audit chain OK: 5 events checked');
    expect(text.stdout).toContain(
      'Recorded as the last full verification (up to event 5): the next unlock checks from there.',
    );
  });

  it('records the head each clean verification proved, so the check at unlock starts from it', async () => {
    const db = await unlockVault({ dir: vaultDir, secret: { passphrase: PASSPHRASE } });
    try {
      const heads = db
        .prepare(
          'SELECT id, seq, hash, proof, events_checked, verified_by FROM audit_verified_heads',
        )
        .all() as { id: number; seq: number; hash: string }[];
      expect(heads.map(({ seq }) => seq)).toEqual([4, 5]);
      for (const head of heads) {
        expect(head).toMatchObject({ proof: 'full', events_checked: head.seq, verified_by: null });
        // Each head is the hash the chain holds at its seq, recorded with its own event.
        expect(
          db.prepare('SELECT hash FROM audit_events WHERE seq = ?').pluck().get(head.seq),
        ).toBe(head.hash);
        expect(
          db
            .prepare(
              "SELECT action FROM audit_events WHERE entity_type = 'audit_verified_head' AND entity_id = ?",
            )
            .pluck()
            .all(String(head.id)),
        ).toEqual(['audit.verified']);
      }
      // The check at unlock starts from the latest: only the event recording it comes after.
      expect(checkSinceVerifiedHead(db)).toMatchObject({
        state: 'ok',
        from: { seq: 5 },
        eventsChecked: 1,
      });
    } finally {
      db.close();
    }
  });

  it('reads the passphrase from a file (one trailing newline is not part of it)', async () => {
    const file = join(work, 'passphrase.txt');
    await writeFile(file, `${PASSPHRASE}\n`, { mode: 0o600 });
    const outcome = await kpdesk(
      ['stock', '--dir', 'vault', '--passphrase-file', 'passphrase.txt'],
      {},
    );
    expect(outcome).toMatchObject({ code: 0, stderr: '' });
  });

  it('says how to pass the passphrase when there is neither terminal nor env nor file', async () => {
    const outcome = await kpdesk(['stock', '--dir', 'vault'], {});
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('KPDESK_PASSPHRASE');
    expect(outcome.stderr).toContain('--passphrase-file');
  });

  it('refuses a wrong passphrase with VAULT_KEY_INVALID and changes no file', async () => {
    const before = await fingerprint(vaultDir);
    const outcome = await kpdesk(
      ['stock', 'add', 'US10100', '--user', 'ada', '--dir', 'vault', '--json'],
      { KPDESK_PASSPHRASE: 'a wrong passphrase!', KPDESK_PASSWORD: PASSWORD },
    );
    expect(outcome.code).toBe(2);
    expect(errorOf(outcome).code).toBe('VAULT_KEY_INVALID');
    expect(await fingerprint(vaultDir)).toEqual(before);
  });

  it('backs up, never over an existing file, and restores into a fresh folder', async () => {
    const backup = await kpdesk(['backup', 'vault.kpbak', '--dir', 'vault']);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('Backup written: vault.kpbak');
    const again = await kpdesk(['backup', 'vault.kpbak', '--dir', 'vault', '--json']);
    expect(again.code).toBe(2);
    expect(errorOf(again).code).toBe('CONFLICT');

    const unconfirmed = await kpdesk(['restore', 'vault.kpbak', '--dir', 'restored']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes');
    expect(existsSync(join(work, 'restored'))).toBe(false);

    const restore = await kpdesk(['restore', 'vault.kpbak', '--dir', 'restored', '--yes']);
    expect(restore.code, restore.stderr).toBe(0);
    const restored = JSON.parse(
      (await kpdesk(['stock', '--dir', 'restored', '--json'])).stdout,
    ) as StockJson;
    expect(restored.counts).toEqual({ available: 11, used: 0, voided: 0 });
    expect(restored.gaps).toEqual([{ from: 'US10010', to: 'US10019', count: 10 }]);
    // The backup's 6 events (the 4 verified above and the two verifications recorded) and the
    // restore's own (recorded in the restored chain).
    const audit = await kpdesk(['audit', 'verify', '--dir', 'restored', '--json']);
    expect(JSON.parse(audit.stdout)).toEqual({ ok: true, eventsChecked: 7 });
  });

  it('refuses a damaged backup (BACKUP_INVALID) or a wrong passphrase, leaving the target as it was', async () => {
    const damaged = join(work, 'damaged.kpbak');
    await copyFile(join(work, 'vault.kpbak'), damaged);
    const bytes = await readFile(damaged);
    const at = bytes.length - 4000;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    await writeFile(damaged, bytes);

    const target = join(work, 'restored');
    const before = await fingerprint(target);
    const outcome = await kpdesk([
      'restore',
      'damaged.kpbak',
      '--dir',
      'restored',
      '--yes',
      '--json',
    ]);
    expect(outcome.code).toBe(2);
    expect(errorOf(outcome).code).toBe('BACKUP_INVALID');
    expect(await fingerprint(target)).toEqual(before);

    const text = await kpdesk(['restore', 'damaged.kpbak', '--dir', 'restored', '--yes']);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('cannot be restored');

    const wrong = await kpdesk(['restore', 'vault.kpbak', '--dir', 'restored', '--yes', '--json'], {
      KPDESK_PASSPHRASE: 'a wrong passphrase!',
    });
    expect(wrong.code).toBe(2);
    expect(errorOf(wrong).code).toBe('VAULT_KEY_INVALID');
    expect(await fingerprint(target)).toEqual(before);
  });

  it('finds a row changed behind the app with plain SQL: exit 1 naming the entity', async () => {
    const headsNow = async (): Promise<number> => {
      const db = await unlockVault({ dir: vaultDir, secret: { passphrase: PASSPHRASE } });
      try {
        return (
          db.prepare<[], number>('SELECT count(*) FROM audit_verified_heads').pluck().get() ?? 0
        );
      } finally {
        db.close();
      }
    };
    const db = await unlockVault({ dir: vaultDir, secret: { passphrase: PASSPHRASE } });
    try {
      // A number whose only event is its range, voided with no event.
      db.prepare("UPDATE stock SET status = 'voided' WHERE number = 'US10003'").run();
    } finally {
      db.close();
    }
    const heads = await headsNow();
    const json = await kpdesk(['audit', 'verify', '--dir', 'vault', '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; firstBreak: Record<string, unknown> };
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({
      kind: 'entity',
      entityType: 'stock',
      entityId: 'US10003',
    });
    const text = await kpdesk(['audit', 'verify', '--dir', 'vault']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('AUDIT CHAIN BROKEN');
    expect(text.stdout).toContain('stock US10003');
    expect(text.stdout).toContain('record: form number US10003');
    expect(text.stdout).not.toContain('Recorded as the last full verification');
    // A verification with a break records no head: nothing for the check at unlock to start from.
    expect(await headsNow()).toBe(heads);
  });

  it('never printed a passphrase, a password or a recovery key', () => {
    const all = outputs.join('\n');
    for (const secret of [PASSPHRASE, PASSWORD, ...recoveryKeys]) expect(all).not.toContain(secret);
  });
});
