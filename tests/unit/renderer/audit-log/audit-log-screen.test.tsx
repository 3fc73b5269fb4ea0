// @vitest-environment jsdom
// The Audit log page over the real core and a real encrypted vault: the newest page of events in
// plain words with the licensee-local time, older and newer pages by keyset, filters applied in
// the core (a certificate's events; a reversed range refused at the field), the CSV export
// through the save dialog, and an operator shown why the page is not theirs (no call made).
import { readFileSync } from 'node:fs';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditLogScreen } from '../../../../renderer/src/audit-log/AuditLogScreen';
import { formatLocalTime } from '../../../../renderer/src/audit-log/local-time';
import type { SignedInUser } from '../../../../renderer/src/navigation';
import type { RecordsKp } from '../records/records-kp';
import { recordsKp, registerStock, seedCertificate } from '../records/records-kp';

let kp: RecordsKp;
let certificateId: number;
const ada: SignedInUser = {
  userId: 1,
  username: 'ada',
  displayName: 'Ada Admin',
  role: 'administrator',
};

beforeEach(async () => {
  kp = await recordsKp();
  // Well over one page (50) of events: forty registrations of two forms, each two events (its
  // batch and its range: one event per registered range, issue 13 part 6).
  for (let first = 10000; first < 10080; first += 2)
    await registerStock(kp, `US${String(first)}-US${String(first + 1)}`);
  certificateId = await seedCertificate(kp, { number: 'US10001', issue: true });
});
afterEach(async () => {
  cleanup();
  await kp.dispose();
});

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('AuditLogScreen', () => {
  it('pages through the log, newest first, and back', async () => {
    const user = userEvent.setup();
    const navigate = vi.fn();
    render(<AuditLogScreen api={kp.api} user={ada} navigate={navigate} />);
    let table = await screen.findByTestId('audit-log-table');
    const first = rowsOf(table);
    expect(first).toHaveLength(50);
    const seqs = first.map((row) => Number(within(row).getAllByRole('rowheader')[0]?.textContent));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    // The newest event is the issue of US10001 itself: the copies it queued for Census and
    // USKPA are recorded inside that event (one event per operation), not as events of their own.
    expect(first[0]?.textContent).toContain('Issued (warranty attested): certificate US10001');
    expect(first.some((row) => row.textContent.includes('Submission queued'))).toBe(false);
    const issued = first.find((row) =>
      row.textContent.includes('Issued (warranty attested): certificate US10001'),
    ) as HTMLElement;
    expect(issued.textContent).toContain('Ada Admin');
    const time = issued.querySelector('time');
    expect(time?.textContent).toBe(formatLocalTime(time?.getAttribute('datetime') ?? ''));
    await user.click(within(issued).getByRole('button', { name: 'US10001' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'certificate', id: certificateId });

    expect(screen.getByRole('button', { name: 'Newer events' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Older events' }));
    await waitFor(() => {
      expect(screen.getByTestId('audit-log-table').querySelector('caption')?.textContent).toMatch(
        /^Page 2:/,
      );
    });
    table = screen.getByTestId('audit-log-table');
    const second = rowsOf(table).map((row) =>
      Number(within(row).getAllByRole('rowheader')[0]?.textContent),
    );
    expect(Math.max(...second)).toBeLessThan(Math.min(...seqs));
    await user.click(screen.getByRole('button', { name: 'Newer events' }));
    await waitFor(() => {
      expect(screen.getByTestId('audit-log-table').querySelector('caption')?.textContent).toMatch(
        /^Page 1:/,
      );
    });
  });

  it('filters by certificate in the core, and shows a refused range at its field', async () => {
    const user = userEvent.setup();
    render(<AuditLogScreen api={kp.api} user={ada} navigate={() => undefined} />);
    await screen.findByTestId('audit-log-table');
    await user.type(screen.getByLabelText('Certificate number'), 'us10001');
    await user.click(screen.getByRole('button', { name: 'Show the events' }));
    await waitFor(() => {
      expect(rowsOf(screen.getByTestId('audit-log-table')).length).toBeLessThan(10);
    });
    const rows = rowsOf(screen.getByTestId('audit-log-table'));
    for (const row of rows) expect(row.textContent).toMatch(/US10001/);
    expect(rows.map((row) => row.textContent).join('\n')).toContain(
      'Registered KP numbers US10000 to US10001 (2 numbers)',
    );
    expect(screen.getByRole('button', { name: 'Older events' })).toHaveProperty('disabled', true);

    await user.type(screen.getByLabelText('From (first day)'), '2026-12-01');
    await user.type(screen.getByLabelText('To (last day)'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Show the events' }));
    const to = screen.getByLabelText('To (last day)');
    await waitFor(() => {
      expect(to.getAttribute('aria-invalid')).toBe('true');
    });
    expect(screen.getByText('The first day must not be after the last day.')).toBeTruthy();
  });

  it('exports the selected events as CSV through the save dialog', async () => {
    const user = userEvent.setup();
    render(<AuditLogScreen api={kp.api} user={ada} navigate={() => undefined} />);
    await screen.findByTestId('audit-log-table');
    await user.selectOptions(screen.getByLabelText('Action'), 'Issued (warranty attested)');
    await user.click(screen.getByRole('button', { name: 'Show the events' }));
    await waitFor(() => {
      expect(rowsOf(screen.getByTestId('audit-log-table'))).toHaveLength(1);
    });
    await user.click(screen.getByRole('button', { name: 'Export these events as CSV…' }));
    const status = await screen.findByText(/^1 events written to /);
    const path = /written to (.+\.csv) \(CSV/.exec(status.textContent)?.[1] ?? '';
    const lines = readFileSync(path, 'utf8').split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('certificate.issue,Issued (warranty attested),US10001');
    expect(kp.harness.dialogs.asked.at(-1)).toMatchObject({ purpose: 'audit-log-csv' });
  });

  it('tells an operator the page is not theirs, and asks the core nothing', () => {
    const olga: SignedInUser = { userId: 9, username: 'olga', displayName: 'O', role: 'operator' };
    render(<AuditLogScreen api={kp.api} user={olga} navigate={() => undefined} />);
    expect(
      screen.getByText(/Only reviewers and administrators read the whole audit log/),
    ).toBeTruthy();
    expect(kp.calls.map((call) => call.channel)).not.toContain('audit:list');
  });
});
