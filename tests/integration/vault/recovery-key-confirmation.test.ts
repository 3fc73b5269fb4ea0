// First run shows the recovery key once; until it is typed back (vault:confirmRecoveryKey) the
// status says so and the record channels refuse. The confirmation is recorded in the vault and
// audited, so it survives a restart of the app.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';

let h: ChannelHarness;
beforeEach(() => {
  h = createChannelHarness();
});
afterEach(() => h.dispose());

describe('vault:confirmRecoveryKey', () => {
  it('keeps the records closed until the recovery key is typed back, then opens them', async () => {
    const recoveryKey = await h.firstRun({ confirm: false });
    expect(await h.value('vault:status')).toMatchObject({
      vault: 'open',
      recoveryKeyConfirmed: false,
      user: { username: 'ada' },
    });
    for (const channel of [
      'stock:summary',
      'users:list',
      'certificates:list',
      'audit:verify',
    ] as const)
      expect(await h.code(channel)).toBe('RECOVERY_KEY_UNCONFIRMED');
    expect(
      await h.code('licensee:save', {
        legalName: 'X LLC',
        address: '1 Main St, New York, NY 10001, United States',
        tin: '12-3456789',
        isCommonCarrier: false,
      }),
    ).toBe('RECOVERY_KEY_UNCONFIRMED');

    // Typed in lower case with spaces: the key's own forgiving notation.
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ');
    expect(await h.value('vault:confirmRecoveryKey', { recoveryKey: typed })).toMatchObject({
      recoveryKeyConfirmed: true,
    });
    expect(await h.code('stock:summary')).toBe('ok');
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });

    // Recorded in the vault: after locking and unlocking it is still confirmed.
    await h.value('vault:lock');
    expect(await h.value('vault:status')).toMatchObject({ recoveryKeyConfirmed: false });
    expect(await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE })).toMatchObject({
      recoveryKeyConfirmed: true,
    });
  });

  it('refuses a wrong or mistyped key with a field message, and records nothing', async () => {
    const recoveryKey = await h.firstRun({ confirm: false });
    const mistyped = `${recoveryKey.slice(0, -1)}${recoveryKey.endsWith('0') ? '1' : '0'}`;
    const refused = await h.call('vault:confirmRecoveryKey', { recoveryKey: mistyped });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.fields?.recoveryKey).toMatch(/mistyped/);

    // A well-formed key of another vault.
    const other = createChannelHarness();
    try {
      const otherKey = await other.firstRun({ confirm: false });
      const wrong = await h.call('vault:confirmRecoveryKey', { recoveryKey: otherKey });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'VAULT_KEY_INVALID' } });
      expect(!wrong.ok && wrong.error.fields?.recoveryKey).toMatch(/not the recovery key/);
    } finally {
      other.dispose();
    }
    expect(await h.code('vault:confirmRecoveryKey', { recoveryKey: '' })).toBe('INVALID_INPUT');
    expect(await h.value('vault:status')).toMatchObject({ recoveryKeyConfirmed: false });
    expect(await h.code('stock:summary')).toBe('RECOVERY_KEY_UNCONFIRMED');
  });

  it('can be confirmed before the first administrator exists, and needs an open vault', async () => {
    expect(await h.code('vault:confirmRecoveryKey', { recoveryKey: 'KPR-00000' })).toBe(
      'VAULT_LOCKED',
    );
    const created = await h.value<{ recoveryKey: string }>('vault:create', {
      passphrase: HARNESS_PASSPHRASE,
    });
    expect(
      await h.value('vault:confirmRecoveryKey', { recoveryKey: created.recoveryKey }),
    ).toMatchObject({ recoveryKeyConfirmed: true, needsFirstAdministrator: true, user: null });
    // Confirming again changes nothing and is not an error.
    expect(
      await h.value('vault:confirmRecoveryKey', { recoveryKey: created.recoveryKey }),
    ).toMatchObject({ recoveryKeyConfirmed: true });
    await h.value('vault:lock');
    expect(await h.code('vault:confirmRecoveryKey', { recoveryKey: created.recoveryKey })).toBe(
      'VAULT_LOCKED',
    );
  });
});
