// @vitest-environment jsdom
// "Remember on this computer" on the unlock screen, against the real core and a real encrypted
// vault: explained in plain words; asked only with the passphrase, once it has unlocked the vault;
// the outcome said on the sign-in screen that follows. In the preview (no keychain) main refuses
// and nothing is stored; with a keychain (an in-memory fake of the operating system's, not of our
// core) the key file gains a keychain wrap, and "Stop remembering" removes it.
import { join } from 'node:path';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createCoreHandlers } from '../../../../electron/core/create-core-handlers';
import { dispatchChannel } from '../../../../electron/core/ipc/dispatch-channel';
import { readKeyFile } from '../../../../electron/core/vault/keys/key-file';
import { vaultLocation } from '../../../../electron/core/vault/keys/vault-location';
import { createVaultGateway } from '../../../../electron/core/vault/vault-gateway';
import { inProcessRpc } from '../../../../electron/core/vault/worker/in-process-rpc';
import { buildKpApi } from '../../../../shared/ipc/api';
import type { KpApi } from '../../../../shared/ipc/api';
import { channelNames } from '../../../../shared/ipc/channels';
import type { ChannelName } from '../../../../shared/ipc/channels';
import { App } from '../../../../renderer/src/App';
import { createTestFileDialogs } from '../../../helpers/test-file-dialogs';
import { HARNESS_PASSPHRASE } from '../../../helpers/vault-channel-harness';
import { fakeKeychain } from '../../vault/fake-keychain';
import { shellKp } from './shell-kp';
import type { ShellKp } from './shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

/** A vault after first run, locked, as at the next start of the preview host. */
async function lockedVault(): Promise<ShellKp> {
  const kp = shellKp();
  opened.push(kp);
  await kp.harness.firstRun();
  await kp.harness.value('vault:lock');
  return kp;
}

/** The same vault folder opened by KP Desk with a keychain (as Electron's main process does). */
function withKeychain(dataDir: string): { api: KpApi; calls: ChannelName[] } {
  const core = createCoreHandlers({
    runtime: 'electron',
    version: 'test',
    vault: inProcessRpc(createVaultGateway({ dataDir, passwordHashing: { N: 1024, r: 8, p: 1 } })),
    fileDialogs: createTestFileDialogs(join(dataDir, '..', 'files')),
    keychain: fakeKeychain({ backend: 'gnome_libsecret' }),
  });
  const calls: ChannelName[] = [];
  const api = buildKpApi((channel, input) => {
    calls.push(channel);
    const copied: unknown = JSON.parse(JSON.stringify(input ?? null));
    return dispatchChannel(core, channel, copied, () => undefined);
  }, channelNames);
  return { api, calls };
}

const wrapKinds = (dataDir: string): string[] =>
  readKeyFile(vaultLocation(dataDir).keyFilePath)
    .wraps.map((wrap) => wrap.kind)
    .sort();

async function unlockRemembering(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('heading', { name: 'Unlock the vault' });
  const box = screen.getByRole('checkbox', { name: 'Remember on this computer' });
  expect((box as HTMLInputElement).checked).toBe(false);
  await user.click(box);
  await user.type(screen.getByLabelText('Vault passphrase'), `${HARNESS_PASSPHRASE}{Enter}`);
  await screen.findByRole('heading', { name: 'Sign in' }, { timeout: 10_000 });
}

