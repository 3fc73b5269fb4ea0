// @vitest-environment jsdom
// The startup failure screen shows the message a licensee can act on, never the error's code
// (issue 16: "Code: FORBIDDEN" meant nothing to users); the code stays in data-error-code.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StartupFailedScreen } from '../../../renderer/src/startup/StartupScreens';

afterEach(cleanup);

describe('StartupFailedScreen', () => {
  it('shows the message and keeps the code out of the text', () => {
    render(
      <StartupFailedScreen
        error={{ code: 'INTERNAL', message: 'The vault folder cannot be read.' }}
        onRetry={() => undefined}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The vault folder cannot be read.');
    expect(alert.textContent).not.toContain('INTERNAL');
    expect(alert.textContent).not.toMatch(/code/i);
    expect(alert.getAttribute('data-error-code')).toBe('INTERNAL');
  });
});
