// @vitest-environment jsdom
// First-run setup, a passphrase that is too short: the rule is said once, at the field (issue
// 16: the hint, the live strength and the error all said it, three times). The form's summary
// sits above the fields it refers to and names no rule of its own. Real core behind window.kp (nothing is sent: the form refuses
// first).
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CreateVaultStep } from '../../../../renderer/src/startup/first-run/CreateVaultStep';
import { shellKp } from '../shell/shell-kp';
import type { ShellKp } from '../shell/shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

const occurrences = (text: string, words: RegExp) => text.match(words)?.length ?? 0;

describe('a too-short vault passphrase', () => {
  it('is refused with its rule said once, at the field', async () => {
    const kp = shellKp();
    opened.push(kp);
    const user = userEvent.setup();
    const { container } = render(<CreateVaultStep api={kp.api} onCreated={() => undefined} />);
    await user.type(screen.getByLabelText('Vault passphrase'), 'short');
    await user.type(screen.getByLabelText('Type the passphrase again'), 'short');
    // While typing: the live strength, without repeating the hint's advice.
    expect(screen.getByTestId('strength').textContent).toBe(
      'Too short: 5 of at least 12 characters.',
    );
    expect(occurrences(container.textContent, /unrelated words/g)).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Create the vault' }));
    expect(screen.getByLabelText('Vault passphrase').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Use at least 12 characters (the vault rule).')).toBeTruthy();
    expect(occurrences(container.textContent, /12 characters/g)).toBe(1);
    expect(occurrences(container.textContent, /Too short/g)).toBe(0);
    expect(screen.getByRole('alert').textContent).toBe(
      'The passphrase cannot be used yet: see the fields marked with a message below.',
    );
    // The summary sits above the fields it refers to, as it says.
    const field = screen.getByLabelText('Vault passphrase');
    expect(
      screen.getByRole('alert').compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(kp.calls).toEqual([]);
  });
});
