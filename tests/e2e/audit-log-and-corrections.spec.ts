// The corrections inbox and the Audit log, in Chromium through the preview host: an operator's
// correction request appears in the administrator's navigation as a count badge and in the
// inbox, which leads to the certificate; the Audit log shows the events in plain words, filters
// by certificate in the core and exports CSV. axe finds nothing on each view, at 1280 and 1920
// (docs/screenshots/corrections-inbox-*.png, audit-log-*.png).
import type { Page } from '@playwright/test';
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

/** As the signed-in operator, through window.kp: a new consignee name for the certificate. */
async function requestCorrection(page: Page) {
  await page.evaluate(async () => {
    type Answer = { ok: boolean; value?: unknown; error?: unknown };
    type Kp = {
      certificates: {
        list: (input: unknown) => Promise<Answer>;
        get: (input: unknown) => Promise<Answer>;
        requestEdit: (input: unknown) => Promise<Answer>;
      };
    };
    const kp = (window as unknown as { kp: Kp }).kp;
    const listed = await kp.certificates.list({});
    const id = (listed.value as { items: { id: number }[] }).items[0]?.id;
    const record = await kp.certificates.get({ id });
    const draft = (record.value as { draft: { consignee: { name: string } } }).draft;
    const asked = await kp.certificates.requestEdit({
      id,
      proposed: { ...draft, consignee: { ...draft.consignee, name: 'Antwerp Rough BVBA' } },
      reason: 'The consignee’s legal form is BVBA.',
    });
    if (!asked.ok) throw new Error(JSON.stringify(asked.error));
  });
}

test('the corrections inbox and the audit log, as an administrator', async ({ page, preview }) => {
  test.setTimeout(480_000);
  await page.goto(preview.openUrl);
  await seedVaultThroughBridge(page, {
    users: [OPERATOR],
    certificates: [
      { number: 'US10001', consignee: 'Antwerp Rough BV', destination: 'BE', issue: true },
    ],
  });
  await page.reload();
  await signInThroughPage(page, OPERATOR);
  // An operator's navigation: Corrections without a badge, no Audit log.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button', { name: 'Corrections', exact: true })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Audit log' })).toHaveCount(0);
  await requestCorrection(page);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signInThroughPage(page, SEED_ADMIN);
  const entry = nav.getByRole('button', { name: /^Corrections/ });
  await expect(entry).toHaveText('Corrections 1 waiting for your decision');
  await entry.click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Corrections waiting for a decision' }),
  ).toBeVisible();
  const inbox = page.getByTestId('corrections-inbox');
  await expect(inbox).toContainText('The consignee’s legal form is BVBA.');
  await expect(inbox).toContainText('You may approve or reject it');
  await checkScreenAtSizes(page, 'corrections-inbox');
  await inbox.getByRole('button', { name: 'US10001' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificate US10001' })).toBeVisible();

  await nav.getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const table = page.getByTestId('audit-log-table');
  await expect(table).toContainText(
    'Correction requested: correction request 1 of certificate US10001',
  );
  await expect(table).toContainText('Otto Operator');
  await checkScreenAtSizes(page, 'audit-log');

  await page.getByLabel('Certificate number').fill('US10001');
  await page.getByRole('button', { name: 'Show the events' }).click();
  await expect(table.locator('caption')).toContainText('Page 1');
  // Each event names the certificate, or is the one event that registered its number's range
  // (issue 13: one stock event per registered range), which the filter lists with it.
  for (const row of await table.locator('tbody tr').all())
    await expect(row).toContainText(/US10001|Registered KP numbers US10000 to US10049/);
  await page.getByRole('button', { name: 'Export these events as CSV…' }).click();
  await expect(page.getByRole('status').filter({ hasText: /events written to/ })).toBeVisible();
  await checkScreenAtSizes(page, 'audit-log-filtered');

  // The Statistics page's charts, each beside its table (issue 14): axe on the whole page.
  await nav.getByRole('button', { name: 'Statistics' }).click();
  await page.getByRole('textbox', { name: 'Period', exact: true }).fill('2026');
  await page.getByRole('button', { name: 'Show the statistics' }).click();
  await expect(page.getByRole('figure', { name: /Carats by quarter, 2026/ })).toBeVisible();
  await expect(
    page
      .getByRole('figure', { name: /Shares by HS code/ })
      .locator('svg')
      .first(),
  ).toBeVisible();
  await checkScreenAtSizes(page, 'statistics-charts');
});
