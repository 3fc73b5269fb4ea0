// The demo recipient of `npm run preview`, end to end in Chromium: the preview host runs with its
// demo intake on (as `npm run preview` does), first-run setup points Census and USKPA at it, and
// a certificate issued, signed and shipped has its copies go Pending → Delivered with a receipt
// verified today, no settings typed. Submissions and Settings > Recipients say it is the demo
// intake on this computer and that nothing reaches Census. axe finds nothing on each screen;
// screenshots go to docs/screenshots/submissions-demo-*.png.
import { expect, test } from '@playwright/test';
import { kpCall } from './kp-call';
import { checkScreenAtSizes } from './screen-check';
import { openWithSignedCertificate } from './signed-certificate';
import { startTempPreview } from './temp-preview';
import type { TempPreview } from './temp-preview';

let preview: TempPreview;

test.beforeAll(async () => {
  preview = await startTempPreview('kpdesk-e2e-demo-', { demoIntake: true });
});
test.afterAll(async () => {
  await preview.close();
});

test('a new vault of the preview delivers its copies to the labelled demo intake', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const id = await openWithSignedCertificate(page, preview.openUrl);
  const today = new Date().toISOString().slice(0, 10);
  await kpCall(page, 'certificates:ship', { id, shipDate: today });

  await page.getByRole('button', { name: /^Submissions/ }).click();
  await expect(page.getByRole('heading', { name: 'Submissions', level: 1 })).toBeVisible();
  await expect(page.getByTestId('demo-recipient-note')).toContainText(
    'Demo recipient: demo intake on this computer; nothing reaches Census or USKPA.',
  );
  const censusRow = page.locator('tr[data-submission="US10001/shipped/v1"]');
  await expect(censusRow.getByText('Delivered', { exact: true })).toBeVisible({ timeout: 60_000 });
  await censusRow.getByRole('button', { name: /^Receipt/ }).click();
  await expect(page.getByText('Verified today: this receipt proves the delivery.')).toBeVisible();
  await page.keyboard.press('Escape');
  await checkScreenAtSizes(page, 'submissions-demo-queue');

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByTestId('demo-recipient-census')).toHaveText(
    'Demo recipient: demo intake on this computer; nothing reaches Census. Save your own settings below to replace it.',
  );
  await expect(page.getByTestId('demo-recipient-uskpa')).toContainText('nothing reaches USKPA');
  await page.getByTestId('demo-recipient-census').scrollIntoViewIfNeeded();
  await checkScreenAtSizes(page, 'submissions-demo-settings');
});
