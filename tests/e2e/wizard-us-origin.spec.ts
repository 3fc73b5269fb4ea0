// The small dealer's US-origin path (issue 16, rule 1): a stone found at Crater of Diamonds State
// Park, Arkansas. Country of origin "US" is refused at its field with the rule, and the refusal
// itself offers the way forward, the domestic-recovery declaration (31 CFR 592.307(b)); the
// dealer names the site and declares the stone was never imported, and goes on to issue and sign.
// The vault keeps the declaration with the issued certificate. axe finds nothing on the refusal.
import type { Page } from '@playwright/test';
import type { KpApi } from '../../shared/ipc/api';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { addDays, atWizardStep, itnFor, press } from './wizard-keys';
import { fillPackagingToItn, fillPartiesStep, fillShipmentStep } from './wizard-steps';

const SITE = 'Crater of Diamonds State Park, Murfreesboro, Arkansas';

async function issuedRecord(page: Page) {
  return page.evaluate(async () => {
    const kp = (window as Window & { kp?: KpApi }).kp;
    const list = await kp?.certificates.list({ state: 'ISSUED' });
    const first = list?.ok === true ? list.value.items[0] : undefined;
    if (first === undefined) return null;
    const record = await kp?.certificates.get({ id: first.id });
    return record?.ok === true ? record.value : null;
  });
}

test('origin US is refused with the declaration offered; declared, the certificate is issued', async ({
  signedIn,
}) => {
  test.setTimeout(480_000);
  const { page } = signedIn;
  const today = new Date();

  await fillPartiesStep(page);
  await fillShipmentStep(page, {
    origin: 'US',
    parcels: '1',
    carats: '1.50',
    valueUsd: '900.00',
    exportDate: addDays(today, 1),
  });

  // Refused, at its field, with the rule; the refusal offers the declaration.
  await expect(page.getByRole('alert').filter({ hasText: 'to fix' })).toContainText(
    'Shipment: 1 thing to fix before going on',
  );
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Step 2 of 7: Shipment');
  const refusal = page.locator('.field:has([id="countryOfOrigin"]) [data-code="ORIGIN_US"]');
  await expect(refusal).toContainText('592.307(b)');
  await expect(refusal).toContainText('declare the domestic recovery');
  const declaration = page.getByRole('group', { name: 'Recovered in the United States' });
  await expect(declaration).toBeVisible();
  await expect(declaration).toContainText('Crater of Diamonds State Park');
  await expectNoAxeViolations(page, 'origin US refused, the declaration offered');

  await declaration.getByLabel('Site of recovery in the United States').fill(SITE);
  await declaration
    .getByLabel(/I declare that these diamonds were recovered in the United States/)
    .check();
  await expect(refusal).toHaveCount(0);
  await press(page, 'Save and continue');

  await fillPackagingToItn(page, {
    parcels: '1',
    seal: 'S-2001',
    invoice: 'INV-CRATER-1',
    itn: itnFor(today),
  });

  await atWizardStep(page, 6, 'Review');
  await expect(page.getByRole('heading', { name: /No errors.*ready to sign/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'What the certificate says' })).toContainText(
    'United States (US)',
  );
  await press(page, 'Continue to signing');

  await atWizardStep(page, 7, 'Sign and deliver');
  await press(page, 'Issue and sign certificate US10000');
  const signedHeading = page.getByRole('heading', { name: 'Signed PDF of US10000' });
  await expect(signedHeading).toBeVisible({ timeout: 120_000 });
  // After signing, the cursor is on the result (issue 16).
  await expect(signedHeading).toBeFocused();

  const record = await issuedRecord(page);
  expect(record?.number).toBe('US10000');
  expect(record?.draft.countryOfOrigin).toBe('US');
  expect(record?.draft.domesticRecovery).toEqual({ site: SITE, notImported: true });
});
