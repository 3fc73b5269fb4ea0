// A correction leads to a new signed document (issue 16), in Chromium through the preview host:
// US10001 is issued and signed; an operator asks for a correction and an administrator approves
// it on the page. The Documents panel then says the signed PDF is superseded, offers no plain
// "Save the PDF again" for it, and offers "Sign the corrected certificate"; signing makes the new
// PDF, which is what "Save the PDF again" then writes (checked with pdftotext), while the old one
// stays listed and can be saved only as a superseded copy. axe finds nothing on the panel.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { kpCall } from './kp-call';
import { SEED_ADMIN, signInThroughPage, signOutThroughPage } from './seed-vault';
import type { SeedUser } from './seed-vault';
import { openWithSignedCertificate } from './signed-certificate';

const run = promisify(execFile);

const OPERATOR: SeedUser = {
  displayName: 'Otto Operator',
  username: 'otto',
  password: 'operator-password-1',
  role: 'operator',
};

const pdfText = async (file: string): Promise<string> =>
  (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;

test('after an approved correction the reviewer signs the corrected certificate and saves the new PDF', async ({
  page,
  preview,
}) => {
  test.setTimeout(480_000);
  // The administrator makes the signing identity and signs US10001.
  const certificateId = await openWithSignedCertificate(page, preview.openUrl, [OPERATOR]);
  await signOutThroughPage(page);

  // The operator asks for a correction of the consignee's name.
  await signInThroughPage(page, OPERATOR);
  const record = await kpCall(page, 'certificates:get', { id: certificateId });
  await kpCall(page, 'certificates:requestEdit', {
    id: certificateId,
    proposed: {
      ...record.draft,
      consignee: { ...record.draft.consignee, name: 'Antwerp Rough Trading BV' },
    },
    reason: 'The consignee renamed itself.',
  });
  await signOutThroughPage(page);

  // The administrator approves it on the certificate page.
  await signInThroughPage(page, SEED_ADMIN);
  await page.getByRole('listbox', { name: 'Certificates' }).getByRole('option').first().click();
  const corrections = page.getByRole('region', { name: 'Corrections' });
  await corrections.getByLabel('Decision note (required)').fill('Checked against the invoice.');
  await corrections.getByRole('button', { name: 'Approve…' }).click();
  await page
    .getByRole('alertdialog', { name: 'Approve the correction of certificate US10001?' })
    .getByRole('button', { name: 'Approve and change US10001' })
    .click();
  await expect(
    page.getByText('Sign the corrected certificate', { exact: false }).first(),
  ).toBeVisible({
    timeout: 60_000,
  });

  // Documents: superseded, no plain save, a real sign action.
  const documents = page.getByRole('region', { name: 'Documents' });
  await expect(documents.getByRole('note')).toContainText('superseded');
  await expect(documents.getByRole('button', { name: 'Save the PDF again…' })).toHaveCount(0);
  const copies = documents.getByRole('list', { name: 'Superseded signed PDFs' });
  await expect(copies.getByRole('listitem')).toHaveCount(1);
  await expectNoAxeViolations(page, 'the documents panel after a correction');
  await page.screenshot({ path: 'docs/screenshots/corrected-document-superseded.png' });

  // The superseded copy only as such.
  await copies.getByRole('button', { name: 'Save as a superseded copy…' }).click();
  const oldSaved = documents.getByText(/Saved the superseded copy/);
  await expect(oldSaved).toBeVisible();
  const oldPath = /to (.+-SUPERSEDED-[\d-]+\.pdf)\./.exec(
    (await oldSaved.textContent()) ?? '',
  )?.[1];
  expect(oldPath).toBeDefined();
  expect(await pdfText(oldPath ?? '')).toContain('Antwerp Rough BV');

  // Sign the corrected certificate, then save it.
  await documents.getByRole('button', { name: 'Sign the corrected certificate' }).click();
  await expect(documents.getByText(/The corrected certificate is signed/)).toBeVisible({
    timeout: 120_000,
  });
  await documents.getByRole('button', { name: 'Save the PDF again…' }).click();
  const newSaved = documents.getByText(/Saved the signed PDF to/);
  await expect(newSaved).toBeVisible();
  const newPath = /to (.+\.pdf)\.$/.exec((await newSaved.textContent()) ?? '')?.[1] ?? '';
  expect(newPath).toMatch(/US10001( \(\d+\))?\.pdf$/);
  expect(await pdfText(newPath)).toContain('Antwerp Rough Trading BV');
  await expectNoAxeViolations(page, 'the documents panel after signing the corrected certificate');
  await page.screenshot({ path: 'docs/screenshots/corrected-document-signed.png' });
});
