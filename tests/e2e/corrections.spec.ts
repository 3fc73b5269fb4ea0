// Corrections on a certificate page, in Chromium through the preview host: an operator asks for
// a correction of an issued certificate (the page shows it waiting, read-only for them), an
// administrator rejects it with a note, the operator asks again, and the administrator approves
// it with a note, after which the certificate shows the corrected value. A decision without a
// note is refused at the note. axe finds nothing on each view (docs/screenshots/corrections-*).
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { checkScreenAtSizes } from './screen-check';
import { SEED_ADMIN, seedVaultThroughBridge, signInThroughPage } from './seed-vault';
import type { SeedUser } from './seed-vault';

const OPERATOR: SeedUser = {
  displayName: 'Otto Operator',
  username: 'otto',
  password: 'operator-password-1',
  role: 'operator',
};

async function openCertificate(page: Page, user: SeedUser, number: string) {
  await signInThroughPage(page, user);
  await page.getByRole('listbox', { name: 'Certificates' }).getByRole('option').first().click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Certificate ${number}` }),
  ).toBeVisible();
  return page.getByRole('region', { name: 'Corrections' });
}

/** The consignee's name as the certificate's details show it (not the proposal). */
function storedConsignee(page: Page, name: string) {
  return page.locator('dl.facts dd').filter({ hasText: new RegExp(`^${name}$`) });
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}

async function requestCorrection(page: Page, consignee: string, reason: string) {
  await page.getByRole('button', { name: 'Request a correction…' }).click();
  const form = page.getByRole('form', { name: 'Request a correction' });
  await form.getByLabel('Ultimate consignee name').fill(consignee);
  await form.getByLabel('Reason for the correction').fill(reason);
  await form.getByRole('button', { name: 'Send the request' }).click();
  await expect(
    page.getByText('Correction of US10001 requested (Ultimate consignee name)'),
  ).toBeVisible();
}

test('an operator requests corrections; an administrator rejects one and approves one', async ({
  page,
  preview,
}) => {
  test.setTimeout(480_000);
  await page.goto(preview.openUrl);
  await seedVaultThroughBridge(page, {
    users: [OPERATOR],
    certificates: [
      { number: 'US10001', consignee: 'Antwerp Rough BV', destination: 'BE', issue: true },
    ],
  });
  await page.reload();

  // The operator asks; the request waits, and they cannot decide it.
  let panel = await openCertificate(page, OPERATOR, 'US10001');
  await expect(panel).toContainText('No correction has been requested');
  await requestCorrection(page, 'Antwerp Rough BVBA', 'The consignee’s legal form is BVBA.');
  await expect(panel).toContainText('Waiting for a decision');
  await expect(panel.getByRole('table', { name: 'What approval would change' })).toContainText(
    'Antwerp Rough BVBA',
  );
  await expect(panel).toContainText('An administrator decides this correction');
  await expect(panel.getByRole('button', { name: 'Approve…' })).toHaveCount(0);
  await checkScreenAtSizes(page, 'corrections-requested');
  await signOut(page);

  // The administrator rejects it: first without a note (refused at the note), then with one.
  panel = await openCertificate(page, SEED_ADMIN, 'US10001');
  const note = panel.getByLabel('Decision note (required)');
  await panel.getByRole('button', { name: 'Reject…' }).click();
  await expect(note).toHaveAttribute('aria-invalid', 'true');
  await expect(
    panel.getByText('Write a note saying why the correction is rejected.'),
  ).toBeVisible();
  await expect(note).toBeFocused();
  await checkScreenAtSizes(page, 'corrections-decide');
  await note.fill('The registry still lists the company as BV.');
  await panel.getByRole('button', { name: 'Reject…' }).click();
  const rejectDialog = page.getByRole('alertdialog', {
    name: 'Reject the correction of certificate US10001?',
  });
  await expect(rejectDialog).toContainText('The registry still lists the company as BV.');
  await expectNoAxeViolations(page, 'the reject confirmation');
  await page.screenshot({ path: 'docs/screenshots/corrections-reject-confirm.png' });
  await rejectDialog.getByRole('button', { name: 'Reject it' }).click();
  await expect(page.getByText('The correction of US10001 is rejected')).toBeVisible();
  await expect(panel).toContainText('Rejected');
  await expect(panel).toContainText('The registry still lists the company as BV.');
  await expect(storedConsignee(page, 'Antwerp Rough BV')).toBeVisible();
  await signOut(page);

  // Asked again, approved with a note: the certificate now carries the corrected name.
  await openCertificate(page, OPERATOR, 'US10001');
  await requestCorrection(page, 'Antwerp Rough Trading BV', 'The consignee renamed itself.');
  await signOut(page);
  panel = await openCertificate(page, SEED_ADMIN, 'US10001');
  await panel.getByLabel('Decision note (required)').fill('Checked against the new invoice.');
  await panel.getByRole('button', { name: 'Approve…' }).click();
  const approveDialog = page.getByRole('alertdialog', {
    name: 'Approve the correction of certificate US10001?',
  });
  await expect(approveDialog).toContainText('Ultimate consignee name');
  await expectNoAxeViolations(page, 'the approve confirmation');
  await page.screenshot({ path: 'docs/screenshots/corrections-approve-confirm.png' });
  await approveDialog.getByRole('button', { name: 'Approve and change US10001' }).click();
  await expect(page.getByText('The correction of US10001 is approved and applied')).toBeVisible({
    timeout: 60_000,
  });
  await expect(panel).toContainText('Approved and applied');
  await expect(panel).toContainText('Checked against the new invoice.');
  await expect(storedConsignee(page, 'Antwerp Rough Trading BV')).toBeVisible();
  await checkScreenAtSizes(page, 'corrections-decided');
});
