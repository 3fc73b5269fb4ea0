// A new user sets up KP Desk and issues a valid certificate from scratch WITH THE KEYBOARD ONLY,
// in Chromium through the preview host: first-run setup (first-run-steps.ts, which also generates
// the signing identity), then the seven
// steps of the issuance wizard, each reached with Tab and Enter, to the signed PDF and its saved
// file. axe finds no violation on any step (1280×800, and the review also at 1920×1080); every
// step is saved as docs/screenshots/wizard-NN-<step>.png.
import { copyFile, mkdir } from 'node:fs/promises';
import type { Page, TestInfo } from '@playwright/test';
import type { KpApi } from '../../shared/ipc/api';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { tabTo } from './first-run-steps';
import {
  addDays,
  atWizardStep,
  chooseByTyping,
  dateKeys,
  itnFor,
  press,
  tick,
  typeInto,
} from './wizard-keys';

async function capture(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  const file = testInfo.outputPath(`${name}.png`);
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: file, fullPage: true });
  await mkdir('docs/screenshots', { recursive: true });
  await copyFile(file, `docs/screenshots/${name}.png`);
}

test('a new user issues a valid certificate with the keyboard only and gets the signed PDF', async ({
  signedIn,
}, testInfo) => {
  test.setTimeout(480_000);
  const { page } = signedIn;
  const today = new Date();

  await press(page, 'New certificate');
  await atWizardStep(page, 1, 'Parties');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('US10000');
  await capture(page, testInfo, 'wizard-01-parties');
  await typeInto(page, 'Ultimate consignee name', 'Antwerp Rough Trading NV');
  await typeInto(page, 'Ultimate consignee address', 'Hoveniersstraat 30, 2018 Antwerp, Belgium');
  await chooseByTyping(page, 'Country of destination', 'Belgium');
  await expect(page.getByLabel('Country of destination', { exact: true })).toHaveValue('BE');
  await press(page, 'Save and continue');

  await atWizardStep(page, 2, 'Shipment');
  await typeInto(page, 'Country of origin', 'CD');
  await chooseByTyping(page, 'HS code', '7102.3');
  await expect(page.getByLabel('HS code', { exact: true })).toHaveValue('7102.31');
  await typeInto(page, 'Number of parcels', '2');
  await typeInto(page, 'Carats', '12.50');
  await typeInto(page, 'Value in US$', '15000.00');
  await typeInto(page, 'Planned export date', dateKeys(addDays(today, 1)));
  await expect(page.locator('#price-per-carat')).toContainText('US$1,200.00 per carat');
  await capture(page, testInfo, 'wizard-02-shipment');
  await press(page, 'Save and continue');

  await atWizardStep(page, 3, 'Packaging');
  await expect(page.getByText('Tamper-resistant container: packaging having')).toBeVisible();
  await chooseByTyping(page, 'Kind of container', 'Sealed s');
  await tick(page, 'This container meets the definition above (31 CFR 592.314)');
  await typeInto(page, 'Parcels sealed in the container', '2');
  await typeInto(page, 'Seal numbers', 'S-1001');
  await tick(page, 'The certificate number US10000 is written on the container');
  await capture(page, testInfo, 'wizard-03-packaging');
  await press(page, 'Save and continue');

  await atWizardStep(page, 4, 'Warranty');
  await typeInto(page, 'Invoice numbers', 'INV-77');
  await tick(
    page,
    'I have completed the necessary application pertaining to this shipment, including the warranty that the diamonds being shipped were not traded to fund conflict.',
  );
  await capture(page, testInfo, 'wizard-04-warranty');
  await press(page, 'Save and continue');

  await atWizardStep(page, 5, 'AES and ITN');
  await chooseByTyping(page, 'How the shipment leaves', 'Air');
  await typeInto(page, 'Departure time', '0930AM');
  await expect(page.locator('#aes-deadline')).toContainText('7:30 AM');
  await expect(page.locator('.wizard__aes-values')).toContainText('10000');
  await typeInto(page, 'ITN (AES Internal Transaction Number)', itnFor(today));
  await capture(page, testInfo, 'wizard-05-aes');
  await press(page, 'Save and continue');

  await atWizardStep(page, 6, 'Review');
  await expect(page.getByRole('heading', { name: /No errors.*ready to sign/ })).toBeVisible();
  await expect(page.getByTestId('certificate-preview')).toBeVisible();
  expect(
    await page
      .getByTestId('certificate-preview')
      .evaluate((img) => (img as HTMLImageElement).naturalWidth),
  ).toBeGreaterThan(0);
  await capture(page, testInfo, 'wizard-06-review');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expectNoAxeViolations(page, 'wizard review at 1920×1080');
  await page.screenshot({ path: 'docs/screenshots/wizard-06-review-1920.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await press(page, 'Continue to signing');

  await atWizardStep(page, 7, 'Sign and deliver');
  await expect(
    page.getByText('Send copies to Census and USKPA (coming in a later version)'),
  ).toBeVisible();
  await press(page, 'Issue and sign certificate US10000');
  const signed = page.getByTestId('signed-document');
  await expect(signed).toBeVisible({ timeout: 120_000 });
  await expect(signed).toContainText('Signed PDF of US10000');
  await expect(signed).toContainText(/[0-9a-f]{64}/i);
  await expect(signed.getByTestId('certificate-preview')).toBeVisible();
  await press(page, 'Save the signed PDF');
  await expect(signed.getByRole('status')).toContainText('Saved the signed PDF as', {
    timeout: 60_000,
  });
  await capture(page, testInfo, 'wizard-07-sign');

  // The certificate is issued in the vault, with its packaging and warranty.
  const record = await page.evaluate(async () => {
    const kp = (window as Window & { kp?: KpApi }).kp;
    const list = await kp?.certificates.list({ state: 'ISSUED' });
    return list?.ok === true ? list.value.items.map((item) => item.number) : [];
  });
  expect(record).toEqual(['US10000']);
  await tabTo(page, 'Open US10000 in Records');
});
