// First-run setup by the keyboard alone, on a fresh vault: every step's heading takes the focus,
// each field is reached with Tab, and setup ends signed in as the administrator, with the
// licensee in the header and the registered forms in stock. A screenshot of every step goes to
// docs/screenshots/. Then: the wrong inputs each show their rule at the field.
import { copyFile, mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { completeFirstRunByKeyboard, tabTo } from './first-run-steps';
import type { FirstRunStepName } from './first-run-steps';

async function screenshot(page: Page, name: string, outputPath: (name: string) => string) {
  const file = outputPath(name);
  await page.screenshot({ path: file, fullPage: true });
  await mkdir('docs/screenshots', { recursive: true });
  await copyFile(file, `docs/screenshots/${name}`);
}

test('a new user completes first-run setup with the keyboard only', async ({
  app: page,
}, testInfo) => {
  const seen: FirstRunStepName[] = [];
  const setup = await completeFirstRunByKeyboard(page, {
    licensee: { isCommonCarrier: true },
    onStep: async (step, current) => {
      seen.push(step);
      await expectNoAxeViolations(current, `first-run ${step}`);
      const index = String(seen.length).padStart(2, '0');
      await screenshot(current, `first-run-${index}-${step}.png`, (n) => testInfo.outputPath(n));
    },
  });
  expect(seen).toEqual([
    'vault',
    'recovery',
    'licensee',
    'administrator',
    'identity',
    'identity',
    'stock',
    'stock',
    'done',
  ]);
  await expect(page.getByTestId('licensee-name')).toHaveText(setup.licensee.legalName);
  await expect(page.getByTestId('signed-in-user')).toContainText('Administrator');

  // The setup is really in the vault: the stock screen shows the 50 registered forms.
  await tabTo(page, 'Stock');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Stock of blank forms' })).toBeFocused();
  await expect(page.getByTestId('stock-counts')).toContainText('50');
  await expect(page.getByTestId('stock-counts')).toContainText('US10000');
});

test('first-run setup shows each mistake at its field with the rule', async ({ app: page }) => {
  test.setTimeout(360_000);
  // A short passphrase and a different confirmation.
  await page.getByLabel('Vault passphrase').fill('short');
  await page.getByLabel('Type the passphrase again').fill('shorter');
  await page.getByRole('button', { name: 'Create the vault' }).click();
  await expect(page.getByRole('alert').first()).toContainText('cannot be used yet');
  await expect(page.getByLabel('Vault passphrase')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Use at least 12 characters (the vault rule).')).toBeVisible();
  await expect(page.getByText('The two passphrases differ.', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, 'first-run errors');

  await page.getByLabel('Vault passphrase').fill('correct horse battery staple');
  await page.getByLabel('Type the passphrase again').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create the vault' }).click();

  // A recovery key typed back wrong is refused at its field.
  await expect(page.getByRole('heading', { name: 'Write down your recovery key' })).toBeVisible({
    timeout: 60_000,
  });
  await page.getByLabel('Type the recovery key back').fill('KPR-00000');
  await page.getByRole('button', { name: 'I have written it down: continue' }).click();
  await expect(page.getByLabel('Type the recovery key back')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByRole('alert').first()).toContainText('does not match');
  const key = ((await page.getByTestId('recovery-key').textContent()) ?? '').trim();
  await page.getByLabel('Type the recovery key back').fill(key.toLowerCase());
  await page.getByRole('button', { name: 'I have written it down: continue' }).click();

  // A TIN in the wrong shape (eight digits) names the rule; nine digits are formatted instead.
  await expect(page.getByRole('heading', { name: 'Who is the licensee?' })).toBeVisible();
  await page.getByLabel('Legal name').fill('Acme Rough Diamonds LLC');
  await page.getByLabel('Address').fill('580 Fifth Avenue, New York, NY 10036');
  await page.getByLabel('Taxpayer Identification Number (TIN)').fill('12345678');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Taxpayer Identification Number (TIN)')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByText('Enter the TIN (EIN) as NN-NNNNNNN, e.g. 12-3456789.')).toBeVisible();
});
