// vault:rotateRecoveryKey on a real vault: an administrator proves the current passphrase and gets
// a new recovery key once; the key file's recovery wrap is replaced (the database key, hence the
// data, stays as it was), the old recovery key opens nothing any more, and the records stay
// closed until the new key is typed back through vault:confirmRecoveryKey. Both steps are audited.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readKeyFile } from '../../../electron/core/vault/keys/key-file';
import type { KeyFile } from '../../../electron/core/vault/keys/key-file';
import { unlockVault } from '../../../electron/core/vault/keys/unlock-vault';
import { unlockWithPassphrase } from '../../../electron/core/vault/keys/vault-keys';
import { vaultLocation } from '../../../electron/core/vault/keys/vault-location';
import { AppFailure } from '../../../electron/core/app-failure';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';
import { dumpTables, failureOf, openTestVault, seedVault } from './vault-fixture';

let h: ChannelHarness;
beforeEach(() => {
  h = createChannelHarness();
});
afterEach(() => h.dispose());

const keyFilePath = () => vaultLocation(h.dataDir).keyFilePath;
const keyFileText = () => readFileSync(keyFilePath(), 'utf8');
const wrap = (file: KeyFile, kind: string) => file.wraps.find((w) => w.kind === kind);
type Rotated = { recoveryKey: string; status: { recoveryKeyConfirmed: boolean } };

/** The audit actions of the vault's own facts, read with the passphrase while it is locked. */
async function vaultFactEvents(): Promise<{ action: string; user_id: number | null }[]> {
  const db = await unlockVault({ dir: h.dataDir, secret: { passphrase: HARNESS_PASSPHRASE } });
  try {
    return db
      .prepare<[], { action: string; user_id: number | null }>(
        "SELECT action, user_id FROM audit_events WHERE action LIKE 'vault.%' ORDER BY seq",
      )
      .all();
  } finally {
    db.close();
  }
}

describe('recording a replacement (issuance service)', () => {
  it('records nothing when the key file cannot be replaced, nor for a non-administrator', () => {
    const vault = openTestVault();
    try {
      const staff = seedVault(vault);
      const { issuance } = vault.services;
      const before = dumpTables(vault.db);
      const refused = failureOf(() => {
        issuance.recordRecoveryKeyRotated(staff.admin, () => {
          throw new AppFailure('CONFLICT', 'The vault key file changed meanwhile.');
        });
      });
      expect(refused.code).toBe('CONFLICT');
      expect(dumpTables(vault.db)).toEqual(before);
      let replaced = false;
      expect(
        failureOf(() => {
          issuance.recordRecoveryKeyRotated(staff.operator, () => {
            replaced = true;
          });
        }).code,
      ).toBe('FORBIDDEN');
      expect(replaced).toBe(false);
      expect(dumpTables(vault.db)).toEqual(before);
    } finally {
      vault.close();
    }
  });
});

