// Verify a certificate file end to end, in Chromium through the preview host with the real core:
// a certificate issued and signed in the vault is saved as a PDF, put where the preview's open
// dialog finds it (<dataDir>/imports, preview/folder-file-dialogs.ts), and verified by a
// REVIEWER from the main navigation: TOTAL-PASSED, every check, the record, the file's SHA-256
// (compared with the file's own). Then the certificate is voided: its original PDF is VOIDED and
// its VOID copy is recognised as the VOID copy. axe finds nothing, nothing scrolls sideways at
// 1280, 1920 and 760 px wide; the screen is saved to docs/screenshots/verify-*.png.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { kpCall } from './kp-call';
import { checkScreenAtSizes } from './screen-check';
import { SEED_ADMIN, signInThroughPage, signOutThroughPage } from './seed-vault';
import type { SeedUser } from './seed-vault';
import { openWithSignedCertificate } from './signed-certificate';

const REVIEWER: SeedUser = {
  displayName: 'Rita Reviewer',
  username: 'rita',
  password: 'a reviewer password for e2e',
  role: 'reviewer',
};

/** Makes `file` the newest PDF in imports, the one the preview's open dialog picks. */
async function offerForOpening(dataDir: string, file: string, name: string): Promise<string> {
  const imports = join(dataDir, 'imports');
  await mkdir(imports, { recursive: true });
  const target = join(imports, name);
  await copyFile(file, target);
  const now = new Date();
  await utimes(target, now, now);
  return target;
}

async function verifyOnScreen(page: Page, button: RegExp): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByTestId('verify-outcome')).toBeVisible({ timeout: 30_000 });
}

test('a reviewer verifies an issued certificate, then its voided original and its VOID copy', async ({
  page,
  preview,
}) => {
  test.setTimeout(180_000);
  // The administrator makes the signing identity, signs US10001 and saves its PDF.
  const certificateId = await openWithSignedCertificate(page, preview.openUrl, [REVIEWER]);
  const saved = await kpCall(page, 'documents:save', { certificateId, kind: 'certificate' });
  if (!('path' in saved)) throw new Error('documents:save was cancelled');
  const pdf = await readFile(saved.path);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const original = await offerForOpening(preview.dataDir, saved.path, 'US10001.pdf');
  await signOutThroughPage(page);

  // A reviewer, read-only everywhere else, finds the screen in the main navigation.
  await signInThroughPage(page, REVIEWER);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button', { name: 'New certificate' })).toHaveCount(0);
  await nav.getByRole('button', { name: 'Verify a file' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Verify a certificate file' }),
  ).toBeFocused();
  await expectNoAxeViolations(page, 'verify screen before a file');

  // By keyboard: the button focused, then Enter.
  const choose = page.getByRole('button', { name: 'Choose a PDF to verify…' });
  await choose.focus();
  await page.keyboard.press('Enter');
  const outcome = page.getByTestId('verify-outcome');
  await expect(outcome).toBeVisible({ timeout: 30_000 });
  await expect(outcome.getByRole('heading', { level: 2 })).toHaveText('✓VALID: US10001.pdf');
  await expect(outcome).toContainText('Certificate US10001 is genuine');
  await expect(outcome).toContainText('ETSI EN 319 102-1 outcome: TOTAL-PASSED');
  await expect(page.getByRole('status').filter({ has: outcome })).toHaveAttribute(
    'aria-live',
    'polite',
  );
  const checks = page.getByRole('table');
  for (const [check, status] of [
    ['structure', 'ok'],
    ['integrity', 'intact'],
    ['chain', 'trusted'],
    ['seal', 'verified'],
    ['pageBinding', 'bound'],
    ['record', 'match'],
    ['voidStatus', 'not voided'],
  ] as const)
    await expect(checks.locator(`[data-check="${check}"] td`).first()).toHaveText(
      `✓passed: ${status}`,
    );
  const signature = page.getByRole('region', { name: 'Signature' });
  await expect(signature).toContainText('CN=Ada Admin');
  await expect(signature).toContainText(/PAdES level\s*B-(B|T|LT|LTA)/);
  await expect(page.getByTestId('verify-record-line')).toHaveText(
    'US10001 (issued): this file is byte for byte its signed PDF',
  );
  await expect(page.getByTestId('verify-sha256')).toHaveText(sha256);
  await checkScreenAtSizes(page, 'verify-valid');
  await page.setViewportSize({ width: 760, height: 900 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the verify screen at 760 px scrolls sideways').toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, 'verify screen at 760 px');
  await page.screenshot({ path: 'docs/screenshots/verify-valid-760.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The record opens in Records.
  await page.getByRole('button', { name: 'Open US10001 in Records' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificate US10001' })).toBeVisible();
  await signOutThroughPage(page);

  // Voided: the original PDF is VOIDED; the VOID copy is the VOID copy.
  await signInThroughPage(page, SEED_ADMIN);
  await kpCall(page, 'certificates:void', { id: certificateId, reason: 'Printer error' });
  // Signing a voided certificate makes its VOID copy (the signed notice Census receives).
  await kpCall(page, 'documents:sign', { certificateId });
  const voidCopy = await kpCall(page, 'documents:save', { certificateId, kind: 'void' });
  if (!('path' in voidCopy)) throw new Error('documents:save (VOID copy) was cancelled');
  await signOutThroughPage(page);
  await signInThroughPage(page, REVIEWER);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Verify a file' })
    .click();

  await offerForOpening(preview.dataDir, original, 'US10001-again.pdf');
  await verifyOnScreen(page, /^Choose a PDF to verify…$/);
  await expect(outcome.getByRole('heading', { level: 2 })).toHaveText('✕VOIDED: US10001-again.pdf');
  await expect(outcome).not.toContainText(/\bvalid\b|genuine/i);
  await expect(page.getByTestId('verify-record-line')).toContainText('US10001 (voided)');
  await checkScreenAtSizes(page, 'verify-voided');

  await offerForOpening(preview.dataDir, voidCopy.path, 'US10001-VOID.pdf');
  await verifyOnScreen(page, /^Verify another file…$/);
  await expect(outcome.getByRole('heading', { level: 2 })).toHaveText(
    '✓VOID COPY: US10001-VOID.pdf',
  );
  await expect(page.getByTestId('verify-record-line')).toHaveText(
    'US10001 (voided): this file is byte for byte its signed VOID copy',
  );
});
