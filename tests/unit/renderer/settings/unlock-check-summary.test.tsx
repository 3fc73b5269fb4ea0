// @vitest-environment jsdom
// Settings → Check the record shows what the check at unlock found (audit:unlockCheck), against
// the real core over a real encrypted vault: nothing proved before the first full check; after a
// full check and an unlock, the events written since were checked and are intact; an event
// altered after the proved head while the vault was closed shows as an alert.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { unlockVaultAndKey } from '../../../../electron/core/vault/keys/unlock-vault';
import { AuditVerifyPanel } from '../../../../renderer/src/settings/AuditVerifyPanel';
import { HARNESS_PASSPHRASE } from '../../../helpers/vault-channel-harness';
import { shellKp } from '../shell/shell-kp';
import type { ShellKp } from '../shell/shell-kp';
import { OPEN_AUDIT_FOR_TAMPERING } from '../../../helpers/audit-tampering';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

/** A vault whose full check proved a head, with five forms registered after it; locked. */
async function checkedThenChanged(): Promise<{ kp: ShellKp; proved: number }> {
  const kp = shellKp();
  opened.push(kp);
  await kp.harness.firstRun();
  const report = await kp.harness.value<{ head: { seq: number } }>('audit:verify');
  await kp.harness.value('stock:register', { numbers: 'US10000-US10004' });
  await kp.harness.value('vault:lock');
  return { kp, proved: report.head.seq };
}

async function unlockAsAda(kp: ShellKp): Promise<void> {
  await kp.harness.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
  await kp.harness.signInAs('ada');
}

describe('UnlockCheckSummary in Check the record', () => {
  it('says no full check is recorded yet in a new vault', async () => {
    const kp = shellKp();
    opened.push(kp);
    await kp.harness.firstRun();
    render(<AuditVerifyPanel api={kp.api} />);
    expect((await screen.findByTestId('unlock-check')).textContent).toContain(
      'No full check is recorded in this vault yet.',
    );
  });

  it('says how many events written since the full check were checked at unlock', async () => {
    const { kp, proved } = await checkedThenChanged();
    await unlockAsAda(kp);
    render(<AuditVerifyPanel api={kp.api} />);
    const line = await screen.findByTestId('unlock-check');
    // the record of the full check, the batch and the range of its five forms (one event)
    expect(line.textContent).toMatch(
      new RegExp(
        `checked the 3 audit events written since the full check of .+ \\(up to audit event ${String(proved)}\\): intact\\.`,
      ),
    );
    expect(kp.calls).toContain('audit:unlockCheck');
  });

  it('alerts when an event after the proved head was altered while the vault was closed', async () => {
    const { kp, proved } = await checkedThenChanged();
    const { db, key } = await unlockVaultAndKey({
      dir: kp.harness.dataDir,
      secret: { passphrase: HARNESS_PASSPHRASE },
    });
    key.fill(0);
    try {
      db.exec(`${OPEN_AUDIT_FOR_TAMPERING}
        UPDATE audit_events SET user_id = NULL WHERE seq = ${String(proved + 3)}`);
    } finally {
      db.close();
    }
    await unlockAsAda(kp);
    render(<AuditVerifyPanel api={kp.api} />);
    const alert = await screen.findByTestId('unlock-check');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('At the last unlock, the record was found not intact.');
    expect(alert.textContent).toContain(`Audit event ${String(proved + 3)} was altered`);
  });
});
