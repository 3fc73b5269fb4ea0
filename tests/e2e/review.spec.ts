// The Review page in Chromium through the preview host, on a vault seeded through window.kp: two
// certificates issued with the same ITN for the same consignee (not a split shipment) and their
// USKPA reports still waiting. An administrator runs the review: the errors name both
// certificates under ITN_USED_TWICE, the warnings name the reports, a certificate link opens its
// page; axe finds nothing (docs/screenshots/review-findings-*.png). An operator has no Review entry.
import { expect, test } from './fixtures';
import { checkScreenAtSizes } from './screen-check';
import { SEED_ADMIN, seedVaultThroughBridge, signInThroughPage } from './seed-vault';
import type { SeedUser } from './seed-vault';

const OPERATOR: SeedUser = {
  displayName: 'Otto Operator',
  username: 'otto',
  password: 'operator-password-1',
  role: 'operator',
};

test('an administrator runs the review and follows a finding to its certificate', async ({
  page,
  preview,
}) => {
  test.setTimeout(480_000);
  await page.goto(preview.openUrl);
  await seedVaultThroughBridge(page, {
    users: [OPERATOR],
    certificates: [
      { number: 'US10001', consignee: 'Antwerp Rough BV', destination: 'BE', issue: true },
      { number: 'US10002', consignee: 'Antwerp Rough BV', destination: 'BE', issue: true },
    ],
  });
  await page.reload();
  await signInThroughPage(page, SEED_ADMIN);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Review' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  await page.getByRole('button', { name: 'Run the review' }).click();

  const errors = page.getByRole('region', { name: 'Errors (2)' });
  await expect(errors).toBeVisible({ timeout: 120_000 });
  await expect(errors.locator('[data-code="ITN_USED_TWICE"]')).toHaveCount(2);
  const warnings = page.getByRole('region', { name: 'Warnings (2)' });
  await expect(warnings.locator('[data-code="USKPA_REPORT_NOT_DELIVERED"]')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'What was reviewed' })).toContainText(
    '2 certificates, 0 signed PDFs',
  );
  await checkScreenAtSizes(page, 'review-findings');

  await errors.getByRole('button', { name: 'US10002' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificate US10002' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInThroughPage(page, OPERATOR);
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review' }),
  ).toHaveCount(0);
});
