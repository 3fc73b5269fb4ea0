// @vitest-environment jsdom
// First-run setup, signing identity: after generating a self-signed identity, the text says "send
// the certificate request below to a certification authority", so the request is below, in full,
// with Copy and Save (issue 16: it was only in Settings). Real core, real encrypted vault.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { IdentityStep } from '../../../../renderer/src/startup/first-run/IdentityStep';
import { shellKp } from './shell-kp';
import type { ShellKp } from './shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

describe('IdentityStep', () => {
  it('shows the certificate request below the note that mentions it, with Copy', async () => {
    const kp = shellKp();
    opened.push(kp);
    await kp.harness.firstRun();
    const user = userEvent.setup();
    render(<IdentityStep api={kp.api} onContinue={() => undefined} />);

    await user.type(screen.getByLabelText('Signer’s name'), 'Jane Doe');
    await user.click(screen.getByRole('button', { name: 'Generate the identity' }));
    await screen.findByText('The signing identity is ready.');

    const note = screen.getByText(/send the certificate request below/);
    const request = screen.getByRole('region', {
      name: 'Certificate request for a certification authority',
    });
    // "Below" is true: the request follows the sentence in the page.
    expect(note.compareDocumentPosition(request) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const pem = within(request).getByLabelText('Certificate request (PEM)').textContent;
    expect(pem).toMatch(
      /^-----BEGIN CERTIFICATE REQUEST-----\n[\s\S]+-----END CERTIFICATE REQUEST-----/,
    );
    // The same request the vault keeps for this identity.
    const stored = await kp.harness.value<{ certificationRequestPem: string | null }>(
      'identity:get',
    );
    expect(pem.trim()).toBe(stored.certificationRequestPem?.trim());

    await user.click(within(request).getByRole('button', { name: 'Copy the request' }));
    expect(await navigator.clipboard.readText()).toBe(pem);
    expect(within(request).getByRole('status').textContent).toContain('copied');
    expect(
      within(request).getByRole('button', { name: 'Save the request as a file' }),
    ).toBeTruthy();
  });
});
