// The certificate form in the real renderer, with the real core behind the preview bridge: a
// certificate with four classic mistakes shows each finding at its field with its source, live
// and again after main's check; once fixed, main answers "No errors".
import { copyFile, mkdir } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { sources } from '../../shared/domain/sources';
import { expect, test } from './fixtures';

type Entry = Record<string, string>;

const badCertificate: Entry = {
  number: 'US12345',
  countryOfOrigin: 'US', // never US: no US commercial production
  dateOfIssue: '2026-11-27',
  dateOfExpiry: '2027-02-25', // 90 days after issue; at most 60 allowed
  exportDate: '2026-11-28',
  'exporter.name': 'Acme Rough Diamonds LLC',
  'exporter.address': '580 Fifth Avenue, New York, NY 10036, United States',
  'consignee.name': 'Nairobi Gem Traders Ltd',
  'consignee.address': 'Kimathi Street 12, Nairobi, Kenya',
  destinationCountry: 'KE', // Kenya is not a KP Participant
  carats: '12.50',
  valueUsd: '15000.00',
  parcels: '2',
  itn: 'X20191332000001', // month 13, day 32: not a date
};

const fixes: Entry = {
  countryOfOrigin: 'CD',
  dateOfExpiry: '2027-01-26', // 60 days after 2026-11-27
  itn: 'X20261127123456',
  'consignee.name': 'Antwerp Rough Trading NV',
  'consignee.address': 'Hoveniersstraat 30, 2018 Antwerp, Belgium',
  destinationCountry: 'BE',
};

const expected = [
  { field: 'countryOfOrigin', code: 'ORIGIN_US', source: sources.originNotUs },
  { field: 'dateOfExpiry', code: 'EXPIRY_TOO_LATE', source: sources.expiryLimit },
  { field: 'destinationCountry', code: 'DESTINATION_NOT_PARTICIPANT', source: sources.destination },
  { field: 'itn', code: 'ITN_DATE_INVALID', source: sources.itn },
] as const;

async function fill(page: Page, entry: Entry) {
  for (const [name, value] of Object.entries(entry)) {
    await page.locator(`[name="${name}"]`).fill(value);
  }
  // Leave the last field too, so that every field counts as touched.
  await page.locator('[name="itn"]').blur();
}

const findingAt = (page: Page, field: string, code: string): Locator =>
  page.locator(`.field [data-field="${field}"][data-code="${code}"]`);

async function screenshot(page: Page, name: string, outputPath: (name: string) => string) {
  const file = outputPath(name);
  await page.screenshot({ path: file, fullPage: true });
  // A copy where the team can look at it without digging through test-results/.
  await mkdir('docs/screenshots', { recursive: true });
  await copyFile(file, `docs/screenshots/${name}`);
}

test('a bad certificate shows each finding at its field; fixed, main finds no errors', async ({
  app: page,
}, testInfo) => {
  await page.locator('[name="hsCodes"]').selectOption('7102.31');
  await fill(page, badCertificate);

  // Live, from the shared rules running in the renderer.
  for (const { field, code, source } of expected) {
    const finding = findingAt(page, field, code);
    await expect(finding).toBeVisible();
    await expect(finding).toContainText(source);
    await expect(page.locator(`[name="${field}"]`)).toHaveAttribute('aria-invalid', 'true');
    const describedBy =
      (await page.locator(`[name="${field}"]`).getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(`${field}-findings`);
  }
  const originCitation = findingAt(page, 'countryOfOrigin', 'ORIGIN_US').getByRole('link', {
    name: '31 CFR 592.307(b)',
  });
  await expect(originCitation).toHaveAttribute(
    'href',
    'https://www.ecfr.gov/current/title-31/section-592.307#p-592.307(b)',
  );
  await expect(originCitation).toHaveAttribute('target', '_blank');
  await expect(originCitation).toHaveAttribute('rel', 'noreferrer');

  // Main, the authority, says the same.
  await page.getByRole('button', { name: 'Check certificate' }).click();
  const summary = page.getByTestId('check-summary');
  await expect(summary).toHaveAttribute('role', 'alert');
  await expect(summary).toContainText(/Checked by KP Desk: \d+ errors?, \d+ warnings?/);
  for (const { field, code } of expected) {
    await expect(findingAt(page, field, code)).toBeVisible();
  }
  await screenshot(page, 'validate-bad.png', (name) => testInfo.outputPath(name));

  await fill(page, fixes);
  await expect(page.locator('.field [data-code]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Check certificate' }).click();
  await expect(summary).toHaveAttribute('role', 'status');
  await expect(summary).toContainText('No errors: this certificate meets the US rules');
  await expect(page.locator('[data-code]')).toHaveCount(0);
  await screenshot(page, 'validate-good.png', (name) => testInfo.outputPath(name));
});
