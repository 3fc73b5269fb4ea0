// Steps of the issuance wizard filled the same way by the e2e tests that are about something
// else on the way (the layout, the US-origin declaration): the Parties step with one consignee in
// Antwerp, the Shipment step with the values given, and Packaging, Warranty and the ITN. Each
// step ends with "Save and continue"; what comes next is the test's to check.
import type { Page } from '@playwright/test';
import { atWizardStep, isoDate, press } from './wizard-keys';

/** From the signed-in app: "New certificate", then step 1 with Antwerp Rough Trading NV (BE). */
export async function fillPartiesStep(page: Page): Promise<void> {
  await press(page, 'New certificate');
  await atWizardStep(page, 1, 'Parties');
  await page.getByLabel('Ultimate consignee name').fill('Antwerp Rough Trading NV');
  await page
    .getByLabel('Ultimate consignee address')
    .fill('Hoveniersstraat 30, 2018 Antwerp, Belgium');
  await page.getByLabel('Country of destination', { exact: true }).selectOption('BE');
  await press(page, 'Save and continue');
}

export type ShipmentValues = {
  origin: string;
  parcels: string;
  carats: string;
  valueUsd: string;
  /** Left as the wizard proposes it when not given. */
  expiry?: Date;
  exportDate: Date;
};

/** Step 2 with HS code 7102.31 and the values given. */
export async function fillShipmentStep(page: Page, values: ShipmentValues): Promise<void> {
  await atWizardStep(page, 2, 'Shipment');
  await page.getByLabel('Country of origin').fill(values.origin);
  await page.getByLabel('HS code', { exact: true }).selectOption('7102.31');
  await page.getByLabel('Number of parcels').fill(values.parcels);
  await page.getByLabel('Carats').fill(values.carats);
  await page.getByLabel('Value in US$').fill(values.valueUsd);
  if (values.expiry !== undefined)
    await page.getByLabel('Date of expiry').fill(isoDate(values.expiry));
  await page.getByLabel('Planned export date').fill(isoDate(values.exportDate));
  await press(page, 'Save and continue');
}

export type PackagingToItnValues = { parcels: string; seal: string; invoice: string; itn: string };

/** Steps 3 to 5: the first kind of container, sealed; the warranty's invoice; the ITN. */
export async function fillPackagingToItn(page: Page, values: PackagingToItnValues): Promise<void> {
  await atWizardStep(page, 3, 'Packaging');
  await page.getByLabel('Kind of container').selectOption({ index: 1 });
  await page.getByLabel(/meets the definition above/).check();
  await page.getByLabel('Parcels sealed in the container').fill(values.parcels);
  await page.getByLabel('Seal numbers').fill(values.seal);
  await press(page, 'Save and continue');
  await atWizardStep(page, 4, 'Warranty');
  await page.getByLabel('Invoice numbers').fill(values.invoice);
  await page.getByLabel(/I have completed the necessary application/).check();
  await press(page, 'Save and continue');
  await atWizardStep(page, 5, 'AES and ITN');
  await page.getByLabel('ITN (AES Internal Transaction Number)').fill(values.itn);
  await press(page, 'Save and continue');
}
