// @vitest-environment jsdom
// The records list over the real core and a real encrypted vault: filters narrow what the vault
// answers, a bad filter is refused at its field, the list pages as it scrolls, and the keyboard
// alone moves through it and opens a certificate.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordsScreen } from '../../../../renderer/src/records/RecordsScreen';
import type { Route, SignedInUser } from '../../../../renderer/src/navigation';
import { giveListboxAHeight } from './list-layout';
import type { RecordsKp } from './records-kp';
import { recordsKp, registerStock, seedCertificate } from './records-kp';

giveListboxAHeight();

let kp: RecordsKp;
afterEach(async () => {
  cleanup();
  await kp.dispose();
});

const operator: SignedInUser = {
  userId: 1,
  username: 'ada',
  displayName: 'Ada Admin',
  role: 'administrator',
};

function renderScreen(user: SignedInUser = operator) {
  const routes: Route[] = [];
  render(
    <RecordsScreen
      api={kp.api}
      user={user}
      navigate={(to) => {
        routes.push(to);
      }}
    />,
  );
  return routes;
}

const rows = () =>
  within(screen.getByRole('listbox', { name: 'Certificates' })).queryAllByRole('option');
const rowNumbers = () => rows().map((row) => row.textContent.split(',')[0]);

describe('RecordsScreen', () => {
  beforeEach(async () => {
    kp = await recordsKp();
    await registerStock(kp, 'US10000-US10199');
    await seedCertificate(kp, { number: 'US10001', consignee: 'Antwerp Rough BV', issue: true });
    await seedCertificate(kp, {
      number: 'US10002',
      consignee: 'Dubai Gems DMCC',
      destination: 'AE',
      hsCode: '7102.10',
      dateOfIssue: '2026-10-02',
    });
    await seedCertificate(kp, {
      number: 'US10003',
      consignee: 'Mumbai Traders Pvt',
      destination: 'IN',
      dateOfIssue: '2026-09-15',
    });
  });

  it('shows no date of issue for a draft: its date is only planned (issue 16)', async () => {
    renderScreen();
    await waitFor(() => {
      expect(screen.getByTestId('records-count').textContent).toBe('3 certificates');
    });
    const [issued, draft, otherDraft] = rows();
    expect(issued?.textContent).toContain('Issued');
    expect(issued?.textContent).toMatch(/issued \S/);
    expect(draft?.textContent).toContain('Draft');
    expect(draft?.textContent).not.toContain('2026-10-02');
    expect(draft?.textContent).toMatch(/issued —$/);
    expect(otherDraft?.textContent).not.toContain('2026-09-15');
  });

  it('lists every certificate, newest first, with its count and fields', async () => {
    renderScreen();
    await waitFor(() => {
      expect(screen.getByTestId('records-count').textContent).toBe('3 certificates');
    });
    expect(rowNumbers()).toEqual(['US10001', 'US10002', 'US10003']);
    const first = rows()[0];
    expect(first?.textContent).toContain('Issued');
    expect(first?.textContent).toContain('Belgium (BE)');
    expect(first?.textContent).toContain('Antwerp Rough BV');
    expect(first?.textContent).toContain('12.50 ct');
    expect(first?.textContent).toContain('US$15,000.00');
    expect(first?.textContent).toContain('issued Nov 27, 2026');
    expect(first?.getAttribute('aria-setsize')).toBe('3');
  });

  it('narrows the list by state, destination, HS code, dates and name prefix', async () => {
    const user = userEvent.setup();
    renderScreen();
    await waitFor(() => {
      expect(rows()).toHaveLength(3);
    });

    await user.selectOptions(screen.getByLabelText('State'), 'DRAFT');
    await waitFor(() => {
      expect(rowNumbers()).toEqual(['US10002', 'US10003']);
    });
    await user.selectOptions(screen.getByLabelText('Destination'), 'AE');
    await waitFor(() => {
      expect(rowNumbers()).toEqual(['US10002']);
    });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => {
      expect(rows()).toHaveLength(3);
    });

    await user.selectOptions(screen.getByLabelText('HS code'), '7102.10');
    await waitFor(() => {
      expect(rowNumbers()).toEqual(['US10002']);
    });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    fireEvent.change(screen.getByLabelText('Issued from'), { target: { value: '2026-09-01' } });
    fireEvent.change(screen.getByLabelText('Issued to'), { target: { value: '2026-10-31' } });
    await waitFor(() => {
      expect(rowNumbers()).toEqual(['US10002', 'US10003']);
    });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    await user.type(screen.getByLabelText('Number, ITN or party name'), 'mumbai');
    await waitFor(() => {
      expect(rowNumbers()).toEqual(['US10003']);
    });
    await user.type(screen.getByLabelText('Number, ITN or party name'), 'x');
    await waitFor(() => {
      expect(screen.getByTestId('records-count').textContent).toBe(
        'No certificate matches these filters.',
      );
    });
    expect(rows()).toHaveLength(0);
  });

  it('finds a certificate by its number or its ITN typed in the search field', async () => {
    const user = userEvent.setup();
    renderScreen();
    await waitFor(() => {
      expect(rows()).toHaveLength(3);
    });
    const search = screen.getByLabelText('Number, ITN or party name');
    const hint = document.getElementById(search.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('certificate number');

    await user.type(search, 'us10002');
    await waitFor(() => {
      expect(rowNumbers()).toEqual(['US10002']);
    });
    const asked = kp.calls.filter((call) => call.channel === 'certificates:list').at(-1);
    expect((asked?.input as { text?: string }).text).toBe('us10002');

    // Combined with a state, the number still has to be in that state.
    await user.selectOptions(screen.getByLabelText('State'), 'ISSUED');
    await waitFor(() => {
      expect(screen.getByTestId('records-count').textContent).toBe(
        'No certificate matches these filters.',
      );
    });

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    // The three seeded drafts carry the same ITN (the fixture's): the ITN finds all three, and
    // with a destination only the one going there.
    await user.type(screen.getByLabelText('Number, ITN or party name'), 'X20261127123456');
    await user.selectOptions(screen.getByLabelText('Destination'), 'AE');
    await waitFor(() => {
      expect(rowNumbers()).toEqual(['US10002']);
    });
    await user.selectOptions(screen.getByLabelText('Destination'), '');
    await waitFor(() => {
      expect(rowNumbers()).toEqual(['US10001', 'US10002', 'US10003']);
    });
    const itnAsked = kp.calls.filter((call) => call.channel === 'certificates:list').at(-1);
    expect((itnAsked?.input as { text?: string }).text).toBe('X20261127123456');
  });

  it('finds a certificate by any part of a name, number or ITN, not only the start (issue 16)', async () => {
    const user = userEvent.setup();
    renderScreen();
    await waitFor(() => {
      expect(rows()).toHaveLength(3);
    });
    const search = screen.getByLabelText('Number, ITN or party name');
    const hint = document.getElementById(search.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('Any part');
    const typed = async (text: string, expected: string[]) => {
      await user.clear(search);
      await user.type(search, text);
      await waitFor(() => {
        expect(rowNumbers()).toEqual(expected);
      });
    };
    // Inside a consignee's name: before, only "Mumbai…" (the start) found it.
    await typed('traders', ['US10003']);
    await typed('GEMS dm', ['US10002']);
    // The end of a number, and digits in the middle of the ITN every seeded draft carries.
    await typed('0003', ['US10003']);
    await typed('1127123', ['US10001', 'US10002', 'US10003']);
    await typed('nowhere', []);
    expect(screen.getByTestId('records-count').textContent).toBe(
      'No certificate matches these filters.',
    );
  });

  it('replaces the rows in place when the filters change, back on the first row', async () => {
    const user = userEvent.setup();
    renderScreen();
    await waitFor(() => {
      expect(rows()).toHaveLength(3);
    });
    const list = screen.getByRole('listbox', { name: 'Certificates' });
    list.focus();
    fireEvent.keyDown(list, { key: 'End' });
    const active = () => document.getElementById(list.getAttribute('aria-activedescendant') ?? '');
    expect(active()?.textContent).toMatch(/^US10003,/);
    await user.selectOptions(screen.getByLabelText('State'), 'DRAFT');
    await waitFor(() => {
      expect(rowNumbers()).toEqual(['US10002', 'US10003']);
    });
    // The same listbox element: it was not remounted.
    expect(screen.getByRole('listbox', { name: 'Certificates' })).toBe(list);
    expect(active()?.textContent).toMatch(/^US10002,/);
  });

  it('refuses a period that ends before it starts, at the field, and asks nothing', async () => {
    renderScreen();
    await waitFor(() => {
      expect(rows()).toHaveLength(3);
    });
    fireEvent.change(screen.getByLabelText('Issued from'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('Issued to'), { target: { value: '2026-10-01' } });
    const to = screen.getByLabelText('Issued to');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    const describedBy = to.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toContain('before its start');
    expect(screen.getByTestId('records-count').textContent).toContain('Fix the filter');
    // The rows of the last valid filter stay while the user fixes the date; the vault was not asked.
    expect(rows()).toHaveLength(3);
    const asked = kp.calls.map((call) => (call.input as { issuedTo?: string }).issuedTo);
    expect(asked).not.toContain('2026-10-01');
  });

  it('moves with the arrow keys, Home and End, and opens the active row with Enter', async () => {
    const routes = renderScreen();
    await waitFor(() => {
      expect(rows()).toHaveLength(3);
    });
    const list = screen.getByRole('listbox', { name: 'Certificates' });
    list.focus();
    const active = () => document.getElementById(list.getAttribute('aria-activedescendant') ?? '');
    expect(active()?.textContent).toMatch(/^US10001,/);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(active()?.textContent).toMatch(/^US10002,/);
    expect(active()?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(list, { key: 'End' });
    expect(active()?.textContent).toMatch(/^US10003,/);
    fireEvent.keyDown(list, { key: 'Home' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'Enter' });
    const ids = rows().map((row) => row.id);
    expect(routes).toHaveLength(1);
    expect(routes[0]?.screen).toBe('certificate');
    expect(ids[1]).toBe(`record-${String((routes[0] as { id: number }).id)}`);
  });

  it('shows a reviewer no "New certificate" button and says the records are read-only', async () => {
    renderScreen({ ...operator, role: 'reviewer' });
    await waitFor(() => {
      expect(rows()).toHaveLength(3);
    });
    expect(screen.queryByRole('button', { name: 'New certificate' })).toBeNull();
    expect(screen.getByText(/records are read-only/)).toBeTruthy();
  });
});

describe('RecordsScreen with more than one page', () => {
  beforeEach(async () => {
    kp = await recordsKp();
    await registerStock(kp, 'US20000-US20119');
    for (let n = 20000; n < 20120; n += 1) await seedCertificate(kp, { number: `US${String(n)}` });
  });

  it('loads the next pages from the vault as the end comes into view', async () => {
    renderScreen();
    await waitFor(() => {
      expect(screen.getByTestId('records-count').textContent).toContain('50 certificates loaded');
    });
    const list = screen.getByRole('listbox', { name: 'Certificates' });
    list.focus();
    // Walking to the end of what is loaded brings the next page, then the last one.
    fireEvent.keyDown(list, { key: 'End' });
    await waitFor(() => {
      expect(screen.getByTestId('records-count').textContent).toContain('100 certificates loaded');
    });
    fireEvent.keyDown(list, { key: 'End' });
    await waitFor(() => {
      expect(screen.getByTestId('records-count').textContent).toBe('120 certificates');
    });
    const pages = kp.calls.filter((call) => call.channel === 'certificates:list');
    expect(pages.map((call) => (call.input as { cursor?: unknown }).cursor === undefined)).toEqual([
      true,
      false,
      false,
    ]);
    // Only the rows in view (plus overscan) exist in the page, not all 120.
    expect(rows().length).toBeLessThan(60);
    fireEvent.keyDown(list, { key: 'End' });
    const active = document.getElementById(list.getAttribute('aria-activedescendant') ?? '');
    expect(active?.getAttribute('aria-posinset')).toBe('120');
    expect(active?.getAttribute('aria-setsize')).toBe('120');
  });
});
