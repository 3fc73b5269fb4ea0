// `kpdesk rekey` on a real vault (issue 13: "changing the passphrase or rotating the recovery key
// never changes the database key: an old recovery key plus an old key file (inside every backup)
// still opens today's vault"). After a rekey they open nothing; the passphrase, the new recovery
// key and the data are as they should be, the rekey is audited, a rekey interrupted between the
// database and the key file is completed at the next unlock, and old backups keep the old key.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKpdesk } from '../../cli/kpdesk';
import { AppFailure } from '../../electron/core/app-failure';
import { createVault } from '../../electron/core/vault/keys/create-vault';
import { rekeyVault } from '../../electron/core/vault/keys/rekey-vault';
import type { VaultSecret } from '../../electron/core/vault/keys/unlock-vault';
import { pendingRekeyPath, unlockVault } from '../../electron/core/vault/keys/unlock-vault';
import { vaultLocation } from '../../electron/core/vault/keys/vault-location';
import { createVaultServices } from '../../electron/core/vault/vault-services';
import { captureIo } from '../unit/cli/capture-io';

const PASSPHRASE = 'correct horse battery staple';
const PASSWORD = 'ada admin password 42';
const TEST_KDF = { N: 1024, r: 8, p: 1 };

let work: string;
let dir: string;
let oldRecoveryKey: string;

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'kpdesk-rekey-'));
  dir = join(work, 'vault');
  const created = await createVault({ dir, passphrase: PASSPHRASE, kdf: TEST_KDF });
  oldRecoveryKey = created.recoveryKey;
  try {
    const services = createVaultServices(created.db, { passwordHashing: TEST_KDF });
    const admin = services.issuance.createFirstAdministrator({
      username: 'ada',
      displayName: 'Ada Admin',
      password: PASSWORD,
    });
    services.issuance.recordRecoveryKeyConfirmed(admin.id);
    services.issuance.createUser(
      { userId: admin.id, role: 'administrator' },
      { username: 'otto', displayName: 'Otto', role: 'operator', password: PASSWORD },
    );
    services.issuance.registerStock(
      { userId: admin.id, role: 'administrator' },
      { numbers: 'US10000-US10004' },
    );
  } finally {
    created.key.fill(0);
    created.db.close();
  }
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

async function kpdesk(args: string[], passphrase = PASSPHRASE) {
  const io = captureIo();
  const env = { KPDESK_PASSPHRASE: passphrase, KPDESK_PASSWORD: PASSWORD };
  const code = await runKpdesk(args, { ...io, cwd: work, env });
  return { code, out: io.out(), err: io.err() };
}

async function opens(folder: string, secret: VaultSecret): Promise<string> {
  try {
    const db = await unlockVault({ dir: folder, secret });
    const available = db
      .prepare<[], number>("SELECT count(*) FROM stock WHERE status = 'available'")
      .pluck()
      .get();
    db.close();
    return `opens (${String(available)} available)`;
  } catch (error: unknown) {
    if (error instanceof AppFailure) return error.error.code;
    throw error;
  }
}

