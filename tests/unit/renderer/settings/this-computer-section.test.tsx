// @vitest-environment jsdom
// Settings → This computer against the real core and a real encrypted vault: it says whether this
// computer's keychain keeps the vault key (vault:status rememberedOnThisComputer) and offers the
// matching action. In the preview (no keychain) main's refusal is shown and nothing is stored;
// with a keychain (an in-memory fake of the operating system's, not of our core) remembering needs
// the passphrase and adds a keychain wrap to the key file, and "Stop remembering" removes it.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { readKeyFile } from '../../../../electron/core/vault/keys/key-file';
import { vaultLocation } from '../../../../electron/core/vault/keys/vault-location';
import { ThisComputerSection } from '../../../../renderer/src/settings/ThisComputerSection';
import { HARNESS_PASSPHRASE } from '../../../helpers/vault-channel-harness';
import { fakeKeychain } from '../../vault/fake-keychain';
import { shellKp } from '../shell/shell-kp';
import type { ShellKp } from '../shell/shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

async function signedIn(withKeychain: boolean): Promise<ShellKp> {
  const kp = shellKp(
    {},
    withKeychain ? { keychain: fakeKeychain({ backend: 'gnome_libsecret' }) } : {},
  );
  opened.push(kp);
  await kp.harness.firstRun();
  return kp;
}

const wrapKinds = (dataDir: string): string[] =>
  readKeyFile(vaultLocation(dataDir).keyFilePath)
    .wraps.map((wrap) => wrap.kind)
    .sort();

const stateText = async (): Promise<string> =>
  (await screen.findByTestId('this-computer-state')).textContent;

describe('ThisComputerSection', () => {
  it('in the preview, says the key is not remembered and shows the keychain refusal', async () => {
    const kp = await signedIn(false);
    const before = wrapKinds(kp.harness.dataDir);
    const user = userEvent.setup();
    render(<ThisComputerSection api={kp.api} />);

    const state = await stateText();
    expect(state).toContain('This computer does not remember the vault key.');
    expect(state).toContain('anyone who can use this computer account can then open the vault');
    expect(state).toContain('Everyone still signs in');
    expect(screen.queryByRole('button', { name: 'Stop remembering' })).toBeNull();

    await user.type(screen.getByLabelText('Vault passphrase'), HARNESS_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Remember on this computer' }));
    const alert = await screen.findByText(
      "This computer's keychain is not available in the preview; use your passphrase.",
    );
    expect(alert.closest('[role="alert"]')?.getAttribute('data-error-code')).toBe(
      'KEY_UNAVAILABLE',
    );
    expect(alert.closest('[role="alert"]')?.textContent).not.toContain('KEY_UNAVAILABLE');
    expect(await stateText()).toContain('does not remember');
    expect(await kp.harness.value('vault:status')).toMatchObject({
      rememberedOnThisComputer: false,
    });
    expect(wrapKinds(kp.harness.dataDir)).toEqual(before);
  });

  it('asks for the passphrase first and refuses a wrong one at its field', async () => {
    const kp = await signedIn(true);
    const user = userEvent.setup();
    render(<ThisComputerSection api={kp.api} />);
    await stateText();

    await user.click(screen.getByRole('button', { name: 'Remember on this computer' }));
    expect(
      await screen.findByText('Enter the vault passphrase.', { selector: '.form-alert__message' }),
    ).toBeTruthy();
    expect(kp.calls).not.toContain('vault:rememberOnThisComputer');

    await user.type(screen.getByLabelText('Vault passphrase'), 'not the passphrase');
    await user.click(screen.getByRole('button', { name: 'Remember on this computer' }));
    expect(
      await screen.findByText(/passphrase is not correct/, { selector: '.form-alert__message' }),
    ).toBeTruthy();
    const field = screen.getByLabelText('Vault passphrase');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(wrapKinds(kp.harness.dataDir)).toEqual(['passphrase', 'recovery']);
    expect(await stateText()).toContain('does not remember');
  });

  it('with a keychain, remembers the key, then forgets it and stays forgotten', async () => {
    const kp = await signedIn(true);
    const { dataDir } = kp.harness;
    const user = userEvent.setup();
    const { unmount } = render(<ThisComputerSection api={kp.api} />);
    expect(await stateText()).toContain('does not remember');

    await user.type(screen.getByLabelText('Vault passphrase'), HARNESS_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Remember on this computer' }));
    expect(
      await screen.findByText(
        "This computer's keychain (gnome_libsecret) now keeps the vault key.",
      ),
    ).toBeTruthy();
    const remembered = await stateText();
    expect(remembered).toContain('This computer remembers the vault key.');
    expect(remembered).toContain('anyone who can use this computer account can open the vault');
    expect(screen.queryByLabelText('Vault passphrase')).toBeNull();
    expect(wrapKinds(dataDir)).toEqual(['keychain', 'passphrase', 'recovery']);

    await user.click(screen.getByRole('button', { name: 'Stop remembering' }));
    expect(await screen.findByText(/no longer keeps the vault key/)).toBeTruthy();
    expect(await stateText()).toContain('does not remember');
    expect(wrapKinds(dataDir)).toEqual(['passphrase', 'recovery']);

    // Shown again later (a new visit to Settings), the status read from main still says so.
    unmount();
    render(<ThisComputerSection api={kp.api} />);
    expect(await stateText()).toContain('does not remember');
    expect(await kp.harness.value('vault:status')).toMatchObject({
      rememberedOnThisComputer: false,
    });
  });
});
