// @vitest-environment jsdom
// First-run setup by keyboard (user-event: Tab, typing, Space, Enter) against the real core: each
// step's heading takes the focus, mistakes are shown at their fields with the rule and announced,
// and at the end the vault really holds the confirmed recovery key, the licensee, the
// administrator (signed in) and the registered forms.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/src/App';
import { shellKp } from './shell-kp';
import type { ShellKp } from './shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

// The later first-run steps are lazy chunks: a step's heading can be focused while its form is
// still "Loading the next step", so the controls are waited for, never assumed (issue 17).
const APPEARS = { timeout: 30_000 };

/** Tab until the focused control is the one labelled `label`, then type. */
async function tabAndType(user: UserEvent, label: string, text: string) {
  const target = await screen.findByLabelText(label, {}, APPEARS);
  for (let i = 0; i < 30 && document.activeElement !== target; i += 1) await user.tab();
  expect(document.activeElement).toBe(target);
  await user.keyboard(text);
}

async function tabAndPress(user: UserEvent, name: string) {
  const target = await screen.findByRole('button', { name }, APPEARS);
  for (let i = 0; i < 30 && document.activeElement !== target; i += 1) await user.tab();
  expect(document.activeElement).toBe(target);
  await user.keyboard('{Enter}');
}

async function headingFocused(name: string) {
  const heading = await screen.findByRole('heading', { level: 1, name }, { timeout: 10_000 });
  await waitFor(() => {
    expect(document.activeElement).toBe(heading);
  });
}

describe('first-run setup', () => {
  it('runs from no vault to signed in, by keyboard, and stores everything', async () => {
    const kp = shellKp();
    opened.push(kp);
    const user = userEvent.setup();
    render(<App api={kp.api} />);

    await headingFocused('Welcome to KP Desk: create your vault');
    await tabAndType(user, 'Vault passphrase', 'short');
    expect(screen.getByTestId('strength').textContent).toContain('Too short: 5 of at least 12');
    await tabAndType(user, 'Type the passphrase again', 'other');
    await tabAndPress(user, 'Create the vault');
    expect(screen.getByText('Use at least 12 characters (the vault rule).')).toBeTruthy();
    expect(screen.getByLabelText('Vault passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('cannot be used yet');

    await user.clear(screen.getByLabelText('Vault passphrase'));
    await user.clear(screen.getByLabelText('Type the passphrase again'));
    await tabAndType(user, 'Vault passphrase', 'correct horse battery staple');
    await tabAndType(user, 'Type the passphrase again', 'correct horse battery staple');
    await tabAndPress(user, 'Create the vault');

    await headingFocused('Write down your recovery key');
    const recoveryKey = screen.getByTestId('recovery-key').textContent;
    await tabAndType(user, 'Type the recovery key back', 'KPR-AAAAA');
    await tabAndPress(user, 'I have written it down: continue');
    expect(screen.getByLabelText('Type the recovery key back').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await user.clear(screen.getByLabelText('Type the recovery key back'));
    await tabAndType(user, 'Type the recovery key back', recoveryKey);
    await tabAndPress(user, 'I have written it down: continue');

    await headingFocused('Who is the licensee?');
    await tabAndType(user, 'Legal name', 'Acme Rough Diamonds LLC');
    await tabAndType(user, 'Address', '580 Fifth Avenue, New York, NY 10036');
    // Eight digits are no EIN: refused, naming the form of the number.
    await tabAndType(user, 'Taxpayer Identification Number (TIN)', '12345678');
    await tabAndPress(user, 'Continue');
    expect(screen.getByText('Enter the TIN (EIN) as NN-NNNNNNN, e.g. 12-3456789.').id).not.toBe('');
    await user.clear(screen.getByLabelText('Taxpayer Identification Number (TIN)'));
    // Nine digits without the hyphen are the same EIN: formatted when the field is left, and
    // saved as 12-3456789 (checked at the end), not refused (issue 16).
    await tabAndType(user, 'Taxpayer Identification Number (TIN)', '123456789');
    const carrier = screen.getByLabelText('We are a common carrier');
    await user.tab();
    expect(document.activeElement).toBe(carrier);
    expect(
      screen.getByLabelText<HTMLInputElement>('Taxpayer Identification Number (TIN)').value,
    ).toBe('12-3456789');
    await user.keyboard(' ');
    await tabAndPress(user, 'Continue');

    await headingFocused('Create the first administrator');
    await tabAndType(user, 'Full name', 'Ada Lovelace');
    await tabAndType(user, 'Username', 'ada');
    await tabAndType(user, 'Password', 'analytical-engine-1843');
    await tabAndType(user, 'Type the password again', 'analytical-engine-1843');
    await tabAndPress(user, 'Create the administrator');

    await headingFocused('Signing identity');
    await tabAndPress(user, 'Set it up later in Settings');

    await headingFocused('Register your blank forms');
    await tabAndType(user, 'Form numbers', 'US10000-US10009, US10020');
    await tabAndPress(user, 'Register these forms');
    await screen.findByTestId('stock-counts');
    await tabAndPress(user, 'Finish setup');

    // The signed-in frame is a lazy chunk: under heavy load it takes far more than 15 s.
    await screen.findByRole('navigation', { name: 'Main' }, { timeout: 60_000 });
    await waitFor(() => {
      expect(screen.getByTestId('licensee-name').textContent).toBe('Acme Rough Diamonds LLC');
    });
    expect(await kp.harness.value('licensee:get')).toMatchObject({
      legalName: 'Acme Rough Diamonds LLC',
      tin: '12-3456789',
      isCommonCarrier: true,
    });
    expect(await kp.harness.value('vault:status')).toMatchObject({
      recoveryKeyConfirmed: true,
      user: { username: 'ada', role: 'administrator' },
    });
    expect(await kp.harness.value('stock:summary')).toMatchObject({
      counts: { available: 11, used: 0, voided: 0 },
      gaps: [{ from: 'US10010', to: 'US10019', count: 10 }],
    });
  });

  it('resumes at the recovery key when the vault exists but the key was never confirmed', async () => {
    const kp = shellKp();
    opened.push(kp);
    const recoveryKey = await kp.harness.firstRun({ confirm: false });
    await kp.harness.value('session:signOut');
    const user = userEvent.setup();
    render(<App api={kp.api} />);
    await headingFocused('Write down your recovery key');
    expect(screen.queryByTestId('recovery-key')).toBeNull();
    await tabAndType(user, 'Type the recovery key back', recoveryKey);
    await tabAndPress(user, 'I have written it down: continue');
    // An administrator exists already: setup ends, and the person signs in.
    await screen.findByRole('heading', { name: 'Sign in' });
  });
});
