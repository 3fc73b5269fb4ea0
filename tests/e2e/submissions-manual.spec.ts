// The manual channel end to end (issue 12; 31 CFR 592.301(a)(1)(iv)-(v)), in Chromium through
// the preview host with its demo intake off: Settings > Recipients sets Census to manual; a
// certificate issued, signed and shipped has its Census copy wait for the user on Submissions;
// "Prepare fax package…" writes a PDF through the preview's save dialog (<dataDir>/exports/) that
// qpdf checks; "Record confirmation…" refuses a missing reference at its field (and the core
// refuses it too, changing nothing), then records fax + reference; the row then reads confirmed by
// the user, not by the recipient, and its receipt says so. axe finds nothing on each screen;
// screenshots go to docs/screenshots/submissions-manual-*.png.
import { execFileSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { kpAnswer, kpCall } from './kp-call';
import { checkScreenAtSizes } from './screen-check';
import { openWithSignedCertificate } from './signed-certificate';
import { startTempPreview } from './temp-preview';
import type { TempPreview } from './temp-preview';

let preview: TempPreview;

test.beforeAll(async () => {
  // No demo intake: Census is set to the manual channel by the user, as a licensee would.
  preview = await startTempPreview('kpdesk-e2e-manual-');
});
test.afterAll(async () => {
  await preview.close();
});

test('a Census copy on the manual channel is packaged, refused without a reference, then confirmed by the user', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const id = await openWithSignedCertificate(page, preview.openUrl);

  // Settings > Recipients: Census on the manual channel, before the copy is queued.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const censusChannel = page.getByRole('group', { name: /^Census .*: channel$/ });
  await censusChannel
    .getByRole('radio', { name: /^Manual \(fax or secure file transfer, confirmed by you\)/ })
    .check();
  await page.getByRole('button', { name: 'Use manual delivery for Census' }).click();
  await expect(
    page.getByText(
      'Saved. Copies to Census wait in Submissions until you record how each one was sent.',
    ),
  ).toBeVisible();
  await expect(censusChannel.getByRole('radio', { name: /\(saved\)$/ })).toBeChecked();

  const today = new Date().toISOString().slice(0, 10);
  await kpCall(page, 'certificates:ship', { id, shipDate: today });

  await page.getByRole('button', { name: /^Submissions/ }).click();
  await expect(page.getByRole('heading', { name: 'Submissions', level: 1 })).toBeVisible();
  // The screen says what "delivered" means for a manual copy: the user's word.
  await expect(page.locator('.screen-page__intro')).toContainText(
    'counts as delivered once you record its confirmation: your word, not a receipt from the recipient.',
  );
  const censusRow = page.locator('tr[data-submission="US10001/shipped/v1"]');
  await expect(censusRow).toContainText('Waiting for you: fax it or upload it');
  await expect(censusRow.getByText('Pending', { exact: true })).toBeVisible();

  // Prepare fax package…: the preview's save dialog writes into <dataDir>/exports/.
  await censusRow.getByRole('button', { name: 'Prepare fax package: US10001 to Census' }).click();
  await expect(page.getByText(/The fax package for US10001 to Census is saved: /)).toBeVisible({
    timeout: 60_000,
  });
  const exportsDir = join(preview.dataDir, 'exports');
  const saved = (await readdir(exportsDir)).filter((name) => name.endsWith('.pdf'));
  expect(saved).toEqual([`kp-copies-for-census-${today}.pdf`]);
  const pdfPath = join(exportsDir, saved[0] ?? '');
  const qpdf = execFileSync('qpdf', ['--check', pdfPath], { encoding: 'utf8' });
  expect(qpdf).toContain('No syntax or stream encoding errors found');
  // Packaging sends nothing: the copy still waits for the user.
  await expect(censusRow.getByText('Pending', { exact: true })).toBeVisible();

  // Record confirmation…: an empty reference is refused at its field; nothing is recorded.
  await censusRow.getByRole('button', { name: 'Record confirmation: US10001 to Census' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record that US10001 was sent to Census' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('How it was sent')).toBeFocused();
  await dialog.getByRole('button', { name: 'Record the confirmation' }).click();
  const reference = dialog.getByLabel('Confirmation reference');
  await expect(reference).toHaveAttribute('aria-invalid', 'true');
  await expect(reference).toHaveAccessibleDescription(
    /Give the fax confirmation or the transfer reference/,
  );
  await expect(dialog.getByRole('alert')).toContainText('Check the fields marked below.');
  await checkScreenAtSizes(page, 'submissions-manual-dialog-refused');
  // A shorter window (a laptop's): the form scrolls inside the dialog, its button stays reachable.
  await page.setViewportSize({ width: 1280, height: 560 });
  const recordButton = dialog.getByRole('button', { name: 'Record the confirmation' });
  await recordButton.scrollIntoViewIfNeeded();
  await expect(recordButton).toBeInViewport();
  await page.setViewportSize({ width: 1280, height: 800 });
  // The core refuses it as well (a caller other than this form), at the same field.
  const listed = await kpCall(page, 'submissions:list', {});
  const censusId = listed.items.find((item) => item.idempotencyKey === 'US10001/shipped/v1')?.id;
  const refused = await kpAnswer(page, 'submissions:confirmSent', {
    id: censusId,
    method: 'fax',
    sentAt: new Date().toISOString(),
    reference: '   ',
  });
  expect(refused.ok).toBe(false);
  expect(refused.error).toMatchObject({ code: 'INVALID_INPUT', fields: { reference: /./ } });
  await expect(censusRow.getByText('Pending', { exact: true })).toBeVisible();

  // Fax + reference: recorded.
  await dialog.getByLabel('How it was sent').selectOption('fax');
  await reference.fill('Fax TX 0042');
  await dialog.getByLabel('Note (optional)').fill('Sent to the KP Coordination Branch fax.');
  // Its refusal goes once the reference is typed.
  await expect(reference).not.toHaveAttribute('aria-invalid', 'true');
  await checkScreenAtSizes(page, 'submissions-manual-dialog');
  await dialog.getByRole('button', { name: 'Record the confirmation' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByText(
      'US10001 to Census is recorded as sent (Delivered): confirmed by you, not by the recipient.',
    ),
  ).toBeVisible();
  await expect(censusRow).toContainText(
    'Confirmed by the user, not by the recipient: reference Fax TX 0042',
  );
  await expect(
    censusRow.getByRole('button', { name: 'Record confirmation: US10001 to Census' }),
  ).toHaveCount(0);
  await checkScreenAtSizes(page, 'submissions-manual-confirmed');

  // Its receipt says who confirmed it and how; it is not a recipient's proof.
  await censusRow.getByRole('button', { name: 'Receipt: US10001 to Census' }).click();
  await expect(
    page.getByText('Confirmed by the user, not by the recipient.', { exact: false }),
  ).toBeVisible();
  await expect(page.getByText('Fax TX 0042').last()).toBeVisible();
  await expect(page.getByText('Sent to the KP Coordination Branch fax.')).toBeVisible();
  await checkScreenAtSizes(page, 'submissions-manual-receipt');
});
