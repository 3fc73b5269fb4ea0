// @vitest-environment jsdom
// The shared form controls (renderer/src/shell/form/): each control is named by its label, its
// hint and its error are read with it (aria-describedby) and an error marks it invalid; the vault
// secret field shows the passphrase or the recovery key with the error at that field; a new
// passphrase shows its strength as typed and is refused when short or typed differently.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../../shared/errors';
import {
  CheckboxField,
  TextAreaField,
  TextField,
} from '../../../../renderer/src/shell/form/FormField';
import {
  NewPassphraseFields,
  newPassphraseProblems,
} from '../../../../renderer/src/shell/form/NewPassphraseFields';
import { SelectField } from '../../../../renderer/src/shell/form/SelectField';
import {
  keyErrorAtField,
  missingSecret,
  vaultSecretInput,
} from '../../../../renderer/src/shell/form/vault-secret';
import type { VaultSecretMode } from '../../../../renderer/src/shell/form/vault-secret';
import {
  SecretModeSwitch,
  VaultSecretField,
} from '../../../../renderer/src/shell/form/VaultSecretField';
import { UserNameFields } from '../../../../renderer/src/settings/UserNameFields';

afterEach(() => {
  cleanup();
});

/** The texts aria-describedby points at, in order. */
function description(element: HTMLElement): string[] {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`);
}

describe('labelled controls', () => {
  it('ties each kind of control to its label, hint and error', () => {
    render(
      <>
        <TextField label="Legal name" hint="As on the licence." error="Enter the legal name." />
        <TextAreaField label="Address" hint="Street and city." />
        <SelectField label="Role" error="Choose a role.">
          <option value="operator">Operator</option>
        </SelectField>
        <CheckboxField label="Common carrier" hint="Only if USKPA says so." />
      </>,
    );
    const name = screen.getByLabelText('Legal name');
    expect(description(name)).toEqual(['As on the licence.', 'Enter the legal name.']);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.className).toBe('control');

    const address = screen.getByLabelText('Address');
    expect(address.tagName).toBe('TEXTAREA');
    expect(description(address)).toEqual(['Street and city.']);
    expect(address.hasAttribute('aria-invalid')).toBe(false);

    const role = screen.getByLabelText('Role');
    expect(role.tagName).toBe('SELECT');
    expect(description(role)).toEqual(['Choose a role.']);
    expect(role.getAttribute('aria-invalid')).toBe('true');

    const carrier = screen.getByLabelText('Common carrier');
    expect(carrier.getAttribute('type')).toBe('checkbox');
    expect(description(carrier)).toEqual(['Only if USKPA says so.']);
  });

  it('keeps a given id and leaves aria-describedby out when there is nothing to read', () => {
    render(<TextField label="Seal" id="seal" />);
    const seal = screen.getByLabelText('Seal');
    expect(seal.id).toBe('seal');
    expect(seal.hasAttribute('aria-describedby')).toBe(false);
  });
});

function SecretHarness({ error }: { error: AppError | null }) {
  const [mode, setMode] = useState<VaultSecretMode>('passphrase');
  const [secret, setSecret] = useState('');
  return (
    <>
      <VaultSecretField
        mode={mode}
        value={secret}
        onValueChange={setSecret}
        error={error}
        passphrase={{ label: 'Vault passphrase', autoComplete: 'current-password' }}
        recoveryKeyHint="Starting with KPR-."
      />
      <SecretModeSwitch
        mode={mode}
        toRecoveryKey="I lost the passphrase: use the recovery key"
        onSwitch={(next) => {
          setMode(next);
          setSecret('');
        }}
      />
    </>
  );
}

describe('VaultSecretField', () => {
  it('shows the passphrase hidden, or the recovery key with its hint, and nothing carries over', async () => {
    const user = userEvent.setup();
    render(<SecretHarness error={null} />);
    const passphrase = screen.getByLabelText('Vault passphrase');
    expect(passphrase.getAttribute('type')).toBe('password');
    expect(passphrase.getAttribute('name')).toBe('passphrase');
    expect(passphrase.getAttribute('autocomplete')).toBe('current-password');
    await user.type(passphrase, 'typed so far');

    await user.click(
      screen.getByRole('button', { name: 'I lost the passphrase: use the recovery key' }),
    );
    const key = screen.getByLabelText<HTMLInputElement>('Recovery key');
    expect(key.getAttribute('type')).toBeNull();
    expect(key.getAttribute('name')).toBe('recoveryKey');
    expect(key.value).toBe('');
    expect(description(key)).toEqual(['Starting with KPR-.']);
    expect(screen.queryByLabelText('Vault passphrase')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Use the passphrase instead' }));
    expect(screen.getByLabelText<HTMLInputElement>('Vault passphrase').value).toBe('');
  });

  it('shows an error at the field of the mode it names', () => {
    const error = keyErrorAtField(
      { code: 'VAULT_KEY_INVALID', message: 'The passphrase is not correct.' },
      'passphrase',
    );
    render(<SecretHarness error={error} />);
    const passphrase = screen.getByLabelText('Vault passphrase');
    expect(passphrase.getAttribute('aria-invalid')).toBe('true');
    expect(description(passphrase)).toEqual(['The passphrase is not correct.']);
  });

  it('builds the channel input and the errors at the field', () => {
    expect(vaultSecretInput('passphrase', 'a b')).toEqual({ passphrase: 'a b' });
    expect(vaultSecretInput('recoveryKey', 'KPR-1')).toEqual({ recoveryKey: 'KPR-1' });
    expect(missingSecret('recoveryKey', 'Enter the recovery key.')).toEqual({
      code: 'INVALID_INPUT',
      message: 'Enter the recovery key.',
      fields: { recoveryKey: 'Enter the recovery key.' },
    });
    // Only a wrong key without field messages of its own is moved to the field.
    const other: AppError = { code: 'INTERNAL', message: 'Disk full.' };
    expect(keyErrorAtField(other, 'passphrase')).toBe(other);
    const withFields: AppError = {
      code: 'VAULT_KEY_INVALID',
      message: 'Wrong.',
      fields: { recoveryKey: 'Wrong key.' },
    };
    expect(keyErrorAtField(withFields, 'passphrase')).toBe(withFields);
  });
});

function PassphraseHarness({ error }: { error: AppError | null }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  return (
    <NewPassphraseFields
      passphrase={{
        label: 'New passphrase',
        name: 'newPassphrase',
        value: passphrase,
        onValueChange: setPassphrase,
      }}
      repeat={{ label: 'Type it again', name: 'repeat', value: repeat, onValueChange: setRepeat }}
      error={error}
    />
  );
}

describe('NewPassphraseFields', () => {
  it('shows the strength as it is typed, in the hint read with the field', async () => {
    const user = userEvent.setup();
    render(<PassphraseHarness error={null} />);
    const field = screen.getByLabelText('New passphrase');
    expect(field.getAttribute('autocomplete')).toBe('new-password');
    expect(screen.getByTestId('strength').textContent).toBe('');
    await user.type(field, 'short');
    expect(screen.getByTestId('strength').textContent).toContain('Too short: 5 of at least 12');
    await user.type(field, ' but now a long sentence');
    expect(description(field).join(' ')).toContain('Strong.');
  });

  it('refuses a short passphrase and a different repeat at the fields the caller names', () => {
    const entry = (name: string, value: string) => ({
      label: name,
      name,
      value,
      onValueChange: () => undefined,
    });
    expect(
      newPassphraseProblems({
        passphrase: entry('newPassphrase', 'short'),
        repeat: entry('repeat', 'other'),
      }),
    ).toEqual({
      newPassphrase: 'Use at least 12 characters (the vault rule).',
      repeat: 'The two passphrases differ. Type the same passphrase twice.',
    });
    expect(
      newPassphraseProblems({
        passphrase: entry('passphrase', 'correct horse battery staple'),
        repeat: entry('confirmation', 'correct horse battery staple'),
      }),
    ).toEqual({});
  });

  it('shows an error from the form at the repeat field', () => {
    render(
      <PassphraseHarness
        error={{ code: 'INVALID_INPUT', message: 'See below.', fields: { repeat: 'Differs.' } }}
      />,
    );
    expect(screen.getByLabelText('Type it again').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('New passphrase').hasAttribute('aria-invalid')).toBe(false);
  });
});

describe('UserNameFields', () => {
  it('lets the browser suggest only the user’s own name', () => {
    const props = {
      displayName: '',
      username: '',
      onValueChange: () => undefined,
      error: null,
    };
    render(<UserNameFields {...props} whose="own" />);
    expect(screen.getByLabelText('Full name').getAttribute('autocomplete')).toBe('name');
    expect(screen.getByLabelText('Username').getAttribute('autocomplete')).toBe('username');
    cleanup();
    render(<UserNameFields {...props} whose="another person" />);
    expect(screen.getByLabelText('Full name').getAttribute('autocomplete')).toBe('off');
    expect(screen.getByLabelText('Username').getAttribute('autocomplete')).toBe('off');
  });
});