describe('Remember on this computer', () => {
  it('says in plain words what it does, and is offered only with the passphrase', async () => {
    const kp = await lockedVault();
    const user = userEvent.setup();
    render(<App api={kp.api} />);
    const box = await screen.findByRole('checkbox', { name: 'Remember on this computer' });
    const hint = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('keychain');
    expect(hint?.textContent).toContain('without the passphrase');
    expect(hint?.textContent).toContain('still signs in');

    await user.click(screen.getByRole('button', { name: /use the recovery key/ }));
    expect(screen.queryByRole('checkbox', { name: 'Remember on this computer' })).toBeNull();
  });

  it('offers "Stop remembering" only when the key is remembered', async () => {
    const kp = await lockedVault();
    render(<App api={kp.api} />);
    await screen.findByRole('checkbox', { name: 'Remember on this computer' });
    expect(
      screen.queryByRole('button', { name: 'Stop remembering the vault on this computer' }),
    ).toBeNull();
  });

  it('unlocks without asking the keychain when left unchecked', async () => {
    const kp = await lockedVault();
    const user = userEvent.setup();
    render(<App api={kp.api} />);
    await screen.findByRole('heading', { name: 'Unlock the vault' });
    await user.type(screen.getByLabelText('Vault passphrase'), `${HARNESS_PASSPHRASE}{Enter}`);
    await screen.findByRole('heading', { name: 'Sign in' }, { timeout: 10_000 });
    expect(kp.calls).not.toContain('vault:rememberOnThisComputer');
    expect(screen.queryByText(/keychain/)).toBeNull();
  });

  it('in the preview, opens the vault and says why nothing was remembered', async () => {
    const kp = await lockedVault();
    const before = wrapKinds(kp.harness.dataDir);
    const user = userEvent.setup();
    render(<App api={kp.api} />);
    await unlockRemembering(user);

    const notice = screen.getByText(/not remembered on this computer/);
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toBe(
      "The vault is open, but it is not remembered on this computer: This computer's keychain is not available in the preview; use your passphrase.",
    );
    expect(await kp.harness.value('vault:status')).toMatchObject({ vault: 'open' });
    expect(wrapKinds(kp.harness.dataDir)).toEqual(before);
  });

  it('with a keychain, stores the key after unlock; "Stop remembering" removes it', async () => {
    const locked = await lockedVault();
    const { dataDir } = locked.harness;
    const kp = withKeychain(dataDir);
    const user = userEvent.setup();
    render(<App api={kp.api} />);
    await unlockRemembering(user);

    const notice = screen.getByText(/now keeps the vault key/);
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain("This computer's keychain (gnome_libsecret)");
    expect(wrapKinds(dataDir)).toEqual(['keychain', 'passphrase', 'recovery']);
    // Unlocked first, remembered second: a wrong passphrase never reaches the keychain.
    expect(kp.calls.indexOf('vault:unlock')).toBeLessThan(
      kp.calls.indexOf('vault:rememberOnThisComputer'),
    );

    // Locked again: the key is remembered, so only "Stop remembering" is offered.
    await user.click(screen.getByRole('button', { name: 'Lock the vault' }));
    await screen.findByRole('heading', { name: 'Unlock the vault' });
    expect(screen.queryByRole('checkbox', { name: 'Remember on this computer' })).toBeNull();
    expect(screen.getByText(/keychain keeps the vault key/)).toBeTruthy();
    await user.click(
      screen.getByRole('button', { name: 'Stop remembering the vault on this computer' }),
    );
    expect(
      await screen.findByText(
        'This computer no longer keeps the vault key: KP Desk will ask for the passphrase when it starts.',
      ),
    ).toBeTruthy();
    expect(wrapKinds(dataDir)).toEqual(['passphrase', 'recovery']);
    // Forgotten: remembering is offered again, and stopping no longer is.
    expect(screen.getByRole('checkbox', { name: 'Remember on this computer' })).toBeTruthy();
    expect(
      screen.queryByRole('button', { name: 'Stop remembering the vault on this computer' }),
    ).toBeNull();
  });

  it('keeps a wrong passphrase on the unlock screen and stores nothing', async () => {
    const locked = await lockedVault();
    const { dataDir } = locked.harness;
    const kp = withKeychain(dataDir);
    const user = userEvent.setup();
    render(<App api={kp.api} />);
    await screen.findByRole('heading', { name: 'Unlock the vault' });
    await user.click(screen.getByRole('checkbox', { name: 'Remember on this computer' }));
    await user.type(screen.getByLabelText('Vault passphrase'), 'not the passphrase{Enter}');
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    await waitFor(() => {
      expect(alert.textContent).toContain('passphrase is not correct');
    });
    expect(screen.getByRole('heading', { name: 'Unlock the vault' })).toBeTruthy();
    expect(kp.calls).not.toContain('vault:rememberOnThisComputer');
    expect(wrapKinds(dataDir)).toEqual(['passphrase', 'recovery']);
  });
});
