// @vitest-environment jsdom
// Settings → Re-encrypt the vault (issue 13, part 4) through the whole app shell over the real
// core and a real encrypted vault: it says when to use it and that old backups keep the old key;
// a wrong passphrase is refused at its field and changes nothing; done, the vault is locked, the
// unlock screen says why, and after the unlock the new recovery key is shown once and typed back,
// as first run does. The old recovery key then opens nothing; the new one opens the vault.
// Offered after a recovery-key rotation too.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/src/App';
import { HARNESS_PASSPHRASE } from '../../../helpers/vault-channel-harness';
import { shellKp } from '../shell/shell-kp';
import type { ShellKp } from '../shell/shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

async function settingsOpen(): Promise<{ kp: ShellKp; oldKey: string }> {
  const kp = shellKp();
  opened.push(kp);
  const oldKey = await kp.harness.firstRun();
  const user = userEvent.setup();
  render(<App api={kp.api} />);
  await user.click(await screen.findByRole('button', { name: 'Settings' }, { timeout: 60_000 }));
  return { kp, oldKey };
}

describe('Re-encrypt the vault', () => {
  it('re-encrypts, locks, and shows the new recovery key once after the unlock', async () => {
    const { kp, oldKey } = await settingsOpen();
    const user = userEvent.setup();
    const section = (await screen.findByRole('heading', { name: 'Re-encrypt the vault' }))
      .parentElement as HTMLElement;
    expect(section.textContent).toContain('Backups made before keep the old key');
    expect(section.textContent).toContain('leaves');
    const form = within(section).getByRole('form', { name: 'Re-encrypt the vault' });

    await user.type(within(form).getByLabelText('Vault passphrase'), 'not the passphrase');
    await user.click(within(form).getByRole('button', { name: 'Re-encrypt the vault' }));
    await waitFor(() => {
      expect(within(form).getByLabelText('Vault passphrase').getAttribute('aria-invalid')).toBe(
        'true',
      );
    });
    // Nothing changed: the old recovery key still matches the vault.
    expect(kp.calls).toContain('vault:rekey');
    expect(await kp.harness.value<{ vault: string }>('vault:status')).toMatchObject({
      vault: 'open',
    });

    await user.type(within(form).getByLabelText('Vault passphrase'), HARNESS_PASSPHRASE);
    await user.click(within(form).getByRole('button', { name: 'Re-encrypt the vault' }));
    await screen.findByRole('heading', { name: 'Unlock the vault' }, { timeout: 60_000 });
    expect(screen.getByText(/re-encrypted under a new key and locked/)).toBeTruthy();

    await user.type(screen.getByLabelText('Vault passphrase'), `${HARNESS_PASSPHRASE}{Enter}`);
    await screen.findByRole(
      'heading',
      { name: 'Write down your recovery key' },
      { timeout: 30_000 },
    );
    // The step's own code loads in a chunk of its own first.
    const newKey = (
      await screen.findByTestId('recovery-key', {}, { timeout: 30_000 })
    ).textContent.trim();
    expect(newKey).toMatch(/^KPR(-[0-9A-Z]{5}){8}$/);
    expect(newKey).not.toBe(oldKey);
    await user.type(screen.getByLabelText('Type the recovery key back'), newKey);
    await user.click(screen.getByRole('button', { name: 'I have written it down: continue' }));
    await screen.findByRole('heading', { name: 'Sign in' }, { timeout: 30_000 });

    // The old recovery key opens nothing any more; the new one does.
    await kp.harness.value('vault:lock');
    expect(await kp.harness.code('vault:unlock', { recoveryKey: oldKey })).toBe(
      'VAULT_KEY_INVALID',
    );
    expect(await kp.harness.code('vault:unlock', { recoveryKey: newKey })).toBe('ok');
  }, 120_000);

  it('is offered after a recovery-key rotation', async () => {
    await settingsOpen();
    const user = userEvent.setup();
    const rotation = within(
      (await screen.findByRole('heading', { name: 'Recovery key' })).parentElement as HTMLElement,
    );
    await user.type(rotation.getByLabelText('Vault passphrase'), HARNESS_PASSPHRASE);
    await user.click(rotation.getByRole('button', { name: 'Make a new recovery key' }));
    const key = (
      await rotation.findByTestId('recovery-key', {}, { timeout: 30_000 })
    ).textContent.trim();
    await user.type(rotation.getByLabelText('Type the recovery key back'), key);
    await user.click(rotation.getByRole('button', { name: 'I have written it down: continue' }));
    const offer = await rotation.findByRole('button', { name: 'Re-encrypt the vault now' });
    await user.click(offer);
    const rekeyForm = screen.getByRole('form', { name: 'Re-encrypt the vault' });
    expect(document.activeElement).toBe(within(rekeyForm).getByLabelText('Vault passphrase'));
  }, 120_000);
});
