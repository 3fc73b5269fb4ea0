// @vitest-environment jsdom
// Corrections on the certificate page over the real core and a real encrypted vault: an operator
// asks for a correction and sees it read-only; an administrator sees what would change, cannot
// decide without a note, approves after a confirmation naming the certificate, and the stored
// certificate, the panel and the timeline all show the decision.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CertificatePage } from '../../../../renderer/src/records/CertificatePage';
import type { SignedInUser } from '../../../../renderer/src/navigation';
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

const admin: SignedInUser = {
  userId: 1,
  username: 'ada',
  displayName: 'Ada Admin',
  role: 'administrator',
};

function renderPage(id: number, user: SignedInUser) {
  render(<CertificatePage api={kp.api} id={id} user={user} navigate={() => undefined} />);
}

async function corrections() {
  return screen.findByRole('region', { name: 'Corrections' });
}

/** As the operator "olga": asks, through the page, to correct the consignee's name. */
async function operatorRequests(id: number): Promise<SignedInUser> {
  const user = userEvent.setup();
  const olgaId = await kp.harness.addUser('olga', 'operator');
  await kp.harness.signInAs('olga');
  const olga: SignedInUser = {
    userId: olgaId,
    username: 'olga',
    displayName: 'olga (operator)',
    role: 'operator',
  };
  renderPage(id, olga);
  await user.click(await screen.findByRole('button', { name: 'Request a correction…' }));
  const name = screen.getByLabelText('Ultimate consignee name');
  await user.clear(name);
  await user.type(name, 'Antwerp Rough Trading BV');
  await user.type(
    screen.getByLabelText('Reason for the correction'),
    'Consignee name misspelt on the invoice',
  );
  await user.click(screen.getByRole('button', { name: 'Send the request' }));
  await screen.findByText(/Correction of US10001 requested/);
  return olga;
}

