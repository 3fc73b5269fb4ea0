// Restoring the vault from a backup, in Chromium through the preview host: the vault is set up
// through window.kp with one issued certificate, a backup is made in Settings → Backup (the
// preview's save dialog writes it to <dataDir>/exports), a draft is added after it, and the
// vault is locked. On the unlock screen the backup (copied to <dataDir>/imports, where the
// preview's open dialog looks) is refused with a wrong passphrase at its field, then restored;
// after unlocking, the issued certificate is there and the later draft is not. axe finds nothing
// on the unlock screen (passphrase and recovery key), the restore form, the notice after it and
// the sign-in screen, at 1280×800 and 1920×1080 (docs/screenshots/unlock-*, restore-backup-*,
// sign-in-*).
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { checkScreenAtSizes } from './screen-check';
import {
  createDraftThroughBridge,
  SEED_PASSPHRASE,
  seedVaultThroughBridge,
  signInThroughPage,
} from './seed-vault';

test('restore a backup from the unlock screen and find the certificate again', async ({
  page,
  preview,
}) => {
  test.setTimeout(360_000);
  await page.goto(preview.openUrl);
  await seedVaultThroughBridge(page, {
    certificates: [
      { number: 'US10001', consignee: 'Antwerp Rough BV', destination: 'BE', issue: true },
    ],
  });
  await page.reload();
  await signInThroughPage(page);

  // The backup, made through the Settings panel.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Settings' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Backup' });
  await panel.getByRole('button', { name: 'Back up now' }).click();
  await expect(panel.getByLabel('The backup just made')).toContainText('exports');
  const exportsDir = join(preview.dataDir, 'exports');
  const [backupName] = await readdir(exportsDir);
  if (backupName === undefined) throw new Error('No backup file was written to exports/.');
  await mkdir(join(preview.dataDir, 'imports'), { recursive: true });
  await copyFile(join(exportsDir, backupName), join(preview.dataDir, 'imports', backupName));

  // A change after the backup, which restoring must undo.
  await createDraftThroughBridge(page, {
    number: 'US10002',
    consignee: 'Dubai Gems DMCC',
    destination: 'AE',
    issue: false,
  });

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the vault' })).toBeVisible();
  await checkScreenAtSizes(page, 'unlock');
  await page.getByRole('button', { name: 'I lost the passphrase: use the recovery key' }).click();
  await expect(page.getByLabel('Recovery key')).toBeVisible();
  await checkScreenAtSizes(page, 'unlock-recovery-key');
  await page.getByRole('button', { name: 'Use the passphrase instead' }).click();

  await page.getByRole('button', { name: 'Restore from a backup' }).click();
  const form = page.getByRole('form', { name: 'Restore from a backup' });
  await expect(form).toBeVisible();
  await checkScreenAtSizes(page, 'restore-backup');

  // A wrong passphrase is refused at its field, and nothing is replaced.
  const secret = form.getByLabel('Passphrase of the backup');
  await secret.fill('not the passphrase it had');
  await form.getByRole('button', { name: 'Choose the backup and restore' }).click();
  await expect(secret).toHaveAttribute('aria-invalid', 'true', { timeout: 60_000 });
  await expect(form.getByRole('alert')).not.toBeEmpty();
  await checkScreenAtSizes(page, 'restore-backup-wrong-passphrase');

  await secret.fill(SEED_PASSPHRASE);
  await form.getByRole('button', { name: 'Choose the backup and restore' }).click();
  // The backup predates the draft of US10002: the restore says what it drops and asks for the
  // number of events in so many words (issue 13: an older backup silently dropped events).
  const drop = form.getByLabel('Audit events the restore drops (type the number)');
  await expect(drop).toBeVisible({ timeout: 120_000 });
  await expect(form.getByRole('alert')).toContainText('certificate US10002');
  const count = /drops (\d+) event/.exec((await form.getByRole('alert').textContent()) ?? '')?.[1];
  await drop.fill(count ?? '');
  await form.getByRole('button', { name: 'Choose the backup and restore' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'was restored' });
  await expect(notice).toBeVisible({ timeout: 120_000 });
  await expect(notice).toContainText('The vault it replaced was kept at');
  await checkScreenAtSizes(page, 'restore-backup-done');

  await page.getByLabel('Vault passphrase').fill(SEED_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({
    timeout: 60_000,
  });
  await checkScreenAtSizes(page, 'sign-in');
  await signInThroughPage(page);
  await expect(page.getByRole('heading', { name: 'Records', level: 1 })).toBeVisible();
  await expect(page.getByTestId('records-count')).toHaveText('1 certificate');
  const list = page.getByRole('listbox', { name: 'Certificates' });
  await expect(list.getByRole('option')).toHaveAccessibleName(/^US10001\b.*\bIssued\b/);
});
