// "Remember on this computer" in Chromium through the preview host, which has no OS keychain: by
// keyboard, the box is checked on the unlock screen and the vault unlocked; the vault opens and the
// sign-in screen says plainly why nothing was remembered; locked again, "Stop remembering" is not
// offered.
// axe finds nothing on either screen at 1280×800 and 1920×1080
// (docs/screenshots/unlock-remember-*, sign-in-not-remembered-*).
import { expect, test } from './fixtures';
import { checkScreenAtSizes } from './screen-check';
import { SEED_PASSPHRASE, seedVaultThroughBridge } from './seed-vault';

const NO_KEYCHAIN =
  "This computer's keychain is not available in the preview; use your passphrase.";

test('remember on this computer: explained, and refused plainly where there is no keychain', async ({
  page,
  preview,
}) => {
  test.setTimeout(480_000);
  await page.goto(preview.openUrl);
  await seedVaultThroughBridge(page, { certificates: [] });
  await page.evaluate(async () => {
    await (
      window as Window & { kp?: { vault: { lock: (input: object) => Promise<unknown> } } }
    ).kp?.vault.lock({});
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the vault' })).toBeFocused();

  // By keyboard: the passphrase, then the box (Space), then Enter from the box submits the form.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Vault passphrase')).toBeFocused();
  await page.keyboard.type(SEED_PASSPHRASE);
  await page.keyboard.press('Tab');
  const box = page.getByRole('checkbox', { name: 'Remember on this computer' });
  await expect(box).toBeFocused();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await expect(page.getByText('without the passphrase', { exact: false })).toBeVisible();
  await checkScreenAtSizes(page, 'unlock-remember');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'not remembered' })).toHaveText(
    `The vault is open, but it is not remembered on this computer: ${NO_KEYCHAIN}`,
  );
  await checkScreenAtSizes(page, 'sign-in-not-remembered');

  // Nothing was remembered, so locked again the screen offers remembering, not stopping it.
  await page.getByRole('button', { name: 'Lock the vault' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the vault' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Remember on this computer' })).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Stop remembering the vault on this computer' }),
  ).toHaveCount(0);
});
