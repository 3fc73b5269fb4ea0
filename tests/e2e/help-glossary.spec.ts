// The in-app help (issue 16, first day) in Chromium through the preview host at 1280×800: F1 on
// the Records page opens the help panel; in the wizard, a field's "What is this?" link and F1 on
// the focused field open that field's entry beside the form, with its regulation linked; the
// panel leads to the glossary page. axe finds nothing with the panel open and on the glossary
// page. The Parties step finds the destination by its native name in the search box above the
// select (Enter chooses), axe clean. Screenshots go to docs/screenshots/help-*.png.
import { copyFile, mkdir } from 'node:fs/promises';
import type { Page, TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { atWizardStep, press } from './wizard-keys';

async function capture(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await mkdir('docs/screenshots', { recursive: true });
  await copyFile(file, `docs/screenshots/${name}.png`);
}

test('help opens from every page (F1, Help, "What is this?") and the glossary is axe clean', async ({
  signedIn,
}, testInfo) => {
  test.setTimeout(300_000);
  const { page } = signedIn;
  expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });
  const panel = page.getByRole('complementary', { name: 'Help' });

  // F1 on the first page: the list of terms, focus on the panel's heading.
  await page.keyboard.press('F1');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 2, name: 'Help' })).toBeFocused();
  await expectNoAxeViolations(page, 'the help panel on Records');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // In the wizard: the HS code's own link, then F1 on the consignee's address.
  await press(page, 'New certificate');
  await atWizardStep(page, 1, 'Parties');
  const address = page.getByLabel('Ultimate consignee address');
  await address.focus();
  await page.keyboard.press('F1');
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText('Ultimate consignee');
  await expect(panel.getByRole('heading', { level: 3 })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(address).toBeFocused();

  await page.getByLabel('Ultimate consignee name').fill('Antwerp Rough Trading NV');
  await address.fill('Hoveniersstraat 30, 2018 Antwerp, Belgium');
  // The destination found by its native name, by keyboard (issue 16: names as well as codes).
  await page.getByLabel('Search destinations (name or code)').fill('Belgique');
  await expect(page.getByRole('status').filter({ hasText: 'first Belgium (BE)' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Country of destination', { exact: true })).toHaveValue('BE');
  await expectNoAxeViolations(page, 'the Parties step with the destination search');
  await press(page, 'Save and continue');
  await atWizardStep(page, 2, 'Shipment');
  await page.getByRole('button', { name: 'What is this? (HS code)' }).click();
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText(
    'HS codes (7102.10, 7102.21, 7102.31)',
  );
  await expect(panel.getByRole('link', { name: /19 CFR 12\.152/ })).toHaveAttribute(
    'href',
    'https://www.ecfr.gov/current/title-19/section-12.152',
  );
  // The panel sits beside the form: the HS code select stays usable while it is open.
  await page.getByLabel('HS code', { exact: true }).selectOption('7102.31');
  await expect(page.getByLabel('HS code', { exact: true })).toHaveValue('7102.31');
  await expectNoAxeViolations(page, 'the help panel beside the wizard');
  await capture(page, testInfo, 'help-panel-wizard');

  // Another term from the panel, then the whole glossary page.
  await panel.getByRole('button', { name: 'AES (Automated Export System)' }).click();
  await expect(panel).toContainText('ACE');
  await panel.getByRole('button', { name: 'Open the whole glossary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Help and glossary' })).toBeVisible();
  await expect(panel).toBeHidden();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Warranty statement (System of Warranties)' }),
  ).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, 'the glossary page');
  await capture(page, testInfo, 'help-glossary');

  // The header's Help button opens the panel from the glossary page as well.
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await expect(panel).toBeVisible();
});
