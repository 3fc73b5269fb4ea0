// @vitest-environment jsdom
// The manual channel in the app (issue 12): Census set to fax / secure file transfer, against the
// real core over a real encrypted vault (recordsKp). "Prepare fax package…" saves the fax-ready
// PDF through main's save dialog (the test dialogs' folder) and changes no status; "Record
// confirmation…" refuses a missing reference and a date in the future at their fields and
// changes nothing; a good confirmation makes the copy Delivered, worded "confirmed by the user,
// not by the recipient", and its receipt says so (never "verified"). A reviewer gets no move.
import { existsSync, readFileSync } from 'node:fs';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SubmissionsScreen } from '../../../../renderer/src/submissions/SubmissionsScreen';
import { localDateTime } from '../../../../renderer/src/submissions/RecordConfirmationDialog';
import type { RecordsKp } from '../records/records-kp';
import { recordsKp, registerStock, seedCertificate } from '../records/records-kp';
import { HARNESS_PASSPHRASE } from '../../../helpers/vault-channel-harness';
import { createSubmissionService } from '../../../../electron/core/submission/submission-service';
import { unlockVault } from '../../../../electron/core/vault/keys/unlock-vault';

const opened: RecordsKp[] = [];
afterEach(async () => {
  cleanup();
  for (const kp of opened.splice(0)) await kp.dispose();
});

type Listed = {
  items: { id: number; recipient: string; status: string; receiptId: string | null }[];
};

/** An issued and shipped certificate whose Census copy goes by the manual channel. */
async function manualCensusCopy(): Promise<RecordsKp> {
  const kp = await recordsKp();
  opened.push(kp);
  await registerStock(kp, 'US10001-US10002');
  const id = await seedCertificate(kp, { number: 'US10001', issue: true });
  kp.harness.clock.now = new Date('2026-11-28T12:00:00Z');
  await kp.harness.value('vault:status');
  await kp.harness.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
  await kp.harness.signInAs('ada');
  await kp.harness.value('certificates:ship', { id, shipDate: '2026-11-28' });
  await kp.harness.value('submissions:saveRecipientChannel', {
    recipient: 'census',
    channel: 'manual',
  });
  // Two days on (the idle vault locked itself meanwhile): the fax went out in between.
  kp.harness.clock.now = new Date('2026-11-30T12:00:00Z');
  await kp.harness.value('vault:status');
  await kp.harness.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
  await kp.harness.signInAs('ada');
  return kp;
}

const admin = { userId: 1, username: 'ada', displayName: 'Ada', role: 'administrator' as const };
const navigate = () => undefined;
const censusOf = async (kp: RecordsKp) =>
  (await kp.harness.value<Listed>('submissions:list', {})).items.find(
    (item) => item.recipient === 'census',
  );

