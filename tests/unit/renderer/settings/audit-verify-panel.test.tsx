// @vitest-environment jsdom
// Settings → Check the record, against the real core over a real encrypted vault: a reviewer checks
// an intact record and is told how many events were checked and when; after a certificate row is
// changed behind the app (the key, a second plain connection, plain SQL) the same check names the
// record and says what to do; tasks:progress is polled while the check runs.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { unlockVaultAndKey } from '../../../../electron/core/vault/keys/unlock-vault';
import type { SignedInUser } from '../../../../renderer/src/navigation';
import { AuditVerifyPanel } from '../../../../renderer/src/settings/AuditVerifyPanel';
import { SettingsScreen } from '../../../../renderer/src/settings/SettingsScreen';
import { TaskProgressBar } from '../../../../renderer/src/shell/form/TaskProgressBar';
import { HARNESS_PASSPHRASE } from '../../../helpers/vault-channel-harness';
import { shellKp } from '../shell/shell-kp';
import type { ShellKp } from '../shell/shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

/** A vault with a licensee, an issued certificate and a reviewer "rita", who is signed in. */
async function vaultWithRecords(): Promise<{ kp: ShellKp; certificateId: number }> {
  const kp = shellKp();
  opened.push(kp);
  await kp.harness.firstRun();
  const certificateId = await kp.harness.issueFixture();
  await kp.harness.addUser('rita', 'reviewer');
  await kp.harness.signInAs('rita');
  return { kp, certificateId };
}

/** What an attacker with the key could do: a second, plain connection and plain SQL. */
async function tamper(kp: ShellKp, sql: string): Promise<void> {
  const { db, key } = await unlockVaultAndKey({
    dir: kp.harness.dataDir,
    secret: { passphrase: HARNESS_PASSPHRASE },
  });
  key.fill(0);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

describe('AuditVerifyPanel', () => {
  it('checks against the stored USKPA receipts without a file, and says when none counts', async () => {
    const { kp } = await vaultWithRecords();
    const user = userEvent.setup();
    render(<AuditVerifyPanel api={kp.api} />);
    await user.click(screen.getByRole('button', { name: 'Check against stored USKPA receipts' }));
    const result = await screen.findByRole('status', {
      name: 'Result of the check against the stored receipts',
    });
    // The certificate's USKPA copy is not delivered yet: no receipt, nothing to compare with.
    expect(result.textContent).toContain('Nothing to compare');
    expect(kp.calls).toContain('audit:checkAnchors');
  });

  it('tells a reviewer the record is intact, with the events checked and the time', async () => {
    const { kp } = await vaultWithRecords();
    const user = userEvent.setup();
    render(<AuditVerifyPanel api={kp.api} />);
    const region = screen.getByRole('region', { name: 'Check the record' });
    expect(region.textContent).toContain('outside KP Desk');

    await user.click(screen.getByRole('button', { name: 'Check the record now' }));
    const status = await screen.findByText(/^The record is intact: \d+ events checked at /);
    const events = Number(/intact: (\d+) events/.exec(status.textContent)?.[1]);
    // Every event written so far: setup, stock, the draft, its ITN, issuing, a user, a sign-in…
    expect(events).toBeGreaterThanOrEqual(5);
    expect(status.getAttribute('role')).toBe('status');
    expect(kp.calls).toContain('audit:verify');
    expect(kp.calls).toContain('tasks:progress');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText(/not intact/)).toBeNull();
  });

  it('is in Settings for a reviewer, whose role is otherwise read-only there', async () => {
    const { kp } = await vaultWithRecords();
    const status = await kp.harness.value<{ user: SignedInUser }>('vault:status');
    expect(status.user.role).toBe('reviewer');
    render(
      <SettingsScreen
        api={kp.api}
        user={status.user}
        navigate={() => {}}
        onLicenseeSaved={() => {}}
      />,
    );
    expect(screen.getByText(/Your role is read-only/)).toBeTruthy();
    const region = screen.getByRole('region', { name: 'Check the record' });
    expect(region.querySelector('button')?.textContent).toBe('Check the record now');
    expect(region.querySelector('button')?.disabled).toBe(false);
  });

  it('names the changed certificate and what to do after a row is edited behind the app', async () => {
    const { kp, certificateId } = await vaultWithRecords();
    await tamper(
      kp,
      `UPDATE certificates SET carat_hundredths = 99999 WHERE id = ${String(certificateId)}`,
    );
    const user = userEvent.setup();
    render(<AuditVerifyPanel api={kp.api} />);
    await user.click(screen.getByRole('button', { name: 'Check the record now' }));

    const heading = await screen.findByText('The record is not intact.');
    const alert = heading.closest('[role="alert"]');
    expect(alert).not.toBeNull();
    const text = alert?.textContent ?? '';
    expect(text).toContain('A record no longer matches what its latest audit event recorded.');
    // The core's own message, which names the record and the event.
    expect(text).toMatch(
      new RegExp(
        `Certificate \\S+ \\(record ${String(certificateId)}\\) differs from what audit event \\d+`,
      ),
    );
    const where = screen.getByLabelText('Where the record breaks');
    // Named by its form number (issueFixture issues on US12345), the stored key in small print.
    const record = where.querySelector('dt:nth-of-type(2) + dd');
    expect(record?.previousElementSibling?.textContent).toBe('Record');
    expect(record?.firstChild?.textContent).toBe(
      `certificate US12345 (record ${String(certificateId)})`,
    );
    expect(record?.querySelector('small')?.textContent).toBe(
      `Audit entity: certificate ${String(certificateId)}`,
    );
    expect(where.textContent).toContain('Audit event');
    expect(text).toContain('Keep the vault as it is');
    expect(text).toContain('Make a backup now');
    expect(text).toContain('contact USKPA');
    expect(screen.queryByText(/The record is intact/)).toBeNull();
  });

  it('shows a refused call as the other panels do, with its code', async () => {
    const { kp } = await vaultWithRecords();
    await kp.harness.value('vault:lock');
    const user = userEvent.setup();
    render(<AuditVerifyPanel api={kp.api} />);
    await user.click(screen.getByRole('button', { name: 'Check the record now' }));
    await waitFor(() => {
      expect(document.querySelector('[data-error-code="VAULT_LOCKED"]')).not.toBeNull();
    });
    expect(screen.queryByText(/The record is (not )?intact/)).toBeNull();
  });
});

describe('TaskProgressBar for the record check', () => {
  it('says the check in plain words, not the restore’s verify phase', () => {
    const progress = { operation: 'audit', phase: 'verify', done: 1, total: 4 } as const;
    render(<TaskProgressBar label="Record check progress" progress={progress} />);
    const bar = screen.getByRole('progressbar', { name: 'Record check progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(bar.getAttribute('aria-valuetext')).toBe('Checking every audit event and record: 20 %');
  });
});
