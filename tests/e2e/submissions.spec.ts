// Submissions end to end, in Chromium through the preview host with the real reference intake
// server (mutual TLS, signed receipts) on 127.0.0.1: an issued, signed and shipped certificate
// shows its Census copy overdue on the records list; Settings > Recipients refuses an expired CA
// next to the field and saves nothing; with good files the Census copy is delivered in the
// background and its receipt verifies; the intake's wrong-certificate fault leaves the USKPA
// report Rejected and the navigation badge counts it; after the fault is cleared, Retry now
// delivers it and the badge goes. axe finds nothing on each screen; screenshots go to
// docs/screenshots/submissions-*.png.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createIntakePki } from '../../preview/intake/intake-pki';
import type { IntakePki } from '../../preview/intake/intake-pki';
import { startIntakeServer } from '../../preview/intake/intake-server';
import type { IntakeServer } from '../../preview/intake/intake-server';
import { kpCall } from './kp-call';
import { checkScreenAtSizes } from './screen-check';
import { openWithSignedCertificate } from './signed-certificate';
import { startTempPreview } from './temp-preview';
import type { TempPreview } from './temp-preview';

let preview: TempPreview;
let intake: IntakeServer;
let pki: IntakePki;

test.beforeAll(async () => {
  pki = createIntakePki();
  intake = await startIntakeServer({ pki });
  preview = await startTempPreview('kpdesk-e2e-submissions-');
  await mkdir(join(preview.dataDir, 'imports'), { recursive: true });
});
test.afterAll(async () => {
  await preview.close();
  await intake.close();
});

/** The preview's open dialog takes the newest file in imports/ whose name ends as asked. */
async function putImport(name: string, text: string): Promise<void> {
  await writeFile(join(preview.dataDir, 'imports', name), text);
  // A later file must be newer even on a coarse file-system clock.
  await new Promise((resolve) => setTimeout(resolve, 20));
}

async function chooseFiles(
  page: Page,
  form: string,
  files: { ca: string; cert: string; key: string },
) {
  const section = page.getByRole('form', { name: form });
  await putImport('recipient.ca.pem', files.ca);
  await section.getByRole('button', { name: /Recipient’s CA certificate/ }).click();
  await expect(section.getByText(/Chosen: recipient\.ca\.pem/)).toBeVisible();
  await putImport('mine.client.pem', files.cert);
  await section.getByRole('button', { name: /Your client certificate$/ }).click();
  await putImport('mine.key', files.key);
  await section.getByRole('button', { name: /private key/ }).click();
  await expect(section.getByText(/Chosen: mine\.key/)).toBeVisible();
}

test('copies are delivered in the background, Rejected ones need the user, bad settings are refused', async ({
  page,
}) => {
  test.setTimeout(600_000);
  // Signed and shipped through window.kp: the Census copy (export on 2026-11-28) is due and late.
  const id = await openWithSignedCertificate(page, preview.openUrl);
  await kpCall(page, 'certificates:ship', { id, shipDate: '2026-11-28' });
  await page.getByRole('button', { name: 'Stock', exact: true }).click();
  await page.getByRole('button', { name: 'Records', exact: true }).click();
  await expect(page.getByTestId('overdue-summary')).toContainText(
    '1 certificate has a Census copy overdue',
  );
  await expect(page.getByRole('option', { name: /^US10001/ }).locator('.overdue-mark')).toHaveText(
    'Census copy Overdue',
  );
  await checkScreenAtSizes(page, 'submissions-records-overdue');

  // Settings > Recipients: an expired CA is refused next to the field; nothing is saved or sent.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const census = page.getByRole('form', { name: /^Census/ });
  await census.getByLabel('Submission address (https://)').fill(intake.url);
  const expired = createIntakePki({ caDays: -1 });
  await chooseFiles(page, 'Census (copies after export and on voiding)', {
    ca: expired.ca.certPem,
    cert: pki.client.certPem,
    key: pki.client.keyPem,
  });
  await census.getByRole('button', { name: 'Save Census settings' }).click();
  await expect(census.locator('[data-field="caPem"]')).toContainText(
    /expired on \d{4}-\d{2}-\d{2}/,
  );
  await expect(census.getByRole('alert')).toContainText('expired');
  await census.getByRole('button', { name: 'Save Census settings' }).scrollIntoViewIfNeeded();
  await checkScreenAtSizes(page, 'submissions-settings-refused');
  expect(intake.requests()).toBe(0);

  // The right CA: saved, and the Census copy leaves in the background.
  await chooseFiles(page, 'Census (copies after export and on voiding)', {
    ca: pki.ca.certPem,
    cert: pki.client.certPem,
    key: pki.client.keyPem,
  });
  await census.getByRole('button', { name: 'Save Census settings' }).click();
  await expect(census.getByRole('status')).toContainText('Saved.');
  // Counted on the server: the background delivery sent the Census copy, with no CLI.
  await expect.poll(() => intake.deliveries(), { timeout: 60_000 }).toBe(1);

  // USKPA: the intake presents a certificate from another CA; the report is Rejected, unsent.
  await intake.setFaults({ wrongCertificate: true });
  const uskpa = page.getByRole('form', { name: /^USKPA/ });
  await uskpa.getByLabel('Submission address (https://)').fill(intake.url);
  await chooseFiles(page, 'USKPA (reports of each certificate’s use)', {
    ca: pki.ca.certPem,
    cert: pki.client.certPem,
    key: pki.client.keyPem,
  });
  await uskpa.getByRole('button', { name: 'Save USKPA settings' }).click();
  await expect(uskpa.getByRole('status')).toContainText('Saved.');

  await page.getByRole('button', { name: /^Submissions/ }).click();
  await expect(page.getByRole('heading', { name: 'Submissions', level: 1 })).toBeVisible();
  const censusRow = page.locator('tr[data-submission="US10001/shipped/v1"]');
  const uskpaRow = page.locator('tr[data-submission="US10001/issued/v1"]');
  await expect(censusRow.getByText('Delivered', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(uskpaRow.getByText('Rejected (needs you)')).toBeVisible({ timeout: 60_000 });
  await expect(uskpaRow).toContainText('did not issue');
  await expect(page.getByTestId('submissions-badge')).toHaveText(/^1/, { timeout: 15_000 });
  expect(intake.deliveries()).toBe(1);

  await censusRow.getByRole('button', { name: /^Receipt/ }).click();
  await expect(page.getByText('Verified today: this receipt proves the delivery.')).toBeVisible();
  await expect(page.getByText(/Signer: Passed\./)).toBeVisible();
  await checkScreenAtSizes(page, 'submissions-queue');

  // The fault cleared, Retry now delivers the USKPA report; nothing needs the user any more.
  await intake.setFaults({ wrongCertificate: false });
  await uskpaRow.getByRole('button', { name: /^Retry now/ }).click();
  await expect(uskpaRow.getByText('Delivered', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('submissions-badge')).toHaveCount(0, { timeout: 15_000 });
  expect(intake.deliveries()).toBe(2);

  // The certificate's page lists both, delivered; the records list no longer marks it overdue.
  await censusRow.getByRole('button', { name: 'US10001', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Submissions' });
  await expect(panel.getByText('Delivered', { exact: true })).toHaveCount(2);
  await checkScreenAtSizes(page, 'submissions-certificate');
  await page.getByRole('button', { name: 'Records', exact: true }).click();
  await expect(page.getByRole('option', { name: /^US10001/ })).toBeVisible();
  await expect(page.getByTestId('overdue-summary')).toHaveCount(0);
});
