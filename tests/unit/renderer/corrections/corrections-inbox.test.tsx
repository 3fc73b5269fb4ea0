// @vitest-environment jsdom
// The corrections inbox and its badge over the real core and a real encrypted vault: every
// pending request across certificates, the longest-waiting first, each leading to its
// certificate; each row says truthfully who decides; the badge counts only the requests the
// signed-in administrator may decide (never their own), and reviewers and operators get none.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CorrectionsScreen } from '../../../../renderer/src/corrections/CorrectionsScreen';
import type { SignedInUser } from '../../../../renderer/src/navigation';
import { MainNav } from '../../../../renderer/src/shell/MainNav';
import type { RecordsKp } from '../records/records-kp';
import { recordsKp, registerStock, seedCertificate } from '../records/records-kp';

let kp: RecordsKp;
let ids: { first: number; second: number };
let olga: SignedInUser;
let rita: SignedInUser;

const ada: SignedInUser = {
  userId: 1,
  username: 'ada',
  displayName: 'Ada Admin',
  role: 'administrator',
};

/** Asks, as whoever is signed in, for a new consignee name on the certificate. */
async function requestCorrection(id: number, reason: string) {
  const record = await kp.harness.value<{ draft: { consignee: { name: string } } }>(
    'certificates:get',
    { id },
  );
  await kp.harness.value('certificates:requestEdit', {
    id,
    proposed: { ...record.draft, consignee: { ...record.draft.consignee, name: 'New Name BV' } },
    reason,
  });
}

beforeEach(async () => {
  kp = await recordsKp();
  await registerStock(kp, 'US10000-US10009');
  ids = {
    first: await seedCertificate(kp, { number: 'US10001', issue: true }),
    second: await seedCertificate(kp, { number: 'US10002', issue: true }),
  };
  const olgaId = await kp.harness.addUser('olga', 'operator');
  const ritaId = await kp.harness.addUser('rita', 'reviewer');
  olga = { userId: olgaId, username: 'olga', displayName: 'olga (operator)', role: 'operator' };
  rita = { userId: ritaId, username: 'rita', displayName: 'rita (reviewer)', role: 'reviewer' };
  await kp.harness.signInAs('olga');
  await requestCorrection(ids.second, 'Consignee misspelt');
  kp.harness.clock.now = new Date(kp.harness.clock.now.getTime() + 60_000);
  await kp.harness.signInAs('ada');
  await requestCorrection(ids.first, 'Wrong consignee on the invoice');
});
afterEach(async () => {
  cleanup();
  await kp.dispose();
});

describe('CorrectionsScreen', () => {
  it('lists every pending request, oldest first, each with who decides and a link', async () => {
    const user = userEvent.setup();
    const navigate = vi.fn();
    render(<CorrectionsScreen api={kp.api} user={ada} navigate={navigate} />);
    const table = await screen.findByTestId('corrections-inbox');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('rowheader')[0]?.textContent)).toEqual([
      'US10002',
      'US10001',
    ]);
    expect(rows[0]?.textContent).toContain('Consignee misspelt');
    expect(rows[0]?.textContent).toContain('You may approve or reject it');
    expect(rows[1]?.textContent).toContain('You asked for it: another administrator decides');
    await user.click(within(table).getByRole('button', { name: 'US10002' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'certificate', id: ids.second });
  });

  it('tells a reviewer they decide none', async () => {
    await kp.harness.signInAs('rita');
    render(<CorrectionsScreen api={kp.api} user={rita} navigate={() => undefined} />);
    const table = await screen.findByTestId('corrections-inbox');
    const cells = within(table).getAllByText(/your role cannot/);
    expect(cells).toHaveLength(2);
    expect(within(table).queryByText(/You may approve/)).toBeNull();
  });
});

describe('the Corrections badge', () => {
  /** Renders the navigation for a role that decides nothing: no badge, not even a request. */
  function noBadgeFor(signedIn: SignedInUser) {
    kp.calls.length = 0;
    render(
      <MainNav api={kp.api} route={{ screen: 'records' }} user={signedIn} navigate={() => {}} />,
    );
    const entry = screen.getByRole('button', { name: /^Corrections/ });
    expect(entry.textContent).toBe('Corrections');
    expect(kp.calls.map((call) => call.channel)).not.toContain('editRequests:list');
    cleanup();
  }

  it('counts for an administrator the requests they may decide, not their own', async () => {
    render(<MainNav api={kp.api} route={{ screen: 'records' }} user={ada} navigate={() => {}} />);
    const badge = await screen.findByTestId('corrections-badge');
    expect(badge.textContent).toBe('1');
    const entry = screen.getByRole('button', { name: /^Corrections/ });
    expect(entry.textContent).toBe('Corrections 1 waiting for your decision');
  });

  it('shows no badge to a reviewer or an operator', () => {
    noBadgeFor(rita);
    noBadgeFor(olga);
  });
});
