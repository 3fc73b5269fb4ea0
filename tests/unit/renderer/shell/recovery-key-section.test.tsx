// @vitest-environment jsdom
// Settings → Recovery key against the real core and a real vault: a wrong passphrase is shown at
// its field; the right one shows the new key once (as at first run), the records stay closed
// until it is typed back, and then the section says so and the key is gone from the screen.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { RecoveryKeySection } from '../../../../renderer/src/settings/RecoveryKeySection';
import { HARNESS_PASSPHRASE } from '../../../helpers/vault-channel-harness';
import { shellKp } from './shell-kp';
import type { ShellKp } from './shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

describe('RecoveryKeySection', () => {
  it('replaces the key, shows the new one once and asks for it back', async () => {
    const kp = shellKp();
    opened.push(kp);
    const oldKey = await kp.harness.firstRun();
    const user = userEvent.setup();
    render(<RecoveryKeySection api={kp.api} />);

    const passphrase = screen.getByLabelText('Vault passphrase');
    await user.type(passphrase, 'not the passphrase');
    await user.click(screen.getByRole('button', { name: 'Make a new recovery key' }));
    expect(
      await screen.findByText(/passphrase is not correct/, { selector: '.form-alert__message' }),
    ).toBeTruthy();
    expect(screen.queryByTestId('recovery-key')).toBeNull();

    await user.type(screen.getByLabelText('Vault passphrase'), HARNESS_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Make a new recovery key' }));
    const shown = (await screen.findByTestId('recovery-key')).textContent;
    expect(shown).toMatch(/^KPR(-[0-9A-Z]{5}){8}$/);
    expect(shown).not.toBe(oldKey);
    expect(await kp.harness.code('stock:summary')).toBe('RECOVERY_KEY_UNCONFIRMED');

    await user.type(screen.getByLabelText('Type the recovery key back'), shown);
    await user.click(screen.getByRole('button', { name: /I have written it down/ }));
    expect((await screen.findByText(/new recovery key is confirmed/)).textContent).toMatch(
      /old one/,
    );
    expect(screen.queryByTestId('recovery-key')).toBeNull();
    expect(await kp.harness.code('stock:summary')).toBe('ok');
    expect(kp.calls).toEqual(
      expect.arrayContaining(['vault:rotateRecoveryKey', 'vault:confirmRecoveryKey']),
    );
  });
});
