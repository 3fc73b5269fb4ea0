// @vitest-environment jsdom
// Issue 13, part 3, finished: a new user who makes a signing identity in the first run can still
// sign after the next start. The first run asks how the keys open (this computer, preselected,
// and/or a signing secret); after the vault is locked and opened again (its connection, and the
// key held in it, are gone, as after a restart) signing works on the opened computer, and where
// it is locked the refusal leads to the fix. Real core, real encrypted vault, a real file keychain
// standing in for the OS keychain (tests/helpers/file-keychain.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentsPanel } from '../../../../renderer/src/records/DocumentsPanel';
import type { CertificateRecord } from '../../../../renderer/src/records/use-certificate-record';
import { IdentityStep } from '../../../../renderer/src/startup/first-run/IdentityStep';
import { fileKeychain } from '../../../helpers/file-keychain';
import { HARNESS_PASSPHRASE } from '../../../helpers/vault-channel-harness';
import { shellKp } from '../shell/shell-kp';
import type { ShellKp } from '../shell/shell-kp';

const SECRET = 'a signing secret of the owner';
const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

/** A first run with this computer's (file) keychain, up to the identity step. */
async function firstRunKp(): Promise<ShellKp> {
  const kp = shellKp(
    {},
    {
      signingKeychain: fileKeychain(mkdtempSync(join(tmpdir(), 'kp-computer-'))),
    },
  );
  opened.push(kp);
  await kp.harness.firstRun();
  return kp;
}

/** The identity step of the first run: generate, then the protection choice. */
async function generateInFirstRun(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.type(screen.getByLabelText('Signer’s name'), 'Jane Doe');
  await user.click(screen.getByRole('button', { name: 'Generate the identity' }));
  await screen.findByText('The signing identity is ready.');
  return screen.findByRole('form', { name: 'Protect the signing keys' });
}

/** Lock and open the vault again, signed in as ada: the held key is gone, as after a restart. */
async function restart(kp: ShellKp): Promise<void> {
  await kp.harness.value('vault:lock');
  await kp.harness.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
  await kp.harness.signInAs('ada');
}

describe('protecting the signing keys in the first run', () => {
  it('opens this computer by default, so signing works after a restart', async () => {
    const kp = await firstRunKp();
    const user = userEvent.setup();
    render(<IdentityStep api={kp.api} onContinue={() => undefined} />);
    const form = await generateInFirstRun(user);
    // The common path is chosen already, and the form says why the passphrase is not enough.
    const computer = within(form).getByRole('checkbox', {
      name: /Open this computer for signing/,
    });
    expect((computer as HTMLInputElement).checked).toBe(true);
    expect(form.textContent).toContain('passphrase alone must not be enough to sign');
    expect(form.textContent).toContain('docs/security.md');
    await user.click(within(form).getByRole('button', { name: 'Protect the signing keys' }));
    expect((await screen.findByText(/The signing keys are protected/)).textContent).toContain(
      'This computer is open for signing',
    );
    const before = await kp.harness.value<{ state: string; workstations: unknown[] }>(
      'identity:signingKeys',
    );
    expect(before).toMatchObject({ state: 'protected' });
    expect(before.workstations).toHaveLength(1);

    await restart(kp);
    const after = await kp.harness.value<{ canSign: boolean; openedBy: string }>(
      'identity:signingKeys',
    );
    expect(after).toMatchObject({ canSign: true, openedBy: 'workstation' });
    const id = await kp.harness.issueFixture();
    const signed = await kp.harness.value<{ pages: number }>('documents:sign', {
      certificateId: id,
    });
    expect(signed.pages).toBeGreaterThan(0);
  }, 120_000);

  it('with a secret only: after a restart the refusal offers to unlock, then signs', async () => {
    const kp = await firstRunKp();
    const user = userEvent.setup();
    render(<IdentityStep api={kp.api} onContinue={() => undefined} />);
    const form = await generateInFirstRun(user);
    await user.click(within(form).getByRole('checkbox', { name: /Open this computer/ }));
    await user.type(within(form).getByLabelText(/^Signing secret/), SECRET);
    await user.type(within(form).getByLabelText('Type the signing secret again'), SECRET);
    await user.click(within(form).getByRole('button', { name: 'Protect the signing keys' }));
    expect((await screen.findByText(/The signing keys are protected/)).textContent).toContain(
      'Your signing secret unlocks signing',
    );
    cleanup();

    await restart(kp);
    const id = await kp.harness.issueFixture();
    expect(await kp.harness.code('documents:sign', { certificateId: id })).toBe('SIGNING_LOCKED');
    const record = await kp.harness.value<CertificateRecord>('certificates:get', { id });
    render(<DocumentsPanel api={kp.api} record={record} canWrite />);
    await user.click(await screen.findByRole('button', { name: 'Sign (or check) the PDF' }));
    const help = await screen.findByTestId('signing-locked');
    expect(help.textContent).toContain('Signing is locked');
    // A wrong secret is refused at the field and changes nothing.
    await user.type(within(help).getByLabelText('Your signing secret'), 'not the secret at all');
    await user.click(within(help).getByRole('button', { name: 'Unlock signing' }));
    expect((await within(help).findByRole('alert')).textContent).toContain(
      'signing secret is not correct',
    );
    await user.type(within(help).getByLabelText('Your signing secret'), SECRET);
    await user.click(within(help).getByRole('button', { name: 'Unlock signing' }));
    expect(
      (await screen.findByText(/Signed: \d+ page\(s\)/, undefined, { timeout: 60_000 }))
        .textContent,
    ).toContain('kept in the vault');
    expect(screen.queryByTestId('signing-locked')).toBeNull();
  }, 120_000);

  it('refuses a choice of nothing, and without a choice signing is locked after a restart', async () => {
    const kp = await firstRunKp();
    const user = userEvent.setup();
    render(<IdentityStep api={kp.api} onContinue={() => undefined} />);
    const form = await generateInFirstRun(user);
    await user.click(within(form).getByRole('checkbox', { name: /Open this computer/ }));
    await user.click(within(form).getByRole('button', { name: 'Protect the signing keys' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Nothing was changed');
    expect(await kp.harness.value<{ state: string }>('identity:signingKeys')).toMatchObject({
      state: 'pending',
    });
    cleanup();

    await restart(kp);
    const id = await kp.harness.issueFixture();
    const refused = await kp.harness.call('documents:sign', { certificateId: id });
    expect(refused.ok ? null : refused.error.message).toMatch(/open this computer for signing/);
    const record = await kp.harness.value<CertificateRecord>('certificates:get', { id });
    render(<DocumentsPanel api={kp.api} record={record} canWrite />);
    await user.click(await screen.findByRole('button', { name: 'Sign (or check) the PDF' }));
    const help = await screen.findByTestId('signing-locked');
    // No secret to type: it says who fixes it, and where.
    expect(help.textContent).toContain('Settings → Signing identity');
    expect(within(help).queryByLabelText('Your signing secret')).toBeNull();
  }, 120_000);
});