describe('vault:rotateRecoveryKey', () => {
  it('replaces the recovery key without re-encrypting; the old one opens nothing', async () => {
    const oldKey = await h.firstRun();
    const before = readKeyFile(keyFilePath());
    const databaseKey = await unlockWithPassphrase(before, HARNESS_PASSPHRASE);

    const rotated = await h.value<Rotated>('vault:rotateRecoveryKey', {
      currentPassphrase: HARNESS_PASSPHRASE,
    });
    expect(rotated.recoveryKey).toMatch(/^KPR(-[0-9A-Z]{5}){8}$/);
    expect(rotated.recoveryKey).not.toBe(oldKey);
    expect(rotated.status).toMatchObject({ vault: 'open', recoveryKeyConfirmed: false });

    // Only the recovery wrap changed; the passphrase still unwraps the very same database key.
    const after = readKeyFile(keyFilePath());
    expect(after.vaultId).toBe(before.vaultId);
    expect(wrap(after, 'passphrase')).toEqual(wrap(before, 'passphrase'));
    expect(wrap(after, 'recovery')).not.toEqual(wrap(before, 'recovery'));
    expect((await unlockWithPassphrase(after, HARNESS_PASSPHRASE)).equals(databaseKey)).toBe(true);

    // Records stay closed until the new key is typed back; the old key is refused.
    expect(await h.code('stock:summary')).toBe('RECOVERY_KEY_UNCONFIRMED');
    expect(await h.code('vault:confirmRecoveryKey', { recoveryKey: oldKey })).toBe(
      'VAULT_KEY_INVALID',
    );
    expect(await h.value('vault:status')).toMatchObject({ recoveryKeyConfirmed: false });

    // Pending across a restart of the app.
    await h.value('vault:lock');
    expect(await h.code('vault:unlock', { recoveryKey: oldKey })).toBe('VAULT_KEY_INVALID');
    expect(await h.value('vault:unlock', { recoveryKey: rotated.recoveryKey })).toMatchObject({
      vault: 'open',
      recoveryKeyConfirmed: false,
    });
    expect(
      await h.value('vault:confirmRecoveryKey', { recoveryKey: rotated.recoveryKey }),
    ).toMatchObject({ recoveryKeyConfirmed: true });
    await h.signInAs('ada');
    expect(await h.code('stock:summary')).toBe('ok');
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });

    // Confirmed for good: still so after locking and unlocking with the passphrase.
    await h.value('vault:lock');
    expect(await vaultFactEvents()).toEqual([
      { action: 'vault.confirm-recovery-key', user_id: 1 },
      { action: 'vault.rotate-recovery-key', user_id: 1 },
      // Confirmed while no one was signed in (after the unlock above).
      { action: 'vault.confirm-recovery-key', user_id: null },
    ]);
    expect(await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE })).toMatchObject({
      recoveryKeyConfirmed: true,
    });
  });

  it('refuses a wrong passphrase, other roles and bad input, and changes nothing', async () => {
    await h.firstRun();
    await h.addUser('otto', 'operator');
    const unchanged = keyFileText();

    const wrong = await h.call('vault:rotateRecoveryKey', {
      currentPassphrase: 'not the vault passphrase',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VAULT_KEY_INVALID' } });
    expect(!wrong.ok && wrong.error.fields?.currentPassphrase).toMatch(/passphrase is not correct/);
    for (const input of [{}, { currentPassphrase: '' }, { currentPassphrase: 'x', extra: 1 }])
      expect(await h.code('vault:rotateRecoveryKey', input)).toBe('INVALID_INPUT');

    await h.signInAs('otto');
    expect(await h.code('vault:rotateRecoveryKey', { currentPassphrase: HARNESS_PASSPHRASE })).toBe(
      'FORBIDDEN',
    );
    await h.value('session:signOut');
    expect(await h.code('vault:rotateRecoveryKey', { currentPassphrase: HARNESS_PASSPHRASE })).toBe(
      'AUTH_FAILED',
    );
    await h.value('vault:lock');
    expect(await h.code('vault:rotateRecoveryKey', { currentPassphrase: HARNESS_PASSPHRASE })).toBe(
      'VAULT_LOCKED',
    );

    expect(keyFileText()).toBe(unchanged);
    expect(await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE })).toMatchObject({
      recoveryKeyConfirmed: true,
    });
    await h.value('vault:lock');
    expect((await vaultFactEvents()).map((e) => e.action)).toEqual(['vault.confirm-recovery-key']);
  });

  it('is the way out when the first-run key was lost before it was confirmed', async () => {
    await h.firstRun({ confirm: false });
    const rotated = await h.value<Rotated>('vault:rotateRecoveryKey', {
      currentPassphrase: HARNESS_PASSPHRASE,
    });
    expect(rotated.status.recoveryKeyConfirmed).toBe(false);
    // A second replacement before confirming: only the latest key counts.
    const again = await h.value<Rotated>('vault:rotateRecoveryKey', {
      currentPassphrase: HARNESS_PASSPHRASE,
    });
    expect(await h.code('vault:confirmRecoveryKey', { recoveryKey: rotated.recoveryKey })).toBe(
      'VAULT_KEY_INVALID',
    );
    expect(
      await h.value('vault:confirmRecoveryKey', { recoveryKey: again.recoveryKey }),
    ).toMatchObject({ recoveryKeyConfirmed: true });
    expect(await h.code('users:list')).toBe('ok');
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
  });
});
