// @vitest-environment jsdom
// "Replace the signing keys…" where signing is refused (SigningLockedHelp) and in Settings →
// Signing keys (issue 13, part 3 follow-up). The vault was protected only by a computer opened
// for signing; it is now opened on another computer (another keychain), so nothing opens the
// keys. An administrator is offered the replacement: the reason is checked with the shared rule
// before anything is sent, a confirmation says what happens (earlier certificates stay valid,
// new ones are signed by a new identity, tell USKPA), Cancel changes nothing, Confirm replaces
// and signing works again. An operator is only told that an administrator can. Real core, real
// encrypted vault, real file keychains standing in for the OS keychain.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SigningKeysSection } from '../../../../renderer/src/settings/SigningKeysSection';
import { SigningLockedHelp } from '../../../../renderer/src/signing/SigningLockedHelp';
import { fileKeychain } from '../../../helpers/file-keychain';
import { HARNESS_PASSPHRASE } from '../../../helpers/vault-channel-harness';
import { shellKp } from '../shell/shell-kp';
import type { ShellKp } from '../shell/shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

const REASON = 'The computer opened for signing was replaced after a disk failure.';

/** Keys opened only by one computer's keychain, then the vault on another computer. */
async function lockedOnANewComputer(): Promise<ShellKp> {
  const computers = mkdtempSync(join(tmpdir(), 'kp-computers-'));
  const first = shellKp({}, { signingKeychain: fileKeychain(join(computers, 'first')) });
  opened.push(first);
  await first.harness.firstRun();
  await first.harness.addUser('otto', 'operator');
  await first.harness.value('identity:generate', { signerName: 'Jane Doe' });
  await first.harness.value('identity:openWorkstation', {});
  await first.harness.value('vault:lock');
  const moved = shellKp(
    { dataDir: first.harness.dataDir },
    { signingKeychain: fileKeychain(join(computers, 'second')) },
  );
  opened.push(moved);
  await moved.harness.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
  await moved.harness.signInAs('ada');
  return moved;
}

const fingerprint = async (kp: ShellKp) =>
  (await kp.harness.value<{ fingerprintSha256: string }>('identity:get')).fingerprintSha256;

describe('replacing signing keys nobody can open', () => {
  it('asks for a valid reason, confirms what happens, and replaces only on confirmation', async () => {
    const kp = await lockedOnANewComputer();
    const before = await fingerprint(kp);
    const user = userEvent.setup();
    let unlocked = 0;
    render(
      <SigningLockedHelp
        api={kp.api}
        onUnlocked={() => {
          unlocked += 1;
        }}
      />,
    );
    const help = await screen.findByTestId('signing-locked');
    expect(help.textContent).toContain('they cannot be opened again');
    await user.click(
      await within(help).findByRole('button', { name: 'Replace the signing keys…' }),
    );
    const form = screen.getByRole('form', { name: 'Replace the signing keys' });

    // A reason with a right-to-left override is refused by the shared rule, before any call.
    await user.type(
      within(form).getByLabelText(/Why can the keys not be opened/),
      'Disk\u202Efailed badly',
    );
    await user.click(within(form).getByRole('button', { name: 'Replace the signing keys…' }));
    expect(within(form).getByText(/U\+202E/)).toBeTruthy();
    expect(kp.calls).not.toContain('identity:replaceKeys');
    expect(screen.queryByRole('alertdialog')).toBeNull();

    const reason = within(form).getByLabelText(/Why can the keys not be opened/);
    await user.clear(reason);
    await user.type(reason, REASON);
    await user.click(within(form).getByRole('button', { name: 'Replace the signing keys…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace the signing keys?' });
    expect(dialog.textContent).toContain('Certificates signed before stay valid');
    expect(dialog.textContent).toContain('new signing identity');
    expect(dialog.textContent).toContain('USKPA');
    // The safe choice has focus; cancelling changes nothing.
    expect(document.activeElement?.textContent).toBe('Keep the current keys');
    await user.click(within(dialog).getByRole('button', { name: 'Keep the current keys' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(kp.calls).not.toContain('identity:replaceKeys');
    expect(await fingerprint(kp)).toBe(before);

    await user.click(within(form).getByRole('button', { name: 'Replace the signing keys…' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', {
        name: 'Replace the signing keys',
      }),
    );
    expect((await screen.findByText(/The signing keys were replaced/)).textContent).toContain(
      'Jane Doe',
    );
    expect(unlocked).toBe(1);
    expect(await fingerprint(kp)).not.toBe(before);
    expect(
      await kp.harness.value<{ canSign: boolean; state: string }>('identity:signingKeys'),
    ).toMatchObject({ canSign: true, state: 'pending' });
  });

  it('tells an operator who can, and offers no button', async () => {
    const kp = await lockedOnANewComputer();
    await kp.harness.signInAs('otto');
    render(<SigningLockedHelp api={kp.api} />);
    const help = await screen.findByTestId('signing-locked');
    expect(
      await within(help).findByText(/an administrator can replace them here or in Settings/),
    ).toBeTruthy();
    expect(within(help).queryByRole('button', { name: 'Replace the signing keys…' })).toBeNull();
  });

  it('is offered in Settings → Signing keys to administrators while nothing opens the keys', async () => {
    const kp = await lockedOnANewComputer();
    render(<SigningKeysSection api={kp.api} manage />);
    expect(await screen.findByTestId('replace-signing-keys')).toBeTruthy();
    cleanup();
    render(<SigningKeysSection api={kp.api} manage={false} />);
    await screen.findByText('Protection');
    expect(screen.queryByTestId('replace-signing-keys')).toBeNull();
  });
});
