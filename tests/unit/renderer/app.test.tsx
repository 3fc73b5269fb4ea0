// @vitest-environment jsdom
// Start-up: no window.kp → a clear error screen; a failed start-up call → its message and code;
// otherwise the form, with the runtime from the core.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fakeKp } from './fake-kp';

afterEach(cleanup);

describe('App', () => {
  it('explains that it cannot start without window.kp', () => {
    render(<App api={undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('KP Desk cannot start here');
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('shows a failed start-up with its code, and retries', async () => {
    const kp = fakeKp({
      failing: {
        'settings:get': {
          code: 'UNAUTHORIZED',
          message: 'This page was opened without the preview access token.',
        },
      },
    });
    render(<App api={kp.api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('without the preview access token');
    expect(alert.textContent).toContain('UNAUTHORIZED');
    const before = kp.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('alert');
    expect(kp.calls.length).toBeGreaterThan(before);
  });

  it('shows the form once the settings arrived, with the runtime named', async () => {
    render(<App api={fakeKp().api} />);
    expect(await screen.findByRole('heading', { name: 'Export certificate' })).toBeTruthy();
    expect(screen.getByTestId('app-info').textContent).toContain('Preview');
  });
});