describe('CorrectionsPanel', () => {
  it('shows an operator the request read-only; an administrator approves it with a note', async () => {
    const user = userEvent.setup();
    const id = await seedCertificate(kp, {
      number: 'US10001',
      consignee: 'Antwerp Ruff BV',
      issue: true,
    });
    await operatorRequests(id);

    // The operator's view: the pending request with what would change, and no way to decide it.
    let panel = await corrections();
    await within(panel).findByText(/Waiting for a decision/);
    const row = within(panel).getByRole('row', { name: /Ultimate consignee name/ });
    expect(row.textContent).toContain('Antwerp Ruff BV');
    expect(row.textContent).toContain('Antwerp Rough Trading BV');
    expect(within(panel).getByText('olga (operator)')).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: 'Approve…' })).toBeNull();
    expect(within(panel).getByText(/An administrator decides this correction/)).toBeTruthy();
    cleanup();

    // The administrator decides.
    await kp.harness.signInAs('ada');
    renderPage(id, admin);
    panel = await corrections();
    await within(panel).findByText(/Waiting for a decision/);
    const note = within(panel).getByLabelText('Decision note (required)');
    await user.click(within(panel).getByRole('button', { name: 'Approve…' }));
    expect(within(panel).getByRole('alert').textContent).toContain('Write a note');
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await user.type(note, 'Checked against the commercial invoice');
    await user.click(within(panel).getByRole('button', { name: 'Approve…' }));
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Approve the correction of certificate US10001?',
    });
    expect(dialog.textContent).toContain('Ultimate consignee name');
    expect(dialog.textContent).toContain('sign the certificate again');
    await user.click(within(dialog).getByRole('button', { name: 'Approve and change US10001' }));

    await screen.findByText(/The correction of US10001 is approved and applied/);
    // The panel is reloaded after the decision: query it afresh until it shows the outcome.
    await waitFor(() => {
      expect(
        within(screen.getByRole('region', { name: 'Corrections' })).getByText(/Approved/),
      ).toBeTruthy();
    });
    panel = await corrections();
    expect(within(panel).getByText('Checked against the commercial invoice')).toBeTruthy();
    expect(within(panel).getByText(/Ada Admin/)).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: 'Approve…' })).toBeNull();

    // The vault holds the corrected certificate, in the same state; the page and timeline show it.
    const stored = await kp.harness.value<{
      state: string;
      draft: { consignee: { name: string } };
    }>('certificates:get', { id });
    expect(stored).toMatchObject({
      state: 'ISSUED',
      draft: { consignee: { name: 'Antwerp Rough Trading BV' } },
    });
    const main = screen.getByRole('region', { name: 'Certificate US10001' });
    await waitFor(() => {
      expect(within(main).getAllByText('Antwerp Rough Trading BV').length).toBeGreaterThan(0);
    });
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    await within(timeline).findByText(/Correction approved/);
    expect(within(timeline).getByText(/Correction applied/)).toBeTruthy();
  });

  it('refuses a rejection without a note at the field and changes nothing', async () => {
    const user = userEvent.setup();
    const id = await seedCertificate(kp, { number: 'US10001', issue: true });
    await operatorRequests(id);
    cleanup();
    await kp.harness.signInAs('ada');
    renderPage(id, admin);
    const panel = await corrections();
    await within(panel).findByText(/Waiting for a decision/);
    await user.click(within(panel).getByRole('button', { name: 'Reject…' }));

    const note = within(panel).getByLabelText('Decision note (required)');
    const alert = within(panel).getByRole('alert');
    expect(alert.textContent).toContain('Write a note saying why the correction is rejected.');
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(note.getAttribute('aria-describedby')).toContain(alert.id);
    expect(document.activeElement).toBe(note);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(kp.calls.some((call) => call.channel === 'editRequests:decide')).toBe(false);
    const pending = await kp.harness.value<{ status: string }[]>('editRequests:list', {
      certificateId: id,
    });
    expect(pending.map((r) => r.status)).toEqual(['pending']);

    // With a note the rejection goes through and the certificate stays as issued.
    await user.type(note, 'The invoice shows the name as issued');
    await user.click(within(panel).getByRole('button', { name: 'Reject…' }));
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Reject the correction of certificate US10001?',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Reject it' }));
    await screen.findByText(/The correction of US10001 is rejected/);
    await waitFor(() => {
      expect(
        within(screen.getByRole('region', { name: 'Corrections' })).getByText(/Rejected/),
      ).toBeTruthy();
    });
    const stored = await kp.harness.value<{ draft: { consignee: { name: string } } }>(
      'certificates:get',
      { id },
    );
    expect(stored.draft.consignee.name).toBe('Diamant Import NV');
  });

  it('offers no decision to the administrator who asked, nor to a reviewer (read-only)', async () => {
    const id = await seedCertificate(kp, { number: 'US10001', issue: true });
    const stored = await kp.harness.value<{ draft: Record<string, unknown> }>('certificates:get', {
      id,
    });
    // Ada (administrator, signed in by the seed) asks herself.
    await kp.harness.value('certificates:requestEdit', {
      id,
      reason: 'Weight re-measured',
      proposed: { ...stored.draft, carats: '12.60' },
    });
    renderPage(id, admin);
    let panel = await corrections();
    await within(panel).findByText(/Waiting for a decision/);
    expect(within(panel).queryByRole('button', { name: 'Approve…' })).toBeNull();
    expect(
      within(panel).getByText(/You asked for this correction: another administrator/),
    ).toBeTruthy();
    // The vault refuses it too, whatever the UI shows (four eyes is enforced in the core).
    const [request] = await kp.harness.value<{ id: number }[]>('editRequests:list', {
      certificateId: id,
    });
    expect(
      await kp.harness.code('editRequests:decide', {
        requestId: request?.id,
        decision: 'approve',
        note: 'Mine',
      }),
    ).toBe('FORBIDDEN');
    cleanup();

    const ritaId = await kp.harness.addUser('rita', 'reviewer');
    await kp.harness.signInAs('rita');
    renderPage(id, { userId: ritaId, username: 'rita', displayName: 'rita', role: 'reviewer' });
    panel = await corrections();
    await within(panel).findByText(/Waiting for a decision/);
    expect(within(panel).queryByRole('button', { name: 'Approve…' })).toBeNull();
    expect(within(panel).getByText(/An administrator decides this correction/)).toBeTruthy();
  });

  it('shows a second administrator the vault refusing a proposal that breaks a rule; nothing changes', async () => {
    const user = userEvent.setup();
    const id = await seedCertificate(kp, { number: 'US10001', issue: true });
    const stored = await kp.harness.value<{ draft: Record<string, unknown> }>('certificates:get', {
      id,
    });
    await kp.harness.value('certificates:requestEdit', {
      id,
      reason: 'Weight re-measured',
      proposed: { ...stored.draft, carats: '12.5.0' },
    });
    const bertId = await kp.harness.addUser('bert', 'administrator');
    await kp.harness.signInAs('bert');
    renderPage(id, {
      userId: bertId,
      username: 'bert',
      displayName: 'bert',
      role: 'administrator',
    });
    const panel = await corrections();
    await within(panel).findByText(/Waiting for a decision/);
    expect(within(panel).getByRole('row', { name: /Carats/ }).textContent).toContain('12.5.0');
    await user.type(
      within(panel).getByLabelText('Decision note (required)'),
      'Scale certificate attached',
    );
    await user.click(within(panel).getByRole('button', { name: 'Approve…' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Approve and change US10001' }));

    expect((await within(panel).findByRole('alert')).getAttribute('data-error-code')).toBe(
      'CERTIFICATE_HAS_ERRORS',
    );
    expect(
      within(panel).getByRole('list', { name: 'What the vault refused' }).textContent,
    ).toContain('Carats:');
    const requests = await kp.harness.value<{ status: string }[]>('editRequests:list', {
      certificateId: id,
    });
    expect(requests.map((r) => r.status)).toEqual(['pending']);
    expect(
      (await kp.harness.value<{ draft: { carats: string } }>('certificates:get', { id })).draft
        .carats,
    ).toBe('12.50');
  });
});
