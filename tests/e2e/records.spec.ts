// Records end to end, in Chromium through the preview host, on its own preview (a fresh vault):
// the vault is set up through window.kp, the user signs in through the page, opens an issued
// certificate from the list with the keyboard, voids it with a reason after the confirmation,
// and finds it in records under "Voided". axe finds no violation on the list and the certificate
// page at 1280×800 and 1920×1080; each view is saved to docs/screenshots/records-*.png.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startBuiltPreview } from './start-built-preview';
import type { RunningPreview } from './start-built-preview';
import { seedVaultThroughBridge, signInThroughPage } from './seed-vault';
import type { SeedCertificate } from './seed-vault';

const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const seedCertificates: readonly SeedCertificate[] = [
  { number: 'US10001', consignee: 'Antwerp Rough BV', destination: 'BE', issue: true },
  { number: 'US10002', consignee: 'Dubai Gems DMCC', destination: 'AE', issue: true },
  { number: 'US10003', consignee: 'Mumbai Traders Pvt', destination: 'IN', issue: false },
  { number: 'US10004', consignee: 'Schupstraat Diamonds BV', destination: 'BE', issue: true },
];

let preview: RunningPreview;
test.beforeAll(async () => {
  preview = await startBuiltPreview();
});
test.afterAll(async () => {
  await preview.stop();
});

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

async function checkEachSize(page: Page, name: string): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await expectNoAxeViolations(page, `${name} at ${String(size.width)}×${String(size.height)}`);
    await page.screenshot({
      path: `docs/screenshots/records-${name}-${String(size.width)}x${String(size.height)}.png`,
    });
  }
  await page.setViewportSize(sizes[0]);
}

test('void a certificate with a reason and find it in records', async ({ page }) => {
  test.setTimeout(480_000);
  await page.goto(preview.openUrl);
  await seedVaultThroughBridge(page, { certificates: seedCertificates });
  await page.reload();
  await signInThroughPage(page);

  const list = page.getByRole('listbox', { name: 'Certificates' });
  await expect(page.getByRole('heading', { name: 'Records', level: 1 })).toBeVisible();
  await expect(page.getByTestId('records-count')).toHaveText('4 certificates');
  await checkEachSize(page, 'list');

  // Narrow to issued certificates, then open US10002 with the keyboard alone.
  await page.getByLabel('State').selectOption('ISSUED');
  await expect(page.getByTestId('records-count')).toHaveText('3 certificates');
  await list.focus();
  await page.keyboard.press('Home');
  await expect(list.getByRole('option', { selected: true })).toHaveAccessibleName(/^US10004\b/);
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toHaveAccessibleName(/^US10002\b/);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Certificate US10002' })).toBeVisible();
  await expect(page.getByText('Dubai Gems DMCC')).toBeVisible();
  await checkEachSize(page, 'certificate');

  // A reason is required; "Other" needs notes; then a confirmation naming the certificate.
  await page.getByRole('button', { name: 'Void US10002…' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose the reason');
  await page.getByLabel('Reason for voiding').selectOption('Customer canceled shipment');
  await page.getByRole('button', { name: 'Void US10002…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Void certificate US10002?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await expectNoAxeViolations(page, 'the void confirmation');
  await page.screenshot({ path: 'docs/screenshots/records-void-confirm.png' });
  await dialog.getByRole('button', { name: 'Void US10002' }).click();
  await expect(page.getByText(/US10002 is voided/)).toBeVisible();
  await expect(page.getByText('Customer canceled shipment')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/records-voided.png' });

  // Back in records, the voided certificate is found under "Voided".
  await page.getByRole('button', { name: '← Back to records' }).click();
  await page.getByLabel('State').selectOption('VOIDED');
  await expect(page.getByTestId('records-count')).toHaveText('1 certificate');
  await expect(list.getByRole('option')).toHaveAccessibleName(/^US10002\b.*\bVoided\b/);
  await page.screenshot({ path: 'docs/screenshots/records-found-voided.png' });
});
