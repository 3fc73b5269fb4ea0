// The signed-in frame's own screens (Stock, Settings) in Chromium through the preview host, after
// first-run setup by keyboard: axe finds nothing at 1280×800 and 1920×1080, the stock shows what
// was registered with its gaps, and Settings changes a user's role, shows a bad printer offset
// at its field with the rule, names a changed record in plain words and says that this computer
// does not remember the vault key (the preview has no keychain). Screenshots go to docs/screenshots/.
import { copyFile, mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { unlockVaultAndKey } from '../../electron/core/vault/keys/unlock-vault';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { tabTo } from './first-run-steps';

const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

async function checkAtSizes(page: Page, name: string, outputPath: (name: string) => string) {
  await mkdir('docs/screenshots', { recursive: true });
  for (const size of sizes) {
    await page.setViewportSize(size);
    await expectNoAxeViolations(page, `${name} at ${String(size.width)}×${String(size.height)}`);
    // Nothing may overflow sideways at either size.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} scrolls sideways at ${String(size.width)}`).toBeLessThanOrEqual(0);
    const file = outputPath(`${name}-${String(size.width)}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await copyFile(file, `docs/screenshots/${name}-${String(size.width)}.png`);
  }
  await page.setViewportSize(sizes[0]);
}

async function goTo(page: Page, entry: string, heading: string) {
  await tabTo(page, entry);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
}

test('stock: register more forms by keyboard, see counts and gaps', async ({
  signedIn: { page },
}, testInfo) => {
  await goTo(page, 'Stock', 'Stock of blank forms');
  await tabTo(page, 'Form numbers');
  await page.keyboard.type('US10100-US10109, US10200');
  await tabTo(page, 'Register these forms');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Registered.' })).toBeVisible();
  const counts = page.getByTestId('stock-counts');
  await expect(counts).toContainText('61'); // 50 at first run + 10 + 1
  const gaps = page.getByRole('table');
  await expect(gaps).toContainText('US10050');
  await expect(gaps).toContainText('US10110');
  await checkAtSizes(page, 'stock', (n) => testInfo.outputPath(n));

  // A malformed list is refused at its field, nothing registered.
  await tabTo(page, 'Form numbers');
  await page.keyboard.type('US1-ABC');
  await tabTo(page, 'Register these forms');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Form numbers', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(counts).toContainText('61');
});

test('settings: identity shown, a role changed, a bad offset refused at its field', async ({
  signedIn: { page, setup },
}, testInfo) => {
  await goTo(page, 'Settings', 'Settings');
  await expect(page.getByTestId('identity-details')).toContainText(setup.administrator.displayName);
  await expect(page.getByTestId('identity-details')).toContainText('Self-signed');
  await expect(page.getByLabel('Legal name')).toHaveValue(setup.licensee.legalName);

  await page.getByLabel('Full name').fill('Otto Operator');
  await page.getByLabel('Username', { exact: true }).last().fill('otto');
  await page.getByLabel('First password').fill('operator-password-1');
  await page.getByRole('button', { name: 'Add the user' }).click();
  await expect(page.getByTestId('users-table')).toContainText('otto');
  await page.getByLabel('Role of Otto Operator').selectOption('reviewer');
  await page.getByRole('button', { name: 'Change role of Otto Operator' }).click();
  await expect(page.getByTestId('users-table')).toContainText('Reviewer (read-only)');

  await page.getByRole('button', { name: 'Save the settings' }).click();
  await expect(page.getByText('Saved. The rules use the new values')).toBeVisible();
  // The printer's offsets are this computer's preferences now (issue 16), per printer.
  await page.getByLabel('Printer name').fill('Office Epson');
  await page.getByLabel('Printer offset right (points)').fill('100');
  await page.getByRole('button', { name: 'Save for this computer' }).click();
  await expect(page.getByLabel('Printer offset right (points)')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByText('An offset is at most one inch (72 pt) either way.')).toBeVisible();
  await page.getByLabel('Printer offset right (points)').fill('3');
  await page.getByRole('button', { name: 'Save for this computer' }).click();
  await expect(page.getByText('Saved on this computer.')).toBeVisible();

  await checkAtSizes(page, 'settings', (n) => testInfo.outputPath(n));
});

test('settings: a backup written to <dataDir>/exports, its path, size and time shown', async ({
  signedIn: { page },
}) => {
  await goTo(page, 'Settings', 'Settings');
  const panel = page.getByRole('region', { name: 'Backup' });
  await panel.getByRole('button', { name: 'Back up now' }).focus();
  await page.keyboard.press('Enter');
  const details = panel.getByLabel('The backup just made');
  await expect(details).toContainText(/exports[\\/]kpdesk-\d{4}-\d{2}-\d{2}.*\.kpdesk-backup/);
  await expect(details).toContainText('UTC');
  await expect(panel.getByRole('status').filter({ hasText: 'backup was written' })).toBeVisible();
  await expectNoAxeViolations(page, 'settings backup');
  await mkdir('docs/screenshots', { recursive: true });
  await panel.screenshot({ path: 'docs/screenshots/settings-backup.png' });
});

test('settings: the record checked by keyboard, intact, then broken by a change outside KP Desk', async ({
  preview,
  signedIn: { page, setup },
}) => {
  await goTo(page, 'Settings', 'Settings');
  const panel = page.getByRole('region', { name: 'Check the record' });
  await panel.getByRole('button', { name: 'Check the record now' }).focus();
  await page.keyboard.press('Enter');
  await expect(
    panel.getByRole('status').filter({ hasText: /The record is intact: \d+ events checked at / }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'settings record check');
  await mkdir('docs/screenshots', { recursive: true });
  await panel.screenshot({ path: 'docs/screenshots/settings-check-record.png' });

  // The licensee's name changed with the key through a second, plain connection.
  const { db, key } = await unlockVaultAndKey({
    dir: preview.dataDir,
    secret: { passphrase: setup.passphrase },
  });
  key.fill(0);
  try {
    db.exec("UPDATE licensee SET legal_name = 'Someone Else LLC'");
  } finally {
    db.close();
  }
  await panel.getByRole('button', { name: 'Check the record now' }).focus();
  await page.keyboard.press('Enter');
  const broken = panel.getByRole('alert').filter({ hasText: 'The record is not intact.' });
  await expect(broken).toContainText('changed or removed outside KP Desk');
  await expect(broken).toContainText('contact USKPA');
  await expect(panel.getByLabel('Where the record breaks')).toContainText(
    'Recordthe licensee profile',
  );
  await expectNoAxeViolations(page, 'settings record check broken');
  await panel.screenshot({ path: 'docs/screenshots/settings-check-record-broken.png' });
});

test('settings: this computer does not remember the vault key; the preview says why it cannot', async ({
  signedIn: { page, setup },
}) => {
  await goTo(page, 'Settings', 'Settings');
  const panel = page.getByRole('region', { name: 'This computer' });
  await expect(panel).toContainText('This computer does not remember the vault key.');
  await expect(panel).toContainText('Everyone still signs in');
  await panel.getByLabel('Vault passphrase').focus();
  await page.keyboard.type(setup.passphrase);
  await page.keyboard.press('Enter');
  const refused = panel.getByRole('alert');
  await expect(refused).toContainText(
    "This computer's keychain is not available in the preview; use your passphrase.",
  );
  await expect(refused).toHaveAttribute('data-error-code', 'KEY_UNAVAILABLE');
  await expect(refused).not.toContainText('KEY_UNAVAILABLE');
  await expect(panel).toContainText('does not remember the vault key');
  await expectNoAxeViolations(page, 'settings this computer');
  await mkdir('docs/screenshots', { recursive: true });
  await panel.screenshot({ path: 'docs/screenshots/settings-this-computer.png' });
});
