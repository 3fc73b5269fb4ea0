// @vitest-environment jsdom
// The submissions components against the real core over a real encrypted vault (recordsKp): an
// issued and shipped certificate has its USKPA report and Census copy Pending ("not sent yet"),
// the Census copy of a 2026-11-28 export is marked overdue on the records list, an operator
// cancels one after a confirmation, a reviewer reads but is offered no move, Settings >
// Recipients shows the refusals next to the fields they name, and the navigation shows the badge.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordsScreen } from '../../../../renderer/src/records/RecordsScreen';
import { RecipientsSection } from '../../../../renderer/src/settings/RecipientsSection';
import { MainNav } from '../../../../renderer/src/shell/MainNav';
import { CertificateSubmissionsPanel } from '../../../../renderer/src/submissions/CertificateSubmissionsPanel';
import { SubmissionsScreen } from '../../../../renderer/src/submissions/SubmissionsScreen';
import { giveListboxAHeight } from '../records/list-layout';
import type { RecordsKp } from '../records/records-kp';
import { recordsKp, registerStock, seedCertificate } from '../records/records-kp';
import { HARNESS_PASSPHRASE } from '../../../helpers/vault-channel-harness';

giveListboxAHeight();

const opened: RecordsKp[] = [];
afterEach(async () => {
  cleanup();
  for (const kp of opened.splice(0)) await kp.dispose();
});

async function shippedCertificate(): Promise<{ kp: RecordsKp; id: number }> {
  const kp = await recordsKp();
  opened.push(kp);
  await registerStock(kp, 'US10001-US10002');
  const id = await seedCertificate(kp, { number: 'US10001', issue: true });
  // Shipped on the day it leaves (a ship date is never in the future: SHIP_DATE_IN_FUTURE); the
  // idle vault locked itself overnight.
  kp.harness.clock.now = new Date('2026-11-28T12:00:00Z');
  await kp.harness.value('vault:status');
  await kp.harness.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
  await kp.harness.signInAs('ada');
  await kp.harness.value('certificates:ship', { id, shipDate: '2026-11-28' });
  // Two days on, the Census copy is overdue; the idle vault locked itself meanwhile.
  kp.harness.clock.now = new Date('2026-11-30T12:00:00Z');
  await kp.harness.value('vault:status');
  await kp.harness.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
  await kp.harness.signInAs('ada');
  return { kp, id };
}

const admin = { userId: 1, username: 'ada', displayName: 'Ada', role: 'administrator' as const };
const navigate = () => undefined;

describe('Submissions screen', () => {
  it('lists the queued copies with what is not established yet; cancel needs a confirmation', async () => {
    const { kp } = await shippedCertificate();
    render(<SubmissionsScreen api={kp.api} user={admin} navigate={navigate} />);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toMatch(/Census.*Copy after export.*Pending.*Not sent yet/);
    expect(rows[1]?.textContent).toMatch(/USKPA.*Certificate issued.*Pending/);
    expect(table.textContent).not.toMatch(/Delivered/);
    expect(
      await screen.findByText(/no recipient with an HTTPS channel is configured/),
    ).toBeTruthy();
    expect(screen.getByText(/1 Census copy is overdue/)).toBeTruthy();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Cancel: US10001 to Census' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toMatch(/must\s+still receive this copy another way/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the submission' }));
    expect(await screen.findByText(/US10001 to Census is cancelled/)).toBeTruthy();
    const list = await kp.harness.value<{ items: { recipient: string; status: string }[] }>(
      'submissions:list',
      {},
    );
    expect(list.items.find((item) => item.recipient === 'census')?.status).toBe('cancelled');
  });

  it('offers a reviewer no retry or cancel', async () => {
    const { kp } = await shippedCertificate();
    await kp.harness.addUser('rita', 'reviewer');
    await kp.harness.signInAs('rita');
    render(
      <SubmissionsScreen
        api={kp.api}
        user={{ ...admin, userId: 2, role: 'reviewer' }}
        navigate={navigate}
      />,
    );
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: /^Cancel/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Retry now/ })).toBeNull();
  });

  it("shows a certificate's submissions on its page", async () => {
    const { kp, id } = await shippedCertificate();
    render(<CertificateSubmissionsPanel api={kp.api} certificateId={id} canAct />);
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('marks the certificate whose Census copy is overdue on the records list', async () => {
    const { kp } = await shippedCertificate();
    render(<RecordsScreen api={kp.api} user={admin} navigate={navigate} />);
    expect((await screen.findByTestId('overdue-summary')).textContent).toMatch(
      /1 certificate has a Census copy overdue/,
    );
    const option = await screen.findByRole('option', { name: /^US10001/ });
    expect(option.textContent).toMatch(/Census copy Overdue/);
  });
});

describe('Settings > Recipients', () => {
  it('refuses bad settings next to the field named, and saves nothing', async () => {
    const { kp } = await shippedCertificate();
    render(<RecipientsSection api={kp.api} manage />);
    const census = await screen.findByRole('form', { name: /^Census/ });
    const user = userEvent.setup();
    await user.type(
      within(census).getByLabelText('Submission address (https://)'),
      'http://intake.example/v1',
    );
    await user.click(within(census).getByRole('button', { name: 'Save Census settings' }));
    expect(
      (await within(census).findAllByText(/must start with https:\/\//)).length,
    ).toBeGreaterThan(0);
    const field = within(census).getByLabelText('Submission address (https://)');
    expect(field.getAttribute('aria-invalid')).toBe('true');

    await user.clear(field);
    await user.type(field, 'https://intake.example/v1');
    await user.click(within(census).getByRole('button', { name: 'Save Census settings' }));
    expect(
      (await within(census).findAllByText(/Give the client certificate\./)).length,
    ).toBeGreaterThan(0);
    expect(census.querySelector('[data-field="clientKeyPem"]')?.textContent).toMatch(
      /Give the client private key/,
    );
    const saved = await kp.harness.value<{ recipients: unknown[] }>('submissions:recipients');
    expect(saved.recipients).toEqual([]);
  });

  it('shows a reviewer the recipients without a form', async () => {
    const { kp } = await shippedCertificate();
    render(<RecipientsSection api={kp.api} manage={false} />);
    expect(
      await screen.findAllByText(/Not configured: copies to this recipient wait/),
    ).toHaveLength(2);
    expect(screen.queryByRole('form')).toBeNull();
  });
});

describe('navigation badge', () => {
  it('counts the submissions that need the user, in words for screen readers', () => {
    render(
      <MainNav route={{ screen: 'records' }} user={admin} navigate={navigate} needsUser={2} />,
    );
    const entry = screen.getByRole('button', { name: /^Submissions/ });
    expect(entry.textContent).toBe('Submissions2 need you');
    cleanup();
    render(
      <MainNav route={{ screen: 'records' }} user={admin} navigate={navigate} needsUser={0} />,
    );
    expect(screen.getByRole('button', { name: /^Submissions/ }).textContent).toBe('Submissions');
  });
});
