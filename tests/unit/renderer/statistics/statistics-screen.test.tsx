// @vitest-environment jsdom
// The Statistics page: the period typed as in `kpdesk stats` goes to reports:statistics; the
// report (built by the real core from cells, as the vault would give them) is shown in tables
// with its exact figures; a refused period shows its message at the field; the navigation shows
// the page to reviewers and administrators only.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildStatisticsReport } from '../../../../electron/core/reports/statistics-service';
import type { TradeCell } from '../../../../electron/core/reports/read-export-cells';
import { parseStatisticsPeriod } from '../../../../shared/reports/statistics-period';
import type { StatisticsReport } from '../../../../shared/reports/statistics-report';
import type { Result } from '../../../../shared/result';
import type { SignedInUser } from '../../../../renderer/src/navigation';
import { MainNav } from '../../../../renderer/src/shell/MainNav';
import { StatisticsScreen } from '../../../../renderer/src/statistics/StatisticsScreen';

afterEach(cleanup);

const cell = (
  state: string,
  hsCode: string,
  partner: string,
  ct: bigint,
  cents: bigint,
): TradeCell => ({
  state,
  hsCode,
  partner,
  certificates: 1n,
  caratHundredths: ct,
  valueCents: cents,
});
const cells = [
  cell('DELIVERED', '7102.31', 'BE', 1_250n, 1_500_000n),
  cell('SHIPPED', '7102.21', 'AE', 750n, 500_000n),
  cell('ISSUED', '7102.21', 'IN', 1n, 1n),
  cell('VOIDED', '7102.31', 'BE', 300n, 30_000n),
];

function reportFor(text: string, top: number): Result<StatisticsReport> {
  const reading = parseStatisticsPeriod(text);
  if (!reading.ok)
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: reading.message,
        fields: { period: reading.message },
      },
    };
  return { ok: true, value: buildStatisticsReport(() => cells, reading.period, top) };
}

function statisticsApi() {
  const statistics = vi.fn((input: { period: string; top?: number }) =>
    Promise.resolve(reportFor(input.period, input.top ?? 5)),
  );
  // The exports have their own tests (statistics-exports.test.tsx): not asked here.
  const exportStatistics = vi.fn(() => Promise.reject(new Error('not asked in these tests')));
  return { api: { reports: { statistics, exportStatistics } }, statistics };
}

describe('StatisticsScreen', () => {
  it('asks for the typed period and shows the exact figures in tables', async () => {
    const { api, statistics } = statisticsApi();
    const user = userEvent.setup();
    render(<StatisticsScreen api={api} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Statistics');
    await user.clear(screen.getByLabelText('Period'));
    await user.type(screen.getByLabelText('Period'), '2026Q3');
    await user.clear(screen.getByLabelText('Partner countries to name'));
    await user.type(screen.getByLabelText('Partner countries to name'), '1');
    await user.click(screen.getByRole('button', { name: 'Show the statistics' }));
    expect(statistics).toHaveBeenCalledWith({ period: '2026Q3', top: 1 });

    const totals = await screen.findByRole('table', { name: /Exports 2026Q3/ });
    const counted = within(totals).getByRole('row', { name: /counted/ });
    expect(
      within(counted)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '3',
      '20.01',
      '20,000.01',
      '999.50', // 2000001 / 2001 = 999.5007… → 999.50
    ]);
    const voided = within(totals).getByRole('row', { name: /Voided/ });
    expect(within(voided).getAllByRole('cell')[1]?.textContent).toBe('3.00');

    const byVolume = screen.getByRole('table', { name: 'Top 1 partners by volume' });
    expect(within(byVolume).getByRole('row', { name: /^BE/ })).toBeTruthy();
    const others = within(byVolume).getByRole('row', { name: /All others \(2\)/ });
    expect(
      within(others)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', '7.51', '5,000.01', '665.78', '37.53 %', '25.00 %']);
    expect(screen.getByRole('table', { name: /Annual table/ })).toBeTruthy();
  });

  it('draws the charts beside their tables, hidden from screen readers; a year by quarter', async () => {
    const { api, statistics } = statisticsApi();
    const user = userEvent.setup();
    render(<StatisticsScreen api={api} />);
    await user.clear(screen.getByLabelText('Period'));
    await user.type(screen.getByLabelText('Period'), '2026');
    await user.click(screen.getByRole('button', { name: 'Show the statistics' }));
    const hs = await screen.findByRole('figure', { name: /Shares by HS code/ });
    // The SVG is drawn, and hidden: its table speaks for it.
    const drawing = hs.querySelector('[aria-hidden="true"]');
    expect(drawing?.querySelector('svg')).not.toBeNull();
    // Nothing inside the hidden drawing takes the focus (axe: aria-hidden-focus).
    for (const figure of screen.getAllByRole('figure'))
      expect(
        figure.querySelector('[aria-hidden="true"] [tabindex]:not([tabindex="-1"])'),
      ).toBeNull();
    const hsTable = within(hs).getByRole('table', { name: /Shares by HS code/ });
    expect(
      within(hsTable)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['7102.2137.53 %25.00 %', '7102.3162.47 %75.00 %']);
    const partners = screen.getByRole('figure', { name: /Top partners by volume/ });
    expect(within(partners).getByRole('row', { name: /^BE/ })).toBeTruthy();
    // The year's four quarters, each computed by the core.
    const quarters = screen.getByRole('figure', { name: /Carats by quarter, 2026/ });
    expect(
      within(quarters)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    expect(statistics.mock.calls.map(([input]) => input.period)).toEqual([
      '2026',
      '2026Q1',
      '2026Q2',
      '2026Q3',
      '2026Q4',
    ]);
  });

  it('shows a refused period at the field and clears the tables', async () => {
    const { api } = statisticsApi();
    const user = userEvent.setup();
    render(<StatisticsScreen api={api} />);
    await user.clear(screen.getByLabelText('Period'));
    await user.type(screen.getByLabelText('Period'), '2026Q5');
    await user.click(screen.getByRole('button', { name: 'Show the statistics' }));
    expect((await screen.findByRole('alert')).textContent).toContain('quarters Q1 to Q4');
    expect(screen.getByLabelText('Period').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('statistics')).toBeNull();
  });
});

describe('the navigation', () => {
  const nav = (role: SignedInUser['role']) => {
    render(
      <MainNav
        route={{ screen: 'records' }}
        user={{ userId: 1, username: 'u', displayName: 'U', role }}
        navigate={() => {}}
      />,
    );
    const found = within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('button', {
      name: 'Statistics',
    });
    cleanup();
    return found;
  };
  it('shows Statistics to reviewers and administrators, not to operators', () => {
    expect(nav('reviewer')).not.toBeNull();
    expect(nav('administrator')).not.toBeNull();
    expect(nav('operator')).toBeNull();
  });
});
