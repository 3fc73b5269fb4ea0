// @vitest-environment jsdom
// The Review page: the scope (whole vault or a period) goes to review:run; progress polls
// tasks:progress while it runs; the findings (made by the core's own finding builder) are
// grouped by severity with links to the certificates; exports say where the file went; a refused
// period shows its message at the field; the navigation shows the page to reviewers and
// administrators only.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reviewFinding } from '../../../../electron/core/review/review-finding';
import type { KpApi } from '../../../../shared/ipc/api';
import type { ReviewReport } from '../../../../shared/review/review-report';
import { ReviewReportSchema } from '../../../../shared/review/review-report';
import type { Result } from '../../../../shared/result';
import type { Route, SignedInUser } from '../../../../renderer/src/navigation';
import { ReviewScreen } from '../../../../renderer/src/review/ReviewScreen';
import { MainNav } from '../../../../renderer/src/shell/MainNav';

afterEach(cleanup);

const report: ReviewReport = ReviewReportSchema.parse({
  vault: { vaultId: 'vault-1', licensee: 'Hudson Rough Diamond Trading LLC' },
  period: null,
  ranAt: '2026-11-27T10:00:00.000Z',
  ranBy: 'Rita Reviewer (rita, reviewer)',
  auditHead: { seq: 81, hash: 'a'.repeat(64) },
  checked: { certificates: 3, documents: 4, auditEvents: 81, anchors: 0 },
  counts: { error: 1, warning: 1, info: 1 },
  findings: [
    reviewFinding('ITN_MISSING', { id: 7, number: 'US12341' }, 'Certificate US12341 has no ITN.'),
    reviewFinding(
      'CENSUS_EXPORT_COPY_NOT_DELIVERED',
      { id: 6, number: 'US12340' },
      'Its copy to Census is waiting to be sent.',
    ),
    reviewFinding('STOCK_GAP', null, 'Forms US12360 to US12369 (10) are missing.'),
  ],
});

function reviewApi(answer: (input: { period?: string }) => Result<ReviewReport>) {
  const run = vi.fn((input: { period?: string }) => Promise.resolve(answer(input)));
  const exportFile = vi.fn(() =>
    Promise.resolve({
      ok: true as const,
      value: {
        cancelled: false as const,
        path: '/tmp/review.csv',
        errors: 1,
        warnings: 1,
        infos: 1,
      },
    }),
  );
  const progress = vi.fn(() =>
    Promise.resolve({
      ok: true as const,
      value: { operation: 'review', phase: 'documents', done: 1, total: 4 },
    }),
  );
  const api = { review: { run, export: exportFile }, tasks: { progress } } as unknown as KpApi;
  return { api, run, exportFile };
}

describe('ReviewScreen', () => {
  it('runs over the whole vault and groups the findings by severity, with links', async () => {
    const { api, run } = reviewApi(() => ({ ok: true, value: report }));
    const navigate = vi.fn<(to: Route) => void>();
    const user = userEvent.setup();
    render(<ReviewScreen api={api} navigate={navigate} />);
    await user.click(screen.getByRole('button', { name: 'Run the review' }));
    expect(run).toHaveBeenCalledWith({});
    const errors = await screen.findByRole('region', { name: 'Errors (1)' });
    expect(within(errors).getByText('ITN_MISSING')).toBeTruthy();
    expect(within(errors).getByText(/31 CFR 592\.301\(a\)\(5\)/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Warnings (1)' })).toBeTruthy();
    const info = screen.getByRole('region', { name: 'For information (1)' });
    expect(within(info).getByText('The vault')).toBeTruthy();
    expect(screen.getByText(/event 81/)).toBeTruthy();
    await user.click(within(errors).getByRole('button', { name: 'US12341' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'certificate', id: 7 });
  });

  it('sends the typed period, and shows a refused one at the field', async () => {
    const { api, run } = reviewApi(() => ({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Use quarters Q1 to Q4.',
        fields: { period: 'Use quarters Q1 to Q4.' },
      },
    }));
    const user = userEvent.setup();
    render(<ReviewScreen api={api} navigate={() => {}} />);
    await user.click(screen.getByLabelText('Those issued in a period'));
    await user.clear(screen.getByLabelText('Period'));
    await user.type(screen.getByLabelText('Period'), '2026Q5');
    await user.click(screen.getByRole('button', { name: 'Run the review' }));
    expect(run).toHaveBeenCalledWith({ period: '2026Q5' });
    expect((await screen.findByRole('alert')).textContent).toContain('quarters Q1 to Q4');
    expect(screen.getByLabelText('Period').getAttribute('aria-invalid')).toBe('true');
  });

  it('exports and says where the file was saved', async () => {
    const { api, exportFile } = reviewApi(() => ({ ok: true, value: report }));
    const user = userEvent.setup();
    render(<ReviewScreen api={api} navigate={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(exportFile).toHaveBeenCalledWith({ format: 'csv' });
    expect(
      (await screen.findByText(/saved as CSV to \/tmp\/review\.csv/)).textContent,
    ).toBeTruthy();
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
      name: 'Review',
    });
    cleanup();
    return found;
  };
  it('shows Review to reviewers and administrators, not to operators', () => {
    expect(nav('reviewer')).not.toBeNull();
    expect(nav('administrator')).not.toBeNull();
    expect(nav('operator')).toBeNull();
  });
});
