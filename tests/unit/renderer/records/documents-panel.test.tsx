// @vitest-environment jsdom
// The Documents panel after an approved correction, over the real core and a real encrypted
// vault (records-kp.ts): the PDF signed before is shown as superseded, "Save the PDF again" is
// not offered for it, "Sign the corrected certificate" makes the new one, and the old one can be
// saved only as a superseded copy. A reviewer sees who signs instead of a button.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentsPanel } from '../../../../renderer/src/records/DocumentsPanel';
import type { CertificateRecord } from '../../../../renderer/src/records/use-certificate-record';
import { validDraft } from '../../domain/certificate-fixtures';
import type { RecordsKp } from './records-kp';
import { recordsKp, registerStock, seedCertificate } from './records-kp';

let kp: RecordsKp;
beforeEach(async () => {
  kp = await recordsKp();
  await registerStock(kp, 'US10000-US10009');
});
afterEach(async () => {
  cleanup();
  await kp.dispose();
});

/** An issued certificate, signed, then corrected (asked by otto, approved by bert). */
async function correctedAfterSigning(): Promise<CertificateRecord> {
  const { harness } = kp;
  const id = await seedCertificate(kp, { number: 'US10001', issue: true });
  await harness.value('identity:generate', { signerName: 'Jane Doe', keyType: 'ecdsa-p256' });
  await harness.value('documents:sign', { certificateId: id });
  await harness.addUser('otto', 'operator');
  await harness.addUser('bert', 'administrator');
  await harness.signInAs('otto');
  const stored = await harness.value<CertificateRecord>('certificates:get', { id });
  const asked = await harness.value<{ id: number }>('certificates:requestEdit', {
    id,
    proposed: {
      ...validDraft(),
      ...stored.draft,
      consignee: { ...stored.draft.consignee, name: 'Diamant Import Trading NV' },
    },
    reason: 'The consignee renamed itself.',
  });
  await harness.signInAs('bert');
  await harness.value('editRequests:decide', {
    requestId: asked.id,
    decision: 'approve',
    note: 'Checked.',
  });
  return harness.value<CertificateRecord>('certificates:get', { id });
}

describe('DocumentsPanel after a correction', () => {
  it('shows the old PDF superseded and signs the corrected certificate', async () => {
    const user = userEvent.setup();
    const record = await correctedAfterSigning();
    const view = render(<DocumentsPanel api={kp.api} record={record} canWrite />);
    const sign = await screen.findByRole('button', { name: 'Sign the corrected certificate' });
    expect(screen.getByRole('note').textContent).toContain('superseded');
    expect(screen.queryByRole('button', { name: 'Save the PDF again…' })).toBeNull();
    const copies = screen.getByRole('list', { name: 'Superseded signed PDFs' });
    expect(within(copies).getAllByRole('listitem')).toHaveLength(1);

    await user.click(within(copies).getByRole('button', { name: 'Save as a superseded copy…' }));
    expect((await screen.findByText(/Saved the superseded copy/)).textContent).toMatch(
      /US10001-SUPERSEDED-\d{4}-\d{2}-\d{2}\.pdf/,
    );

    await user.click(sign);
    expect(
      (
        await screen.findByText(/The corrected certificate is signed/, undefined, {
          timeout: 60_000,
        })
      ).textContent,
    ).toContain('marked superseded');
    const save = await screen.findByRole('button', { name: 'Save the PDF again…' });
    expect(screen.queryByRole('button', { name: 'Sign the corrected certificate' })).toBeNull();
    await user.click(save);
    expect((await screen.findByText(/Saved the signed PDF to/)).textContent).toMatch(
      /US10001\.pdf\.$/,
    );
    view.unmount();
  });

  it('tells a reviewer who signs the corrected certificate, with no sign button', async () => {
    const record = await correctedAfterSigning();
    render(<DocumentsPanel api={kp.api} record={record} canWrite={false} />);
    expect((await screen.findByRole('note')).textContent).toContain(
      'An operator or administrator signs the corrected certificate.',
    );
    expect(screen.queryByRole('button', { name: /Sign/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save the PDF again…' })).toBeNull();
  });
});