describe('Submissions: the manual channel', () => {
  it(
    'prepares the fax package through the save dialog; the copy stays Pending',
    { timeout: 60_000 },
    async () => {
      const kp = await manualCensusCopy();
      render(<SubmissionsScreen api={kp.api} user={admin} navigate={navigate} />);
      const user = userEvent.setup();
      const prepare = await screen.findByRole('button', {
        name: 'Prepare fax package: US10001 to Census',
      });
      expect(screen.getByText(/Waiting for you: fax it or upload it/)).toBeTruthy();
      // No "Prepare" for USKPA, whose channel is not manual (not configured here).
      expect(screen.queryByRole('button', { name: /Prepare fax package: US10001 to USKPA/ })).toBe(
        null,
      );
      await user.click(prepare);
      // Building the PDF (cover sheet and the signed pages) takes a few seconds on a busy machine.
      const saved = await screen.findByText(
        /The fax package for US10001 to Census is saved: /,
        {},
        { timeout: 30_000 },
      );
      const path = /saved: (.*\.pdf)\./.exec(saved.textContent)?.[1] ?? '';
      expect(existsSync(path)).toBe(true);
      expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(kp.harness.dialogs.asked.at(-1)).toMatchObject({
        kind: 'save',
        purpose: 'fax-package-pdf',
      });
      expect((await censusOf(kp))?.status).toBe('pending');
    },
  );

  it('refuses a missing reference and a future date at their fields, then records it', async () => {
    const kp = await manualCensusCopy();
    render(<SubmissionsScreen api={kp.api} user={admin} navigate={navigate} />);
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Record confirmation: US10001 to Census' }),
    );
    const dialog = await screen.findByRole('dialog', { name: /Record that US10001 was sent/ });
    expect(dialog.textContent).toMatch(/confirmed by you, not by Census/);
    const reference = within(dialog).getByLabelText(/^Confirmation reference/);
    const when = within(dialog).getByLabelText(/^Date and time sent/);
    const save = within(dialog).getByRole('button', { name: 'Record the confirmation' });

    // No reference: refused at the reference, nothing recorded.
    await user.click(save);
    expect(reference.getAttribute('aria-invalid')).toBe('true');
    expect(
      within(dialog).getByText(/Give the fax confirmation or the transfer reference/),
    ).toBeTruthy();
    expect((await censusOf(kp))?.status).toBe('pending');

    // A date and time in the future: refused at that field, nothing recorded.
    await user.type(reference, 'TX 0042 (3 pages OK)');
    await user.clear(when);
    await user.type(when, localDateTime(new Date(Date.now() + 3 * 86_400_000)));
    await user.click(save);
    expect(when.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText(/is in the future/)).toBeTruthy();
    expect(reference.getAttribute('aria-invalid')).not.toBe('true');
    expect((await censusOf(kp))?.status).toBe('pending');

    // A real one: by secure file transfer, on the day of export, with a note.
    await user.clear(when);
    await user.type(when, '2026-11-28T15:30');
    await user.selectOptions(
      within(dialog).getByLabelText(/^How it was sent/),
      'secure-file-transfer',
    );
    await user.type(within(dialog).getByLabelText(/^Note/), 'Uploaded by Ada');
    await user.click(save);
    expect(
      await screen.findByText(/US10001 to Census is recorded as sent .*not by the recipient/),
    ).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBe(null);
    const census = await censusOf(kp);
    expect(census?.status).toBe('delivered');
    expect(census?.receiptId).toBe('TX 0042 (3 pages OK)');
    expect(
      await screen.findByText(/Confirmed by the user, not by the recipient: reference TX 0042/),
    ).toBeTruthy();

    // The receipt: what the user recorded, never "verified".
    await user.click(screen.getByRole('button', { name: 'Receipt: US10001 to Census' }));
    const receipt = await screen.findByRole('heading', { name: /Receipt of submission/ });
    const panel = receipt.closest('section');
    expect(panel?.textContent).toMatch(/Confirmed by the user, not by the recipient/);
    expect(panel?.textContent).toMatch(/Secure file transfer \(Census\)/);
    expect(panel?.textContent).toMatch(/Uploaded by Ada/);
    expect(panel?.textContent).not.toMatch(/Received by the recipient/);
    expect(panel?.textContent).not.toMatch(/Verified today/);
  });

  it(
    'says who confirmed a copy from the command line, and that only its day was given',
    { timeout: 60_000 },
    async () => {
      const kp = await manualCensusCopy();
      const census = await censusOf(kp);
      // What `kpdesk submissions confirm <id> --reference FAX-0042 --date 2026-11-29 --user ada`
      // does (cli/commands/submission-actions.ts): its own connection to the vault, the same
      // submission service, no --method and no --sent-at, so only the day it went out is recorded.
      const cli = await unlockVault({
        dir: kp.harness.dataDir,
        secret: { passphrase: HARNESS_PASSPHRASE },
      });
      try {
        createSubmissionService(cli).confirm(
          { userId: admin.userId, role: admin.role },
          census?.id ?? 0,
          { reference: 'FAX-0042', sentOn: '2026-11-29' },
        );
      } finally {
        cli.close();
      }
      expect((await censusOf(kp))?.status).toBe('delivered');
      render(<SubmissionsScreen api={kp.api} user={admin} navigate={navigate} />);
      const user = userEvent.setup();
      await user.click(await screen.findByRole('button', { name: 'Receipt: US10001 to Census' }));
      const receipt = await screen.findByRole('heading', { name: /Receipt of submission/ });
      const panel = receipt.closest('section');
      expect(panel?.textContent).toMatch(
        /How it was sentNot stated: confirmed from the command line by ada, not by the recipient/,
      );
      expect(panel?.textContent).toMatch(
        /Sent \(as recorded\)2026-11-29 \(the day only, as given on the command line\)/,
      );
      expect(panel?.textContent).not.toMatch(/Not recorded/);
      expect(panel?.textContent).not.toMatch(/Verified today/);
    },
  );

  it('refuses a date before the copy was due with the core message at the field', async () => {
    const kp = await manualCensusCopy();
    render(<SubmissionsScreen api={kp.api} user={admin} navigate={navigate} />);
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Record confirmation: US10001 to Census' }),
    );
    const dialog = await screen.findByRole('dialog');
    const when = within(dialog).getByLabelText(/^Date and time sent/);
    await user.type(within(dialog).getByLabelText(/^Confirmation reference/), 'TX 1');
    await user.clear(when);
    await user.type(when, '2026-11-01T09:00');
    await user.click(within(dialog).getByRole('button', { name: 'Record the confirmation' }));
    expect(
      (await within(dialog).findAllByText(/before the copy was due \(2026-11-2/)).length,
    ).toBeGreaterThan(0);
    expect(when.getAttribute('aria-invalid')).toBe('true');
    expect((await censusOf(kp))?.status).toBe('pending');
  });

  it('offers a reviewer neither move', async () => {
    const kp = await manualCensusCopy();
    const reviewer = { ...admin, role: 'reviewer' as const };
    render(<SubmissionsScreen api={kp.api} user={reviewer} navigate={navigate} />);
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: /Prepare fax package/ })).toBe(null);
    expect(screen.queryByRole('button', { name: /Record confirmation/ })).toBe(null);
  });
});