describe('kpdesk rekey', () => {
  it('re-encrypts under a new key: an old recovery key with the old key file opens nothing any more', async () => {
    const { vaultPath, keyFilePath } = vaultLocation(dir);
    const oldKeyFile = readFileSync(keyFilePath);
    expect((await kpdesk(['backup', 'before.kpbak', '--dir', dir])).code).toBe(0);

    const done = await kpdesk([
      'rekey',
      '--dir',
      dir,
      '--user',
      'ada',
      '--recovery-key-out',
      'new-key.txt',
      '--json',
    ]);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    const newRecoveryKey = readFileSync(join(work, 'new-key.txt'), 'utf8').trim();
    expect(existsSync(pendingRekeyPath(keyFilePath))).toBe(false);

    // The finding: the old recovery key with a copy of the old key file beside today's vault.
    const stale = join(work, 'stale');
    mkdirSync(stale);
    const staleLocation = vaultLocation(stale);
    copyFileSync(vaultPath, staleLocation.vaultPath);
    writeFileSync(staleLocation.keyFilePath, oldKeyFile);
    expect(await opens(stale, { recoveryKey: oldRecoveryKey })).toBe('VAULT_KEY_INVALID');
    expect(await opens(stale, { passphrase: PASSPHRASE })).toBe('VAULT_KEY_INVALID');
    // Today's key file: the old recovery key no longer unwraps anything; the new one and the
    // unchanged passphrase open the same records.
    expect(await opens(dir, { recoveryKey: oldRecoveryKey })).toBe('VAULT_KEY_INVALID');
    expect(await opens(dir, { recoveryKey: newRecoveryKey })).toBe('opens (5 available)');
    expect(await opens(dir, { passphrase: PASSPHRASE })).toBe('opens (5 available)');

    const db = await unlockVault({ dir, secret: { passphrase: PASSPHRASE } });
    try {
      const last = db
        .prepare<[], { action: string; user_id: number }>(
          'SELECT action, user_id FROM audit_events ORDER BY seq DESC LIMIT 1',
        )
        .get();
      expect(last).toEqual({ action: 'vault.rekey', user_id: 1 });
      // The new recovery key awaits its confirmation: the app keeps the records closed.
      expect(createVaultServices(db).facts.recoveryKeyConfirmation()).toBeNull();
    } finally {
      db.close();
    }
    const audit = await kpdesk(['audit', 'verify', '--dir', dir, '--json']);
    expect(JSON.parse(audit.out)).toMatchObject({ ok: true });

    // Backups made before keep the old key (said in the help and docs): restored into a new
    // folder, the old backup opens with the old recovery key.
    const restored = await kpdesk(['restore', 'before.kpbak', '--dir', 'old-copy', '--yes']);
    expect(restored.code, restored.err).toBe(0);
    expect(await opens(join(work, 'old-copy'), { recoveryKey: oldRecoveryKey })).toMatch(/^opens/);
  });

  it('refuses an operator and a wrong passphrase, changing nothing', async () => {
    const { keyFilePath } = vaultLocation(dir);
    const before = readFileSync(keyFilePath);
    const operator = await kpdesk([
      'rekey',
      '--dir',
      dir,
      '--user',
      'otto',
      '--recovery-key-out',
      'k1.txt',
      '--json',
    ]);
    expect(operator.code).toBe(2);
    expect(JSON.parse(operator.out)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const wrong = await kpdesk(
      ['rekey', '--dir', dir, '--user', 'ada', '--recovery-key-out', 'k2.txt', '--json'],
      'not the passphrase at all',
    );
    expect(wrong.code).toBe(2);
    expect(readFileSync(keyFilePath).equals(before)).toBe(true);
    expect(await opens(dir, { recoveryKey: oldRecoveryKey })).toBe('opens (5 available)');
  });

  it('completes at the next unlock a rekey interrupted after the database took its new key', async () => {
    const db = await unlockVault({ dir, secret: { passphrase: PASSPHRASE } });
    try {
      await expect(
        rekeyVault({
          dir,
          db,
          currentPassphrase: PASSPHRASE,
          kdf: TEST_KDF,
          // As if the process died before the rekey was recorded and the key file swapped.
          record: () => {
            throw new Error('simulated crash');
          },
        }),
      ).rejects.toThrow('simulated crash');
    } finally {
      db.close();
    }
    const { keyFilePath } = vaultLocation(dir);
    expect(existsSync(pendingRekeyPath(keyFilePath))).toBe(true);
    expect(await opens(dir, { passphrase: PASSPHRASE })).toBe('opens (5 available)');
    expect(existsSync(pendingRekeyPath(keyFilePath))).toBe(false);
    expect(await opens(dir, { recoveryKey: oldRecoveryKey })).toBe('VAULT_KEY_INVALID');
  });
});
