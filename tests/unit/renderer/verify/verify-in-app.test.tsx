// @vitest-environment jsdom
// The verify screen inside the app, against the real core over a real encrypted vault: a reviewer
// reaches it from the main navigation, the button asks main's open dialog for a certificate PDF
// (documents:verify takes no path), and a closed dialog is said plainly with nothing checked.
// What the verifier answers for a real file is tests/e2e/verify-certificate.spec.ts.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/src/App';
import { shellKp } from '../shell/shell-kp';
import type { ShellKp } from '../shell/shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

describe('Verify a file, in the app', () => {
  it('is open to a reviewer and asks main’s open dialog for a PDF', async () => {
    const kp = shellKp();
    opened.push(kp);
    await kp.harness.firstRun();
    await kp.harness.addUser('rita', 'reviewer');
    await kp.harness.signInAs('rita');
    const user = userEvent.setup();
    render(<App api={kp.api} />);
    const nav = await screen.findByRole('navigation', { name: 'Main' }, { timeout: 15_000 });
    expect(screen.getByTestId('signed-in-user').textContent).toContain('Reviewer (read-only)');

    await user.click(within(nav).getByRole('button', { name: 'Verify a file' }));
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Verify a certificate file',
    });
    // The shell moves the focus to the new screen's heading.
    expect(document.activeElement).toBe(heading);
    expect(
      within(nav).getByRole('button', { name: 'Verify a file' }).getAttribute('aria-current'),
    ).toBe('page');

    kp.harness.dialogs.cancelNext();
    await user.click(screen.getByRole('button', { name: 'Choose a PDF to verify…' }));
    expect(await screen.findByText('No file was chosen: nothing was checked.')).toBeTruthy();
    expect(kp.calls).toContain('documents:verify');
    expect(kp.harness.dialogs.asked).toEqual([{ kind: 'open', purpose: 'certificate-pdf' }]);
    expect(screen.queryByTestId('verify-outcome')).toBeNull();
    for (const alert of screen.getAllByRole('alert')) expect(alert.textContent).toBe('');
  });
});
