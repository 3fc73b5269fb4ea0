// Saved templates for repeat shipments end to end (issue 15, part 6), in Chromium through the
// preview host on a fresh vault: from an issued shipment ("Copy to a new certificate" opens the
// wizard with its parties, goods and route), the operator saves a template; a new certificate
// then starts from it and its fields are filled; the Templates page lists it. axe finds nothing
// at 1280×800 on the save dialog, the start dialog, the filled wizard and the Templates page;
// each is saved to docs/screenshots/templates-*.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { KpApi } from '../../shared/ipc/api';
import { expectNoAxeViolations } from './axe';
import { draftOf, seedVaultThroughBridge, signInThroughPage } from './seed-vault';
import { startBuiltPreview } from './start-built-preview';
import type { RunningPreview } from './start-built-preview';

let preview: RunningPreview;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kp-e2e-templates-'));
  preview = await startBuiltPreview({ dataDir });
});
test.afterAll(async () => {
  await preview.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const seed = {
  number: 'US10001',
  consignee: 'Antwerp Rough BV',
  destination: 'BE',
  issue: true,
} as const;

async function shoot(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await page.screenshot({ path: `docs/screenshots/templates-${name}.png`, fullPage: true });
}

test('save a template from an issued shipment and start a new certificate from it', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(preview.openUrl);
  await seedVaultThroughBridge(page, { certificates: [seed] });
  await page.reload();
  await signInThroughPage(page);
  // The issued shipment's exporter and consignee are in the address book (a template refers to
  // address-book entries).
  const draft = draftOf(seed);
  await page.evaluate(
    async ({ exporter, consignee }) => {
      const kp = (window as Window & { kp?: KpApi }).kp;
      for (const party of [
        { kind: 'exporter' as const, ...exporter, country: 'US' },
        { kind: 'consignee' as const, ...consignee, country: 'BE' },
      ]) {
        const saved = await kp?.parties.save(party);
        if (saved?.ok !== true) throw new Error(`parties:save ${JSON.stringify(saved)}`);
      }
    },
    { exporter: draft.exporter, consignee: draft.consignee },
  );

  await page.getByRole('listbox', { name: 'Certificates' }).getByRole('option').first().click();
  await expect(page.getByRole('heading', { name: 'Certificate US10001' })).toBeVisible();
  await page.getByRole('button', { name: 'Copy to a new certificate' }).click();
  // The copy resumes at the Shipment step: its parties are complete.
  await expect(page.getByRole('heading', { name: /Certificate US\d+ \(new\)/ })).toBeVisible();
  await expect(page.getByLabel('Number of parcels')).toHaveValue('2');

  await page.getByRole('button', { name: 'Save as template…' }).click();
  const save = page.getByRole('dialog', { name: 'Save as template' });
  await expect(save.getByLabel('Template name')).toBeFocused();
  await save.getByLabel('Template name').fill('Antwerp weekly, 7102.31');
  await save.getByLabel('Port of exit (optional)').fill('New York (JFK)');
  await save.getByLabel('Carrier (optional)').fill('Malca-Amit');
  await shoot(page, 'save-dialog');
  await save.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Template “Antwerp weekly, 7102.31” saved.')).toBeVisible();

  // A new certificate, from the template.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'New certificate' })
    .click();
  await expect(page.getByRole('heading', { name: /Certificate US\d+ \(new\)/ })).toBeVisible();
  await expect(page.getByLabel('Ultimate consignee name')).toHaveValue('');
  await page.getByRole('button', { name: 'Start from a template…' }).click();
  const start = page.getByRole('dialog', { name: 'Start from a template' });
  await start.getByLabel('Search templates by name').fill('antwerp');
  await expect(start.getByText('1 of 1 template')).toBeVisible();
  await shoot(page, 'start-dialog');
  await start.getByRole('button', { name: 'Use Antwerp weekly, 7102.31' }).click();
  await expect(
    page.getByText(/^Filled \d+ fields? from template “Antwerp weekly, 7102\.31”/),
  ).toBeVisible();
  await expect(page.getByLabel('Exporter name')).toHaveValue(draft.exporter.name);
  await expect(page.getByLabel('Ultimate consignee name')).toHaveValue('Antwerp Rough BV');
  await shoot(page, 'wizard-filled');

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Templates' })
    .click();
  await expect(page.getByRole('rowheader', { name: 'Antwerp weekly, 7102.31' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Malca-Amit' })).toBeVisible();
  await shoot(page, 'page');
});
