// The audit package in Chromium through the preview host (issue 14, part 3): on a vault seeded
// through window.kp, with a signing identity, a reviewer's export from the Review page shows the
// file, its size, the head and the SHA-256; then, with the vault locked, "Open an audit package…"
// on the first screen opens it read-only: the banner on every screen, a record and its page, no
// "New certificate", a change refused by the core (AUDIT_PACKAGE_READ_ONLY); "Close the package"
// returns to the unlock screen. axe finds nothing at 1280×800 and 1920×1080
// (docs/screenshots/audit-package-*.png).
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { KpApi } from '../../shared/ipc/api';
import { expect, test } from './fixtures';
import { checkScreenAtSizes } from './screen-check';
import { SEED_ADMIN, seedVaultThroughBridge, signInThroughPage } from './seed-vault';
import type { SeedUser } from './seed-vault';

const PASSPHRASE = 'for USKPA, sent by post 2026';
const RITA: SeedUser = {
  displayName: 'Rita Reviewer',
  username: 'rita',
  password: 'reviewer-password-1',
  role: 'reviewer',
};

test('a reviewer exports an audit package, and it opens read-only on the first screen', async ({
  page,
  preview,
}) => {
  test.setTimeout(480_000);
  await page.goto(preview.openUrl);
  await seedVaultThroughBridge(page, {
    users: [RITA],
    certificates: [
      { number: 'US10001', consignee: 'Antwerp Rough BV', destination: 'BE', issue: true },
    ],
  });
  await page.reload();
  await signInThroughPage(page, SEED_ADMIN);
  // The package is signed by the licensee's identity (made here through window.kp).
  const generated = await page.evaluate(async () => {
    const kp = (window as Window & { kp?: KpApi }).kp;
    const answer = await kp?.identity.generate({ signerName: 'Ada Admin' });
    return answer?.ok === true;
  });
  expect(generated).toBe(true);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInThroughPage(page, RITA);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Review' })
    .click();
  await page.getByRole('button', { name: 'Export audit package…' }).click();
  await page.getByLabel('Package passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the package passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Choose where to save…' }).click();
  const written = page.getByRole('region', { name: 'Audit package written' });
  await expect(written).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('package-sha256')).toHaveText(/^[0-9a-f]{64}$/);
  await checkScreenAtSizes(page, 'audit-package-export');

  // The reviewer's computer: the file in the open dialog's folder, the vault locked.
  const exportsDir = join(preview.dataDir, 'exports');
  const name = (await readdir(exportsDir)).find((file) => file.endsWith('.kpdesk-audit'));
  expect(name).toBeDefined();
  await mkdir(join(preview.dataDir, 'imports'), { recursive: true });
  await copyFile(join(exportsDir, name ?? ''), join(preview.dataDir, 'imports', name ?? ''));
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Open an audit package…' }).click();
  await page.getByLabel('Package passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Choose the package file…' }).click();

  const banner = page.getByRole('region', { name: 'Audit package being read' });
  await expect(banner).toBeVisible({ timeout: 180_000 });
  await expect(banner).toContainText('Audit package from Hudson Rough Trading LLC');
  await expect(banner).toContainText('by Rita Reviewer (rita, reviewer)');
  await expect(banner).toContainText('read-only: nothing here can be changed');
  await expect(banner).toContainText('whose certificate is not trusted here');
  await expect(page.getByText('US10001').first()).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New certificate' }),
  ).toHaveCount(0);
  await checkScreenAtSizes(page, 'audit-package-reading');

  // A change asked of the core anyway is refused, typed.
  const refused = await page.evaluate(async () => {
    const kp = (window as Window & { kp?: KpApi }).kp;
    const answer = await kp?.stock.register({ numbers: 'US20000-US20001' });
    return answer?.ok === false ? answer.error.code : 'ok';
  });
  expect(refused).toBe('AUDIT_PACKAGE_READ_ONLY');

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Stock' })
    .click();
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Close the package' }).click();
  await expect(page.getByRole('button', { name: 'Open an audit package…' })).toBeVisible();
  await expect(banner).toHaveCount(0);
});
