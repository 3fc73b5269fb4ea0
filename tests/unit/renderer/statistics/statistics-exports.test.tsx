// @vitest-environment jsdom
// The Statistics page's exports: each button asks reports:exportStatistics for its format with
// the period and top typed in the form (never a path: the save dialog is main's); what was saved
// is said with the path main chose; a cancelled dialog says nothing; a refused period is shown at
// the period field, as the statistics' own refusal is. The channel itself, over a real vault, is
// tested in tests/integration/reports/statistics-export-channel.test.ts.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatisticsExportFormat } from '../../../../shared/ipc/reports-contract';
import { parseStatisticsPeriod } from '../../../../shared/reports/statistics-period';
import type { Result } from '../../../../shared/result';
import { StatisticsScreen } from '../../../../renderer/src/statistics/StatisticsScreen';

afterEach(cleanup);

type ExportInput = { period: string; top?: number; format: StatisticsExportFormat };
type ExportAnswer = { cancelled: true } | { cancelled: false; path: string; certificates: number };

function exportsApi(answers: { cancelNext: boolean }) {
  const exportStatistics = vi.fn((input: ExportInput): Promise<Result<ExportAnswer>> => {
    // The period is read by the same parser the core uses, so a bad one is refused as it would be.
    const reading = parseStatisticsPeriod(input.period);
    if (!reading.ok)
      return Promise.resolve({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: reading.message,
          fields: { period: reading.message },
        },
      });
    if (answers.cancelNext) {
      answers.cancelNext = false;
      return Promise.resolve({ ok: true, value: { cancelled: true } });
    }
    const extension = input.format === 'pdf' ? 'pdf' : input.format === 'json' ? 'json' : 'csv';
    return Promise.resolve({
      ok: true,
      value: {
        cancelled: false,
        path: `/exports/kpdesk-statistics-${reading.period.label}.${extension}`,
        certificates: 3,
      },
    });
  });
  const statistics = vi.fn(() => Promise.reject(new Error('not asked in these tests')));
  return { api: { reports: { statistics, exportStatistics } }, exportStatistics };
}

async function typePeriod(user: ReturnType<typeof userEvent.setup>, period: string, top: string) {
  await user.clear(screen.getByLabelText('Period'));
  await user.type(screen.getByLabelText('Period'), period);
  await user.clear(screen.getByLabelText('Partner countries to name'));
  await user.type(screen.getByLabelText('Partner countries to name'), top);
}

describe('the Statistics page exports', () => {
  it('asks for each format with the typed period and says where the file was saved', async () => {
    const { api, exportStatistics } = exportsApi({ cancelNext: false });
    const user = userEvent.setup();
    render(<StatisticsScreen api={api} />);
    await typePeriod(user, '2026Q3', '4');
    for (const name of ['Export CSV', 'Export CSV (USKPA layout)', 'Export JSON', 'Export PDF'])
      await user.click(screen.getByRole('button', { name }));
    expect(exportStatistics.mock.calls.map(([input]) => input)).toEqual([
      { period: '2026Q3', top: 4, format: 'csv' },
      { period: '2026Q3', top: 4, format: 'uskpa-csv' },
      { period: '2026Q3', top: 4, format: 'json' },
      { period: '2026Q3', top: 4, format: 'pdf' },
    ]);
    const status = await screen.findByText(/The statistics were saved as a printable PDF/);
    expect(status.textContent).toBe(
      'The statistics were saved as a printable PDF to /exports/kpdesk-statistics-2026Q3.pdf (3 certificates counted).',
    );
  });

  it('says nothing when the dialog is cancelled', async () => {
    const { api, exportStatistics } = exportsApi({ cancelNext: true });
    const user = userEvent.setup();
    render(<StatisticsScreen api={api} />);
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(exportStatistics).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/were saved/)).toBeNull();
    // The form's announcements stay mounted, and empty.
    expect(screen.getByRole('alert').textContent).toBe('');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('shows a refused period at the period field', async () => {
    const { api } = exportsApi({ cancelNext: false });
    const user = userEvent.setup();
    render(<StatisticsScreen api={api} />);
    await typePeriod(user, '2026Q5', '5');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect((await screen.findByRole('alert')).textContent).toContain('quarters Q1 to Q4');
    expect(screen.getByLabelText('Period').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(/were saved/)).toBeNull();
  });
});
