// The wizard's layout at 1280×800 (issue 16), measured on the page rather than looked at: when an
// error summary appears on a tall step and the cursor goes to a field far down, the step list
// stays at the top of its column, beside the step (it used to follow the scroll and sit mid-page);
// the summary sits above the field it refers to; and the Review table uses the step's whole width
// (it was squeezed into half). axe finds nothing on either screen. Screenshots of the visible
// window go to docs/screenshots/wizard-layout-*.png.
import { copyFile, mkdir } from 'node:fs/promises';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { addDays, atWizardStep, isoDate, itnFor, press } from './wizard-keys';
import { fillPackagingToItn, fillPartiesStep, fillShipmentStep } from './wizard-steps';

type Box = { top: number; bottom: number; left: number; right: number; width: number };

/** An element's box in page coordinates (independent of how far the window is scrolled). */
async function pageBox(locator: Locator): Promise<Box> {
  return locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return {
      top: rect.top + window.scrollY,
      bottom: rect.bottom + window.scrollY,
      left: rect.left + window.scrollX,
      right: rect.right + window.scrollX,
      width: rect.width,
    };
  });
}

async function capture(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await mkdir('docs/screenshots', { recursive: true });
  await copyFile(file, `docs/screenshots/${name}.png`);
}

test('at 1280×800 the step list stays beside the step and the Review table is full width', async ({
  signedIn,
}, testInfo) => {
  test.setTimeout(480_000);
  const { page } = signedIn;
  expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });
  const today = new Date();
  // The list itself, not only its column: a sticky list moved inside a column that kept its place.
  const steps = page
    .getByRole('navigation', { name: 'Steps of the certificate' })
    .getByRole('list');
  const step = page.locator('form.wizard__step');

  await fillPartiesStep(page);
  // A tall step whose only error is far down: the expiry, 61 days after issue.
  await fillShipmentStep(page, {
    origin: 'CD',
    parcels: '2',
    carats: '12.50',
    valueUsd: '15000.00',
    expiry: addDays(today, 61),
    exportDate: addDays(today, 1),
  });

  const summary = page.getByRole('alert').filter({ hasText: 'to fix' });
  await expect(summary).toContainText('Shipment: 1 thing to fix before going on');
  const expiry = page.getByLabel('Date of expiry');
  await expect(expiry).toBeFocused();
  // The cursor went far down the page: the window scrolled to it.
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);

  const list = await pageBox(steps);
  const form = await pageBox(step);
  // Beside the step: to its left, starting where the step starts, not where the window scrolled.
  expect(list.right).toBeLessThanOrEqual(form.left);
  expect(Math.abs(list.top - form.top)).toBeLessThanOrEqual(1);
  expect(list.top).toBeLessThan(200);
  // The summary is above the field it refers to.
  expect((await pageBox(summary)).bottom).toBeLessThan((await pageBox(expiry)).top);
  await expectNoAxeViolations(page, 'shipment step with an error summary at 1280×800');
  // The picture shows the top of the page: the step list beside the step and its summary.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await capture(page, testInfo, 'wizard-layout-01-error-summary');

  await expiry.fill(isoDate(addDays(today, 60)));
  await press(page, 'Save and continue');
  await fillPackagingToItn(page, {
    parcels: '2',
    seal: 'S-1001',
    invoice: 'INV-77',
    itn: itnFor(today),
  });

  await atWizardStep(page, 6, 'Review');
  const table = page.getByRole('table', { name: 'What the certificate says' });
  await expect(table).toBeVisible();
  const review = await pageBox(step);
  const tableBox = await pageBox(table);
  const padding = await step.evaluate((element) => {
    const style = getComputedStyle(element);
    return parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  });
  // The table spans the step's content width (it was half of it).
  expect(tableBox.width).toBeGreaterThanOrEqual(review.width - padding - 2);
  // The findings (what to fix) come before the table.
  const findings = page.getByRole('heading', { name: /ready to sign|to fix before signing/ });
  expect((await pageBox(findings)).bottom).toBeLessThan(tableBox.top);
  const reviewList = await pageBox(steps);
  expect(Math.abs(reviewList.top - review.top)).toBeLessThanOrEqual(1);
  await expectNoAxeViolations(page, 'review step at 1280×800');
  await page.evaluate(() => {
    window.scrollTo(0, document.body.scrollHeight);
  });
  await capture(page, testInfo, 'wizard-layout-02-review-table');
});
