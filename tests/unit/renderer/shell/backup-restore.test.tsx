// @vitest-environment jsdom
// Backup in Settings and restore on the unlock screen, against the real core: the file comes from
// the test FileDialogs (<root>/exports to save, newest file in <root>/imports to open), never from
// the renderer; tasks:progress is polled while the call runs; a cancelled dialog is said plainly;
// a restore needs the passphrase the backup had, shown at the field when wrong, and keeps the
// replaced vault beside the restored one.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupPanel } from '../../../../renderer/src/settings/BackupPanel';
import { TaskProgressBar } from '../../../../renderer/src/shell/form/TaskProgressBar';
import { UnlockScreen } from '../../../../renderer/src/startup/UnlockScreen';
import { HARNESS_PASSPHRASE } from '../../../helpers/vault-channel-harness';
import { shellKp } from './shell-kp';
import type { ShellKp } from './shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

describe('TaskProgressBar', () => {
  it('is a labelled progressbar in percent, its phase said politely', () => {
    const progress = { operation: 'restore', phase: 'check', done: 3, total: 4 } as const;
    render(<TaskProgressBar label="Restore progress" progress={progress} />);
    const bar = screen.getByRole('progressbar', { name: 'Restore progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('75');
    // Exact for the bar; what is said moves in steps of ten (task-progress.test.tsx).
    expect(bar.getAttribute('aria-valuetext')).toBe('Checking the records in the backup: 70 %');
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Checking the records in the backup (70 %)');
  });
});

describe('BackupPanel', () => {
  it('backs up to the file main chose and shows where, how big and when; cancel is said', async () => {
    const kp = shellKp();
    opened.push(kp);
    await kp.harness.firstRun();
    await kp.harness.value('stock:register', { numbers: 'US10000-US10099' });
    const user = userEvent.setup();
    render(<BackupPanel api={kp.api} />);
    expect(screen.getByRole('region', { name: 'Backup' }).textContent).toContain('31 CFR 501.601');

    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    const details = await screen.findByLabelText('The backup just made');
    const path = within(details).getByText(/\.kpdesk-backup$/).textContent;
    expect(path.startsWith(join(kp.harness.dialogs.root, 'exports'))).toBe(true);
    expect(existsSync(path)).toBe(true);
    expect(details.textContent).toMatch(/Size\d+(\.\d)? (bytes|KB|MB)/);
    expect(details.textContent).toContain('UTC');
    expect(screen.getByRole('status', { name: '' }).textContent).toContain('backup was written');
    // The panel asked for progress while the backup call was pending, and never sent a path.
    expect(kp.calls).toContain('tasks:progress');
    expect(kp.harness.dialogs.asked).toEqual([
      { kind: 'save', purpose: 'backup', defaultName: basename(path).replace(/ \(\d\)/, '') },
    ]);
    expect(screen.queryByRole('progressbar')).toBeNull();

    kp.harness.dialogs.cancelNext();
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(await screen.findByText('Backup cancelled: no file was written.')).toBeTruthy();
    expect(screen.queryByLabelText('The backup just made')).toBeNull();
  });
});

describe('UnlockScreen: restore from a backup', () => {
  it('restores while locked with the backup’s passphrase once the events it drops are confirmed, keeps the old vault, then unlocks', async () => {
    const kp = shellKp();
    opened.push(kp);
    await kp.harness.firstRun();
    await kp.harness.value('stock:register', { numbers: 'US10000-US10009' });
    const backup = await kp.harness.value<{ path: string }>('vault:backup');
    await kp.harness.value('stock:register', { numbers: 'US20000-US20009' });
    await kp.harness.value('vault:lock');
    const imports = join(kp.harness.dialogs.root, 'imports');
    mkdirSync(imports, { recursive: true });
    copyFileSync(backup.path, join(imports, basename(backup.path)));

    const user = userEvent.setup();
    const unlocked: unknown[] = [];
    render(
      <UnlockScreen
        api={kp.api}
        notice={null}
        remembered={false}
        onUnlocked={(status) => {
          unlocked.push(status);
        }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Restore from a backup' }));
    // The restore form is loaded when asked for (UnlockScreen.tsx).
    const form = await screen.findByRole('form', { name: 'Restore from a backup' });
    expect(form.closest('section')?.textContent).toContain('kept beside');

    // Nothing typed: refused at the field before anything is sent.
    await user.click(screen.getByRole('button', { name: 'Choose the backup and restore' }));
    const field = screen.getByLabelText('Passphrase of the backup');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('passphrase the vault had');
    expect(kp.calls).not.toContain('vault:restore');

    // A wrong passphrase: the vault's own refusal, at the field, nothing changed.
    await user.type(field, 'not the passphrase');
    await user.click(screen.getByRole('button', { name: 'Choose the backup and restore' }));
    await waitFor(() => {
      expect(screen.getByRole('alert').getAttribute('data-error-code')).toBe('VAULT_KEY_INVALID');
    });
    expect(screen.getByRole('alert').textContent).not.toContain('VAULT_KEY_INVALID');
    expect(screen.getByLabelText('Passphrase of the backup').getAttribute('aria-invalid')).toBe(
      'true',
    );

    await user.clear(screen.getByLabelText('Passphrase of the backup'));
    await user.type(screen.getByLabelText('Passphrase of the backup'), HARNESS_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Choose the backup and restore' }));
    // The backup is older than the vault: main says what it drops and asks for that number.
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toMatch(/drops \d+ events/);
    });
    // As many as the vault holds beyond the backup (the registration of forms, the issues, …).
    const dropped = Number(/drops (\d+) events/.exec(screen.getByRole('alert').textContent)?.[1]);
    expect(dropped).toBeGreaterThan(1);
    expect(screen.getByRole('alert').getAttribute('data-error-code')).toBe('RESTORE_NOT_CONFIRMED');
    const drop = screen.getByLabelText('Audit events the restore drops (type the number)');
    await user.type(drop, String(dropped - 1));
    const restoreCalls = () => kp.calls.filter((call) => call === 'vault:restore').length;
    const callsBefore = restoreCalls();
    await user.click(screen.getByRole('button', { name: 'Choose the backup and restore' }));
    await waitFor(() => {
      expect(restoreCalls()).toBe(callsBefore + 1);
      expect(screen.getByRole('button', { name: 'Choose the backup and restore' })).toBeTruthy();
    });
    // A wrong count is refused the same way, and nothing was restored.
    await waitFor(() => {
      expect(screen.getByRole('alert').getAttribute('data-error-code')).toBe(
        'RESTORE_NOT_CONFIRMED',
      );
    });
    expect(screen.queryByText(/was restored/)).toBeNull();
    await user.clear(drop);
    await user.type(drop, String(dropped));
    await user.click(screen.getByRole('button', { name: 'Choose the backup and restore' }));
    const notice = await screen.findByText(/was restored/);
    expect(kp.calls).toContain('tasks:progress');
    const kept = /kept at (.+)\. Unlock/.exec(notice.textContent)?.[1] ?? '';
    expect(existsSync(kept)).toBe(true);

    // Back on the unlock form: unlock the restored vault; the stock after the backup is gone.
    await user.type(screen.getByLabelText('Vault passphrase'), HARNESS_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await expect.poll(() => unlocked.length).toBe(1);
    await kp.harness.signInAs('ada');
    expect(await kp.harness.value('stock:summary')).toMatchObject({ counts: { available: 10 } });
  });
});
