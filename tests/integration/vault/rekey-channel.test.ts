// vault:rekey over the channels: an administrator re-encrypts the vault under a new key with the
// current passphrase; the old recovery key opens nothing any more, the vault is locked (the key
// held while open was the old one) and opens with the same passphrase, the new recovery key
// must be typed back before the records open, and the rekey is in the audit chain.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';

let h: ChannelHarness;
let oldRecoveryKey: string;
beforeEach(async () => {
  h = createChannelHarness();
  oldRecoveryKey = await h.firstRun();
  await h.value('stock:register', { numbers: 'US10000-US10004' });
});
afterEach(() => h.dispose());

describe('vault:rekey', () => {
  it('re-keys for an administrator: old recovery key dead, vault locked, new key to confirm', async () => {
    expect(await h.code('vault:rekey', { currentPassphrase: 'not the passphrase' })).toBe(
      'VAULT_KEY_INVALID',
    );
    const done = await h.value<{ recoveryKey: string; status: { vault: string } }>('vault:rekey', {
      currentPassphrase: HARNESS_PASSPHRASE,
    });
    expect(done.status.vault).toBe('locked');
    expect(done.recoveryKey).not.toBe(oldRecoveryKey);
    expect(await h.code('vault:unlock', { recoveryKey: oldRecoveryKey })).toBe('VAULT_KEY_INVALID');
    await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
    await h.signInAs('ada');
    expect(await h.code('stock:summary')).toBe('RECOVERY_KEY_UNCONFIRMED');
    await h.value('vault:confirmRecoveryKey', { recoveryKey: done.recoveryKey });
    expect(await h.value('stock:summary')).toMatchObject({ counts: { available: 5 } });
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
    // A backup made after the rekey is made (and restores) under the new key.
    const backup = await h.value<{ path: string }>('vault:backup');
    expect(backup.path).toMatch(/\.kpdesk-backup$/);
  });

  it('refuses an operator', async () => {
    await h.addUser('otto', 'operator');
    await h.signInAs('otto');
    expect(await h.code('vault:rekey', { currentPassphrase: HARNESS_PASSPHRASE })).toBe(
      'FORBIDDEN',
    );
    await h.value('session:signOut');
    expect(await h.code('vault:rekey', { currentPassphrase: HARNESS_PASSPHRASE })).toBe(
      'AUTH_FAILED',
    );
  });
});
