// @vitest-environment jsdom
// The shell decides by vault:status: no window.kp → a clear error screen; a failed start-up call
// → its message and code; no vault → first-run setup; locked → unlock; open without a user →
// sign-in; signed in → the frame with the licensee, the user and the role. Real core, real vault.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { HARNESS_PASSPHRASE, HARNESS_PASSWORD } from '../../helpers/vault-channel-harness';
import { fakeKp } from './fake-kp';
import { shellKp } from './shell/shell-kp';
import type { ShellKp } from './shell/shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

function open(temporaryVault?: boolean): ShellKp {
  const kp = shellKp({}, temporaryVault === undefined ? {} : { temporaryVault });
  opened.push(kp);
  return kp;
}

/** A vault after first run (administrator "ada"), locked as at the next start. */
async function lockedVault(): Promise<ShellKp> {
  const kp = open();
  await kp.harness.firstRun();
  await kp.harness.value('vault:lock');
  return kp;
}

describe('App', () => {
  it('says on the first screen when the preview keeps its vault in a temporary folder', async () => {
    render(<App api={open(true).api} />);
    const notice = await screen.findByTestId('temporary-vault-notice');
    expect(notice.textContent).toContain('temporary folder');
    expect(notice.textContent).toContain('--vault-dir FOLDER');
    expect(notice.textContent).toContain('KP_PREVIEW_DATA_DIR');
    cleanup();
    // A lasting folder (or the desktop app): no notice.
    render(<App api={open(false).api} />);
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByTestId('temporary-vault-notice')).toBeNull();
  });

  it('explains that it cannot start without window.kp', () => {
    render(<App api={undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('KP Desk cannot start here');
  });

  it('shows a failed start-up with its message (the code only for support), and retries', async () => {
    const kp = fakeKp({
      failing: {
        'vault:status': {
          code: 'UNAUTHORIZED',
          message: 'This page was opened without the preview access token.',
        },
      },
    });
    render(<App api={kp.api} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('without the preview access token');
    // The code is never shown to users (issue 16); support and tests read data-error-code.
    expect(alert.textContent).not.toContain('UNAUTHORIZED');
    expect(alert.getAttribute('data-error-code')).toBe('UNAUTHORIZED');
    const before = kp.calls.length;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('alert');
    expect(kp.calls.length).toBeGreaterThan(before);
  });

  it('starts first-run setup when there is no vault, with the heading focused', async () => {
    render(<App api={open().api} />);
    const heading = await screen.findByRole('heading', {
      name: 'Welcome to KP Desk: create your vault',
    });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('Step 1 of 6')).toBeTruthy();
  });

  it('unlocks (a wrong passphrase shown at its field), signs in, and shows the frame', async () => {
    const kp = await lockedVault();
    const user = userEvent.setup();
    render(<App api={kp.api} />);
    await screen.findByRole('heading', { name: 'Unlock the vault' });

    await user.type(screen.getByLabelText('Vault passphrase'), 'not the passphrase');
    await user.keyboard('{Enter}');
    const alert = await screen.findByRole('alert');
    await waitFor(() => {
      expect(alert.textContent).toContain('passphrase is not correct');
    });
    expect(screen.getByLabelText('Vault passphrase').getAttribute('aria-invalid')).toBe('true');

    await user.clear(screen.getByLabelText('Vault passphrase'));
    await user.type(screen.getByLabelText('Vault passphrase'), `${HARNESS_PASSPHRASE}{Enter}`);
    await screen.findByRole('heading', { name: 'Sign in' });

    await user.type(screen.getByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Password'), 'wrong password!');
    await user.keyboard('{Enter}');
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).not.toBe('');
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), `${HARNESS_PASSWORD}{Enter}`);

    const nav = await screen.findByRole('navigation', { name: 'Main' }, { timeout: 15_000 });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'Records',
      'New certificate',
      'Stock',
      'Verify a file',
      'Statistics',
      'Settings',
      'Review',
      'Corrections',
      'Audit log',
      'Submissions',
      'Help and glossary',
      'Templates',
    ]);
    await waitFor(() => {
      expect(screen.getByTestId('licensee-name').textContent).toBe('Hudson Rough Trading LLC');
    });
    expect(screen.getByTestId('signed-in-user').textContent).toBe('Ada Admin · Administrator');
  });

  it('unlocks with the recovery key instead of the passphrase', async () => {
    const kp = open();
    const recoveryKey = await kp.harness.firstRun();
    await kp.harness.value('vault:lock');
    const user = userEvent.setup();
    render(<App api={kp.api} />);
    await user.click(
      await screen.findByRole('button', { name: /lost the passphrase: use the recovery key/ }),
    );
    await user.type(screen.getByLabelText('Recovery key'), `${recoveryKey.toLowerCase()}{Enter}`);
    await screen.findByRole('heading', { name: 'Sign in' });
  });

  it('goes back to unlock with a plain message when the vault locked itself while idle', async () => {
    const kp = open();
    await kp.harness.firstRun();
    const user = userEvent.setup();
    render(<App api={kp.api} />);
    await screen.findByRole('navigation', { name: 'Main' }, { timeout: 15_000 });
    // 16 minutes without a call: the vault (15-minute auto-lock) locks at the next call.
    kp.harness.clock.now = new Date(kp.harness.clock.now.getTime() + 16 * 60_000);
    await user.click(screen.getByRole('button', { name: 'Stock' }));
    await screen.findByRole('heading', { name: 'Unlock the vault' });
    expect(screen.getByText(/locked the vault because it was not used for a while/)).toBeTruthy();
  });

  it('signs out to the sign-in screen and locks to the unlock screen', async () => {
    const kp = open();
    await kp.harness.firstRun();
    const user = userEvent.setup();
    render(<App api={kp.api} />);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }, { timeout: 15_000 }));
    await screen.findByRole('heading', { name: 'Sign in' });
    await user.click(screen.getByRole('button', { name: 'Lock the vault' }));
    await screen.findByRole('heading', { name: 'Unlock the vault' });
  });

  it('gives a reviewer no "New certificate" and read-only settings and stock', async () => {
    const kp = open();
    await kp.harness.firstRun();
    await kp.harness.addUser('rita', 'reviewer');
    await kp.harness.signInAs('rita');
    const user = userEvent.setup();
    render(<App api={kp.api} />);
    const nav = await screen.findByRole('navigation', { name: 'Main' }, { timeout: 15_000 });
    expect(within(nav).queryByRole('button', { name: 'New certificate' })).toBeNull();
    expect(screen.getByTestId('signed-in-user').textContent).toContain('Reviewer (read-only)');

    await user.click(within(nav).getByRole('button', { name: 'Settings' }));
    await waitFor(() => {
      expect(screen.getByLabelText<HTMLInputElement>('Legal name').value).toBe(
        'Hudson Rough Trading LLC',
      );
    });
    expect(screen.getByLabelText<HTMLInputElement>('Legal name').disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save the profile' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add the user' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Vault passphrase' })).toBeNull();

    await user.click(within(nav).getByRole('button', { name: 'Stock' }));
    await screen.findByTestId('stock-counts');
    expect(screen.queryByRole('button', { name: 'Register these forms' })).toBeNull();
    expect(screen.getByText(/Your role is read-only/)).toBeTruthy();
  });
});
