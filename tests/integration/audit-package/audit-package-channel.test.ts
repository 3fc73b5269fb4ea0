// auditPackage:export as the renderer reaches it (dispatchChannel → core handlers → vault gateway
// → a real vault): refused before any dialog for an operator, a short passphrase or a vault
// without a signing identity; a reviewer's export goes to the file the save dialog chose, opens
// with the passphrase given, and nothing is written when the dialog is cancelled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditPackage } from '../../../electron/core/audit-package/open-audit-package';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';

const PASSPHRASE = 'for USKPA, sent by post';

let h: ChannelHarness;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
  await h.addUser('rita', 'reviewer');
  await h.addUser('otto', 'operator');
  await h.issueFixture();
}, 120_000);
afterEach(() => h.dispose());

describe('auditPackage:export', () => {
  it('refuses before any dialog: an operator, a short passphrase, no signing identity', async () => {
    const asked = h.dialogs.asked.length;
    await h.signInAs('otto');
    expect(await h.code('auditPackage:export', { passphrase: PASSPHRASE })).toBe('FORBIDDEN');
    await h.signInAs('rita');
    expect(await h.code('auditPackage:export', { passphrase: 'short' })).toBe('INVALID_INPUT');
    expect(await h.code('auditPackage:export', { passphrase: PASSPHRASE })).toBe(
      'IDENTITY_INVALID',
    );
    expect(await h.code('auditPackage:export', { passphrase: PASSPHRASE, extra: 1 })).toBe(
      'INVALID_INPUT',
    );
    expect(h.dialogs.asked).toHaveLength(asked);
  });

  it('writes the package where the dialog chose; it opens intact; a cancel writes nothing', async () => {
    await h.signInAs('ada');
    await h.value('identity:generate', { signerName: 'Ada Admin' });
    await h.signInAs('rita');
    const written = await h.value<{ cancelled: false; path: string; sha256: string }>(
      'auditPackage:export',
      { passphrase: PASSPHRASE, period: '2026' },
    );
    expect(h.dialogs.asked.at(-1)).toMatchObject({ kind: 'save', purpose: 'audit-package' });
    const opened = await openAuditPackage(written.path, PASSPHRASE);
    try {
      expect(opened.sha256).toBe(written.sha256);
      expect(opened.manifest.period).toBe('2026');
      expect(opened.manifest.exportedBy).toMatch(/\(rita, reviewer\)$/);
      expect(opened.checks.map((c) => c.status)).toEqual([
        'passed',
        'warning', // no trust anchors given: "not trusted here"
        'passed',
        'passed',
        'passed',
      ]);
    } finally {
      opened.vault.close();
    }
    h.dialogs.cancelNext();
    expect(await h.value('auditPackage:export', { passphrase: PASSPHRASE })).toEqual({
      cancelled: true,
    });
  });
});
