// @vitest-environment jsdom
// The certificate page over the real core and a real encrypted vault: every field, actions by
// state and role, rules shown at the field before anything is sent, and voiding only after a
// confirmation that names the certificate.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CertificatePage } from '../../../../renderer/src/records/CertificatePage';
import type { Route, SignedInUser } from '../../../../renderer/src/navigation';
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

function renderPage(id: number, user: SignedInUser = admin) {
  const routes: Route[] = [];
  render(
    <CertificatePage
      api={kp.api}
      id={id}
      user={user}
      navigate={(to) => {
        routes.push(to);
      }}
    />,
  );
  return routes;
}

async function stored(id: number) {
  return kp.harness.value<{
    state: string;
    voidReason: string | null;
    voidNotes: string | null;
    shipDate: string | null;
  }>('certificates:get', { id });
}

describe('CertificatePage', () => {
  it('shows every field of an issued certificate and its state', async () => {
    const id = await seedCertificate(kp, {
      number: 'US10001',
      consignee: 'Antwerp Rough BV',
      issue: true,
    });
    renderPage(id);
    expect(await screen.findByRole('heading', { name: 'Certificate US10001' })).toBeTruthy();
    const main = screen.getByRole('region', { name: 'Certificate US10001' });
    for (const text of [
      'Issued',
      'Antwerp Rough BV',
      'Belgium (BE)',
      'Congo, The Democratic Republic of the (CD)',
      '7102.31',
      // One written form (issue 16): grouped amounts with their unit, dates as "Nov 27, 2026".
      '12.50 ct',
      'US$15,000.00',
      'Nov 27, 2026',
      'Jan 26, 2027',
      'X20261127123456',
      'T12',
      '2 parcels in a sealed tamper-evident box',
      'S-1',
      'INV-1',
    ])
      expect(within(main).getAllByText(text, { exact: false }).length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { name: 'Submissions' })).toBeTruthy();
  });

  it('refuses a ship date before the date of issue or after today at the field, then records a valid one', async () => {
    const user = userEvent.setup();
    const id = await seedCertificate(kp, { number: 'US10001', issue: true });
    renderPage(id);
    const date = await screen.findByLabelText('Ship date');
    await user.clear(date);
    await user.type(date, '2026-11-20');
    await user.click(screen.getByRole('button', { name: 'Mark shipped' }));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toContain('cannot be before the date of issue');
    expect(error.textContent).toContain('31 CFR 592.307(d)');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect((await stored(id)).state).toBe('ISSUED');

    // The vault's clock stands on 2026-11-27 (the harness): the planned export date, 2026-11-28,
    // is still in the future there, so the vault refuses it and the page shows it at the field.
    await user.clear(date);
    await user.type(date, '2026-11-28');
    await user.click(screen.getByRole('button', { name: 'Mark shipped' }));
    await waitFor(() => {
      expect(date.getAttribute('aria-invalid')).toBe('true');
    });
    expect(screen.getByRole('alert').textContent).toContain(
      'The ship date 2026-11-28 is after today, 2026-11-27',
    );
    expect((await stored(id)).state).toBe('ISSUED');

    await user.clear(date);
    await user.type(date, '2026-11-27');
    await user.click(screen.getByRole('button', { name: 'Mark shipped' }));
    expect((await screen.findByText(/is marked shipped on Nov 27, 2026/)).textContent).toContain(
      'US10001',
    );
    expect(await stored(id)).toMatchObject({ state: 'SHIPPED', shipDate: '2026-11-27' });
    // Next step for a shipped certificate: delivery.
    await user.click(screen.getByLabelText(/importing authority confirmed receipt/));
    await user.click(screen.getByRole('button', { name: 'Mark delivered' }));
    await screen.findByText(/is marked delivered, import confirmed/);
    expect(await stored(id)).toMatchObject({ state: 'DELIVERED' });
  });

  it('voids only with a reason, notes for Other, and a confirmation naming the certificate', async () => {
    const user = userEvent.setup();
    const id = await seedCertificate(kp, { number: 'US10002', issue: true });
    renderPage(id);
    const voidButton = await screen.findByRole('button', { name: 'Void US10002…' });
    // The panel says plainly that the number is used up (issue 16).
    expect(screen.getByTestId('void-number-used-up').textContent).toBe(
      'Voiding cannot be undone. The form number US10002 is then used up: no other certificate will ever carry it.',
    );

    await user.click(voidButton);
    expect((await screen.findByRole('alert')).textContent).toContain('Choose the reason');
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await user.selectOptions(screen.getByLabelText('Reason for voiding'), 'Other (notes required)');
    await user.click(voidButton);
    const notes = screen.getByLabelText(/Notes/);
    expect(notes.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(notes);
    expect(screen.getByRole('alert').textContent).toContain('Explain the reason in the notes');

    await user.type(notes, 'Form torn while loading the printer');
    await user.click(voidButton);
    const dialog = await screen.findByRole('alertdialog', { name: 'Void certificate US10002?' });
    expect(dialog.textContent).toContain('The form number US10002 is then used up');
    // The safe choice has focus; Escape-free cancel leaves the certificate as it was.
    expect(document.activeElement?.textContent).toBe('Keep it');
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((await stored(id)).state).toBe('ISSUED');

    await user.click(voidButton);
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Void US10002' }),
    );
    await screen.findByText(/US10002 is voided\. Send a copy of the voided certificate to Census/);
    expect(await stored(id)).toMatchObject({
      state: 'VOIDED',
      voidReason: 'Other (notes required)',
      voidNotes: 'Form torn while loading the printer',
    });
    expect(screen.getByText('A voided certificate cannot change again.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save the VOID copy…' })).toBeTruthy();
  });

  it('shows a reviewer the record read-only, with no action', async () => {
    const id = await seedCertificate(kp, { number: 'US10003', issue: true });
    renderPage(id, { ...admin, role: 'reviewer' });
    await screen.findByRole('heading', { name: 'Certificate US10003' });
    expect(screen.getByText(/you can see this record but not change it/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Mark shipped|Void|Resume|Print/ })).toBeNull();
  });

  it('offers to resume a draft in the wizard', async () => {
    const user = userEvent.setup();
    const id = await seedCertificate(kp, { number: 'US10004' });
    const routes = renderPage(id);
    await user.click(await screen.findByRole('button', { name: 'Resume the draft' }));
    expect(routes).toEqual([{ screen: 'wizard', draftId: id }]);
  });

  it('says what the vault answered when a document is missing', async () => {
    const user = userEvent.setup();
    const id = await seedCertificate(kp, { number: 'US10005', issue: true });
    renderPage(id);
    await user.click(await screen.findByRole('button', { name: 'Save the PDF again…' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('has no signed PDF yet');
    expect(alert.getAttribute('data-error-code')).toBe('NOT_FOUND');
  });

  it('shows the timeline from the audit log, with who acted', async () => {
    const id = await seedCertificate(kp, { number: 'US10006', issue: true });
    renderPage(id);
    const timeline = await screen.findByRole('region', { name: 'Timeline' });
    await waitFor(() => {
      expect(within(timeline).getAllByRole('listitem').length).toBeGreaterThan(2);
    });
    const text = timeline.textContent;
    for (const words of ['Form taken from stock', 'Draft created', 'ITN recorded', 'Issued'])
      expect(text).toContain(words);
    expect(text).toContain('Ada Admin');
    // In this computer's time zone, 12-hour clock, the zone named (renderer/src/format).
    expect(text).toMatch(/[A-Z][a-z]{2} \d{1,2}, 2026, \d{1,2}:\d{2}\s[AP]M \S+/);
  });

  it('shows a run of draft saves as one entry that expands to each save (issue 16)', async () => {
    const user = userEvent.setup();
    const id = await seedCertificate(kp, { number: 'US10008' });
    for (let save = 1; save <= 9; save += 1) {
      const record = await kp.harness.value<{ version: number; draft: { carats: string } }>(
        'certificates:get',
        { id },
      );
      await kp.harness.value('certificates:updateDraft', {
        id,
        draft: { ...record.draft, carats: `${String(10 + save)}.00` },
        expectedVersion: record.version,
      });
    }
    renderPage(id);
    const timeline = await screen.findByRole('region', { name: 'Timeline' });
    await waitFor(() => {
      expect(timeline.textContent).toContain('Draft created');
    });
    expect(timeline.textContent).toMatch(/Draft saved 9 times, last at Nov 27, 2026, 10:00 AM UTC/);
    const toggle = within(timeline).getByRole('button', { name: 'Show all 9 saves' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // The nine saves are one entry of the outer list until expanded.
    const outer = timeline.querySelector('ol.timeline');
    const entries = [...(outer?.children ?? [])].map((item) => item.textContent);
    expect(entries.filter((text) => text.includes('Draft saved'))).toHaveLength(1);
    expect(within(timeline).queryAllByText(/^Draft saved$/)).toHaveLength(0);

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const nested = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(nested?.hidden).toBe(false);
    expect(within(nested as HTMLElement).getAllByRole('listitem')).toHaveLength(9);
    expect(toggle.textContent).toBe('Hide the saves');
  });

  it('asks for a correction with a reason and changed fields; the record stays as issued', async () => {
    const user = userEvent.setup();
    const id = await seedCertificate(kp, { number: 'US10007', issue: true });
    renderPage(id);
    await user.click(await screen.findByRole('button', { name: 'Request a correction…' }));
    await user.click(screen.getByRole('button', { name: 'Send the request' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Change at least one field to propose a correction.',
      'Explain why the certificate needs correcting.',
    ]);
    const name = screen.getByLabelText('Ultimate consignee name');
    await user.clear(name);
    await user.type(name, 'Diamant Import NV (Antwerp)');
    await user.type(screen.getByLabelText('Reason for the correction'), 'Consignee name mis-typed');
    await user.click(screen.getByRole('button', { name: 'Send the request' }));
    await screen.findByText(/Correction of US10007 requested \(Ultimate consignee name\)/);
    const requests = await kp.harness.value<
      { status: string; reason: string; proposed: { consignee: { name: string } } }[]
    >('editRequests:list', { certificateId: id });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      status: 'pending',
      reason: 'Consignee name mis-typed',
      proposed: { consignee: { name: 'Diamant Import NV (Antwerp)' } },
    });
    expect(await stored(id)).toMatchObject({ state: 'ISSUED' });
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    await waitFor(() => {
      expect(timeline.textContent).toContain('Correction requested');
    });
  });

  it('explains a certificate that does not exist', async () => {
    renderPage(999);
    expect((await screen.findByRole('alert')).getAttribute('data-error-code')).toBe('NOT_FOUND');
  });
});
