// Incoming certificates end to end, in Chromium through the preview host on a fresh vault: the
// operator opens Records' "Incoming (imports)" view, registers a foreign certificate through the
// form (a refusal first shows at its field), attaches the scan from the preview's imports folder,
// sees the certificate's page (scan, Census copy, the receipt confirmation due 15 days after
// entry) and finds it in Records with its due date. axe finds nothing on the form, the page and
// the list; each is saved to docs/screenshots/incoming-*.png.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { seedVaultThroughBridge, signInThroughPage } from './seed-vault';
import { startBuiltPreview } from './start-built-preview';
import type { RunningPreview } from './start-built-preview';

let preview: RunningPreview;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kp-e2e-incoming-'));
  // The scan the preview's open dialog will pick: any real PNG (a screenshot of the app).
  mkdirSync(join(dataDir, 'imports'));
  const png = readdirSync('docs/screenshots').find((name) => name.endsWith('.png'));
  if (png === undefined) throw new Error('no PNG to use as a scan');
  copyFileSync(join('docs/screenshots', png), join(dataDir, 'imports', 'BW012345-scan.png'));
  preview = await startBuiltPreview({ dataDir });
});
test.afterAll(async () => {
  await preview.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The licensee's local date, +days, as the app reads it (YYYY-MM-DD). */
function localDate(days = 0): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(day.getFullYear())}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

async function shoot(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await page.screenshot({ path: `docs/screenshots/incoming-${name}.png`, fullPage: true });
}

test('register an incoming certificate and see it in Records with its report due date', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(preview.openUrl);
  await seedVaultThroughBridge(page, { certificates: [] });
  await page.reload();
  await signInThroughPage(page);

  await page.getByRole('button', { name: 'Incoming (imports)' }).click();
  await expect(page.getByTestId('incoming-count')).toHaveText('No incoming certificates yet.');
  await page.getByRole('button', { name: 'Register an incoming certificate' }).click();
  await expect(
    page.getByRole('heading', { name: 'Register an incoming certificate' }),
  ).toBeVisible();

  const entered = localDate(-1);
  const fill = async (label: string, text: string) => {
    await page.getByLabel(label, { exact: true }).fill(text);
  };
  await fill('Certificate number', 'ZA 012345');
  await fill('Exporting Participant (ISO code)', 'BW');
  await page.getByLabel('Issuing authority').focus();
  await expect(
    page.getByText(/starts with "ZA", but the exporting Participant is BW/),
  ).toBeVisible();
  await shoot(page, 'form-refusal');

  await fill('Certificate number', 'BW 012345');
  await fill('Issuing authority', 'Government Diamond Valuator, Botswana');
  await fill('Date of issue', localDate(-3));
  await fill('Date of expiry', localDate(57));
  await fill('Importer (you)', 'Hudson Rough Diamond Trading LLC');
  await fill('Importer address', '580 Fifth Avenue\nNew York, NY 10036\nUnited States');
  await fill('Exporter', 'Gaborone Rough (Pty) Ltd');
  await fill('Exporter address', 'Plot 63, Gaborone\nBotswana');
  await fill('Number of parcels', '3');
  await fill('Carats', '1234.56');
  await fill('Value in US$', '456789.00');
  await fill('HS code(s)', '7102.10');
  await fill('Origin(s)', 'BW');
  await fill('US port of entry', 'New York (JFK)');
  await fill('Date of entry', entered);
  await expect(page.getByText(/starts with "ZA"/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Register' }).click();

  await expect(page.getByRole('heading', { name: 'Incoming certificate BW012345' })).toBeVisible();
  const due = localDate(14);
  await expect(page.getByTestId('receipt-duty')).toContainText(`by ${due}`);
  await expect(page.getByTestId('census-copy')).toContainText(/Waiting to be sent|Sending|Failed/);
  await page.getByRole('button', { name: 'Show the scan' }).click();
  await expect(page.getByRole('img', { name: 'Scan of certificate BW012345' })).toBeVisible();
  await shoot(page, 'page');

  await page.getByRole('button', { name: 'Back to Records' }).click();
  const row = page.getByTestId('incoming-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('BW012345');
  // Entered yesterday: due in 14 days, outside the 5-day reminder window.
  await expect(row.getByTestId('receipt-duty')).toHaveText(`Due by ${due}`);
  await shoot(page, 'list');
});
