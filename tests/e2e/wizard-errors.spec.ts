// The issuance wizard walks the mistakes agencies see most, each shown at its own field with its
// rule and announced: US as the country of origin, an expiry 61 days after issue, and a missing
// ITN. The step does not move on while an error remains. axe finds no violation on the steps
// with errors; each is saved as docs/screenshots/wizard-errors-*.png.
import { copyFile, mkdir } from 'node:fs/promises';
import type { Page, TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { addDays, atWizardStep, dateKeys, isoDate, press, typeInto } from './wizard-keys';

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

/** The finding with this code, inside the field whose input has this id. */
const findingAt = (page: Page, field: string, code: string) =>
  page.locator(`.field:has([id="${field}"]) [data-code="${code}"]`);

test('origin US, a 61-day expiry and a missing ITN each show at their field', async ({
  signedIn,
}, testInfo) => {
  test.setTimeout(360_000);
  const { page } = signedIn;
  const today = new Date();

  await press(page, 'New certificate');
  await atWizardStep(page, 1, 'Parties');
  await typeInto(page, 'Ultimate consignee name', 'Antwerp Rough Trading NV');
  await typeInto(page, 'Ultimate consignee address', 'Hoveniersstraat 30, 2018 Antwerp, Belgium');
  await page.getByLabel('Country of destination', { exact: true }).selectOption('BE');
  await press(page, 'Save and continue');

  await atWizardStep(page, 2, 'Shipment');
  await typeInto(page, 'Country of origin', 'US');
  await page.getByLabel('HS code', { exact: true }).selectOption('7102.21');
  await typeInto(page, 'Number of parcels', '1');
  await typeInto(page, 'Carats', '3.00');
  await typeInto(page, 'Value in US$', '900.00');
  await typeInto(page, 'Date of expiry', dateKeys(addDays(today, 61)));
  await typeInto(page, 'Planned export date', dateKeys(addDays(today, 1)));
  await press(page, 'Save and continue');

  // The step stays, the alert says why, and the cursor goes to the first field to fix.
  await expect(page.getByRole('alert').filter({ hasText: 'to fix' })).toContainText(
    'Shipment: 2 things to fix before going on',
  );
  await expect(page.getByLabel('Country of origin')).toBeFocused();
  await expect(page.getByLabel('Country of origin')).toHaveAttribute('aria-invalid', 'true');
  const origin = findingAt(page, 'countryOfOrigin', 'ORIGIN_US');
  await expect(origin).toContainText('592.307(b)');
  await expect(origin.getByRole('link')).toHaveAttribute('href', /ecfr\.gov.*592\.307/);
  const expiry = findingAt(page, 'dateOfExpiry', 'EXPIRY_TOO_LATE');
  await expect(expiry).toContainText('61 days after issue');
  await expect(page.getByLabel('Date of expiry')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Step 2 of 7: Shipment');
  await capture(page, testInfo, 'wizard-errors-01-shipment');

  // Fixed, the step goes on.
  await page.getByLabel('Country of origin').fill('BW');
  await page.getByLabel('Date of expiry').fill(isoDate(addDays(today, 60)));
  await expect(origin).toHaveCount(0);
  await expect(expiry).toHaveCount(0);
  await press(page, 'Save and continue');

  await atWizardStep(page, 3, 'Packaging');
  await page.getByLabel('Kind of container').selectOption({ index: 1 });
  await page.getByLabel(/meets the definition above/).check();
  await page.getByLabel('Parcels sealed in the container').fill('2');
  await page.getByLabel('Seal numbers').fill('S-9');
  await press(page, 'Save and continue');
  // The parcel count must match the certificate's.
  await expect(page.locator('#packaging-parcels-error')).toContainText(
    'You sealed 2 parcel(s), but the certificate says 1',
  );
  await page.getByLabel('Parcels sealed in the container').fill('1');
  await press(page, 'Save and continue');

  await atWizardStep(page, 4, 'Warranty');
  await page.getByLabel('Invoice numbers').fill('INV-1');
  await page.getByLabel(/I have completed the necessary application/).check();
  await press(page, 'Save and continue');

  await atWizardStep(page, 5, 'AES and ITN');
  await press(page, 'Save and continue');
  const itn = findingAt(page, 'itn', 'ITN_MISSING');
  await expect(itn).toContainText('ITN');
  await expect(itn).toContainText('592.301(a)(5)');
  await expect(page.getByLabel('ITN (AES Internal Transaction Number)')).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: 'to fix' })).toContainText(
    'AES and ITN: 1 thing to fix',
  );
  await capture(page, testInfo, 'wizard-errors-02-itn');
});
