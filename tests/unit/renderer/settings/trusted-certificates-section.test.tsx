// @vitest-environment jsdom
// Settings → Trusted certificates against the real core and a real encrypted vault (shellKp), with
// a CA certificate made by OpenSSL: an administrator adds it (the test open dialog picks the file
// from the imports folder), sees its subject, fingerprint and end date, and removes it after a
// confirmation; a refusal shows its plain message; a reviewer sees the list but no add or remove.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TrustedCertificatesSection } from '../../../../renderer/src/settings/TrustedCertificatesSection';
import { HARNESS_PASSPHRASE } from '../../../helpers/vault-channel-harness';
import { shellKp } from '../shell/shell-kp';
import type { ShellKp } from '../shell/shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

/** A signed-in administrator, the clock at now (OpenSSL's certificate starts now). */
async function signedIn(): Promise<ShellKp> {
  const kp = shellKp();
  opened.push(kp);
  await kp.harness.firstRun();
  kp.harness.clock.now = new Date(Date.now() + 60_000);
  await kp.harness.value('vault:status');
  await kp.harness.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
  await kp.harness.signInAs('ada');
  return kp;
}

function offerCa(kp: ShellKp): string {
  const imports = join(kp.harness.dialogs.root, 'imports');
  mkdirSync(imports, { recursive: true });
  const pem = join(imports, 'uskpa-root.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', join(kp.harness.dir, 'ca.key'), '-out', pem, '-days', '3650',
    '-subj', '/C=US/O=Test Kimberley Process Authority/CN=Test KP Root CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign',
  ], { stdio: 'ignore' }); // prettier-ignore
  const out = execFileSync('openssl', ['x509', '-in', pem, '-noout', '-fingerprint', '-sha256']);
  return out.toString().trim().replace(/^.*=/, '');
}

describe('TrustedCertificatesSection', () => {
  it('an administrator adds a CA from the file dialog and removes it after a confirmation', async () => {
    const kp = await signedIn();
    const fingerprint = offerCa(kp);
    const user = userEvent.setup();
    render(<TrustedCertificatesSection api={kp.api} manage />);
    expect(
      await screen.findByText(
        'No certificates are trusted beyond this vault’s own signing identities.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/such as USKPA’s, so certificates signed with certificates it issued/))
      .toBeTruthy(); // prettier-ignore

    // A name is asked for before any dialog.
    await user.click(screen.getByRole('button', { name: 'Choose the file and add' }));
    expect(await screen.findByText(/Give the certificate a name you will recognise/)).toBeTruthy();
    expect(kp.calls).not.toContain('trust:add');

    await user.type(screen.getByLabelText('Name for this certificate'), 'USKPA root');
    await user.click(screen.getByRole('button', { name: 'Choose the file and add' }));
    const list = await screen.findByRole('list', { name: 'Trusted certificates' });
    const row = within(list).getByText('USKPA root', { selector: 'dd' }).closest('li');
    expect(row?.textContent).toContain(
      'C=US, O=Test Kimberley Process Authority, CN=Test KP Root CA',
    );
    expect(row?.textContent).toContain('Certification authority');
    expect(row?.textContent).toContain(fingerprint);
    expect(await kp.harness.value('trust:list')).toHaveLength(1);

    // The same file again: the vault's refusal, in its words.
    await user.type(screen.getByLabelText('Name for this certificate'), 'Again');
    await user.click(screen.getByRole('button', { name: 'Choose the file and add' }));
    const alert = await screen.findByText(/already in the trust list, as "USKPA root"/);
    expect(alert.closest('[role="alert"]')?.getAttribute('data-error-code')).toBe('CONFLICT');

    await user.click(screen.getByRole('button', { name: 'Remove USKPA root' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Stop trusting USKPA root?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(await kp.harness.value('trust:list')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Remove USKPA root' }));
    await user.click(await screen.findByRole('button', { name: 'Stop trusting it' }));
    expect(await screen.findByText('USKPA root is no longer trusted.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Trusted certificates' })).toBeNull();
    expect(await kp.harness.value('trust:list')).toEqual([]);
    expect(await kp.harness.value('audit:verify')).toMatchObject({ ok: true });
  });

  it('a reviewer sees the list, and no way to change it', async () => {
    const kp = await signedIn();
    offerCa(kp);
    await kp.harness.value('trust:add', { label: 'USKPA root' });
    await kp.harness.addUser('rita', 'reviewer');
    await kp.harness.signInAs('rita');
    render(<TrustedCertificatesSection api={kp.api} manage={false} />);
    expect(await screen.findByText('USKPA root')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Add a trusted certificate' })).toBeNull();
  });
});
