// @vitest-environment jsdom
// Imports on the Statistics screen (issue 15) over the real core and a real encrypted vault:
// incoming certificates registered through the app's channel are counted by the core by their
// date of entry, and the screen shows them beside the exports: totals, by HS code and by partner
// (the exporting Participant) and by quarter, each chart with its table, and their annual table. A vault without incoming certificates
// says there are none to count.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatisticsScreen } from '../../../../renderer/src/statistics/StatisticsScreen';
import { botswanaCertificate } from '../../../integration/incoming/incoming-fixture';
import type { RecordsKp } from '../records/records-kp';
import { recordsKp, registerStock, seedCertificate } from '../records/records-kp';

let kp: RecordsKp;
beforeEach(async () => {
  kp = await recordsKp();
  await registerStock(kp, 'US10000-US10009');
  await seedCertificate(kp, { number: 'US10001', issue: true });
});
afterEach(async () => {
  cleanup();
  await kp.dispose();
});

async function showYear(year: string) {
  const user = userEvent.setup();
  render(<StatisticsScreen api={kp.api} />);
  await user.clear(screen.getByLabelText('Period'));
  await user.type(screen.getByLabelText('Period'), year);
  await user.click(screen.getByRole('button', { name: 'Show the statistics' }));
  return screen.findByTestId('imports', {}, { timeout: 30_000 });
}

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('StatisticsScreen, imports', () => {
  it('shows the incoming certificates by date of entry, by HS code and by partner', async () => {
    await kp.harness.value('incoming:register', { certificate: botswanaCertificate() });
    await kp.harness.value('incoming:register', {
      certificate: botswanaCertificate({
        number: 'ZA 777777',
        exportingParticipant: 'ZA',
        issuingAuthority: 'South African Diamond and Precious Metals Regulator',
        carats: '100.00',
        valueUsd: '20000.00',
        hsCodes: ['7102.31'],
        origins: ['ZA'],
      }),
    });
    // Entered in 2025: another year's import, not counted in 2026.
    await kp.harness.value('incoming:register', {
      certificate: botswanaCertificate({
        number: 'BW 011111',
        dateOfIssue: '2025-12-01',
        dateOfExpiry: '2026-01-20',
        dateOfEntry: '2025-12-20',
      }),
    });
    const imports = await showYear('2026');
    const totals = within(imports).getByRole('table', { name: /Imports 2026 .*by date of entry/ });
    expect(cellsOf(within(totals).getByRole('row', { name: /Received/ }))).toEqual([
      '2',
      '1,334.56',
      '476,789.00',
      expect.any(String),
    ]);
    const byHs = within(imports).getByRole('table', { name: /Imports by HS code/ });
    expect(cellsOf(within(byHs).getByRole('row', { name: /7102\.10/ })).slice(0, 3)).toEqual([
      '1',
      '1,234.56',
      '456,789.00',
    ]);
    expect(cellsOf(within(byHs).getByRole('row', { name: /7102\.31/ })).slice(0, 3)).toEqual([
      '1',
      '100.00',
      '20,000.00',
    ]);
    const byPartner = within(imports).getByRole('table', { name: /Imports by partner country/ });
    expect(
      within(byPartner)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['BW', 'ZA']);
    // Each chart is a figure whose table is inside it: by HS code, by partner, and (a year) by
    // quarter, as the exports'.
    const figures = within(imports).getAllByRole('figure');
    expect(figures).toHaveLength(3);
    for (const figure of figures) expect(within(figure).getByRole('table')).toBeTruthy();
    const quarters = within(imports).getByRole('table', { name: /Imports by quarter/ });
    expect(
      within(quarters)
        .getAllByRole('row')
        .slice(1)
        .map((row) => [within(row).getByRole('rowheader').textContent, ...cellsOf(row)]),
    ).toEqual([
      ['2026Q1', '0', '0.00', '0.00'],
      ['2026Q2', '0', '0.00', '0.00'],
      ['2026Q3', '0', '0.00', '0.00'],
      ['2026Q4', '2', '1334.56', '476789.00'],
    ]);
    // The exports are still the exports: the one certificate issued here.
    const exports = screen.getByRole('table', { name: /Exports 2026/ });
    expect(cellsOf(within(exports).getByRole('row', { name: /counted/ }))[0]).toBe('1');
  }, 90_000);

  it('shows the imports’ annual table, year by year by date of entry', async () => {
    await kp.harness.value('incoming:register', {
      certificate: botswanaCertificate({ carats: '10.00', valueUsd: '2000.00' }),
    });
    await kp.harness.value('incoming:register', {
      certificate: botswanaCertificate({
        number: 'BW 011111',
        dateOfIssue: '2025-12-01',
        dateOfExpiry: '2026-01-20',
        dateOfEntry: '2025-12-20',
        carats: '0.50',
        valueUsd: '50.00',
      }),
    });
    const imports = await showYear('2025-01-01..2026-12-31');
    const annual = within(imports).getByRole('table', { name: /Imports, annual table/ });
    expect(cellsOf(within(annual).getByRole('row', { name: /^2025/ })).slice(0, 4)).toEqual([
      '1',
      '0.50',
      '50.00',
      '100.00',
    ]);
    expect(cellsOf(within(annual).getByRole('row', { name: /^2026/ })).slice(0, 4)).toEqual([
      '1',
      '10.00',
      '2,000.00',
      '200.00',
    ]);
    // The exports' annual table beside it is still the exports' (one certificate, in 2026).
    const exportsAnnual = screen.getByRole('table', { name: /^Annual table/ });
    expect(cellsOf(within(exportsAnnual).getByRole('row', { name: /^2026/ }))[0]).toBe('1');
  }, 90_000);

  it('says there is nothing to count in a vault without incoming certificates', async () => {
    const imports = await showYear('2026');
    expect(imports.textContent).toContain('No incoming certificates are recorded in this vault');
  }, 90_000);
});
