// @vitest-environment jsdom
// The stock screen against the real core: counts and gaps of what was registered, a spoiled
// blank voided with a reason from USKPA's list (its number leaves the stock), "Other" without
// notes refused at the notes field before anything is sent. Only the reasons that fit an unused
// form are offered, and nothing is voided before the user confirms (issue 16).
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { StockScreen } from '../../../../renderer/src/stock/StockScreen';
import { OTHER_VOID_REASON } from '../../../../shared/domain/lifecycle';
import { shellKp } from './shell-kp';
import type { ShellKp } from './shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

const admin = {
  userId: 1,
  username: 'ada',
  displayName: 'Ada Admin',
  role: 'administrator',
} as const;

describe('StockScreen', () => {
  it('shows counts and gaps, and voids a spoiled blank with a reason', async () => {
    const kp = shellKp();
    opened.push(kp);
    await kp.harness.firstRun();
    await kp.harness.value('stock:register', { numbers: 'US10000-US10004, US10010' });
    const user = userEvent.setup();
    render(<StockScreen api={kp.api} user={admin} navigate={() => undefined} />);
    const counts = await screen.findByTestId('stock-counts');
    expect(counts.textContent).toContain('Available6');
    expect(screen.getByRole('table').textContent).toContain('US10005US100095');

    await user.type(screen.getByLabelText('Form number to void'), 'US10003');
    await user.selectOptions(screen.getByLabelText('Reason'), OTHER_VOID_REASON);
    await user.click(screen.getByRole('button', { name: 'Void this form' }));
    expect(screen.getByLabelText('Notes (required)').getAttribute('aria-invalid')).toBe('true');
    expect(kp.calls).not.toContain('stock:voidBlank');

    // A blank form was never shipped: only the reasons that can happen to an unused form.
    const offered = [...screen.getByLabelText<HTMLSelectElement>('Reason').options].map(
      (option) => option.value,
    );
    expect(offered).toEqual(['', 'Printer error', 'Transposition error', OTHER_VOID_REASON]);
    expect(offered).not.toContain('Customer canceled shipment');

    await user.selectOptions(screen.getByLabelText('Reason'), 'Printer error');
    await user.click(screen.getByRole('button', { name: 'Void this form' }));
    // Nothing is voided before the confirmation; "Keep it" leaves the form in stock.
    const dialog = await screen.findByRole('alertdialog', { name: 'Void blank form US10003?' });
    expect(dialog.textContent).toContain('US10003 is then used up');
    expect(kp.calls).not.toContain('stock:voidBlank');
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(kp.calls).not.toContain('stock:voidBlank');
    expect(screen.getByTestId('stock-counts').textContent).toContain('Available6');

    await user.click(screen.getByRole('button', { name: 'Void this form' }));
    await user.click(await screen.findByRole('button', { name: 'Void US10003' }));
    await waitFor(() => {
      expect(screen.getByTestId('stock-counts').textContent).toContain('Voided1');
    });
    expect(screen.getByTestId('stock-counts').textContent).toContain('Available5');
  });
});
