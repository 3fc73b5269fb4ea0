// Setting up the signing identity: generate a new key in the vault (self-signed, with a request to
// send to a certification authority), or import a PKCS#12 (.p12/.pfx) file chosen in main's open
// dialog with its password. The private key never leaves main.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { IdentitySummary } from '../../../shared/ipc/documents-contract';
import { callApi } from '../shell/call-api';
import { BusyNote } from '../shell/form/BusyNote';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { SelectField } from '../shell/form/SelectField';

type Props = {
  api: KpApi;
  onReady: (identity: IdentitySummary, csrPem: string | null) => void;
  /** 2 on a page of its own (first-run setup), 3 inside a Settings section. */
  headingLevel?: 2 | 3;
};

function Heading({ level, children }: { level: 2 | 3; children: string }) {
  return level === 2 ? <h2 className="form-heading">{children}</h2> : <h3>{children}</h3>;
}

type KeyType = 'ecdsa-p256' | 'rsa-3072' | 'rsa-2048';
const keyTypeOf = (value: string): KeyType =>
  value === 'rsa-3072' || value === 'rsa-2048' ? value : 'ecdsa-p256';

export function GenerateIdentityForm({ api, onReady, headingLevel = 3 }: Props) {
  const [signerName, setSignerName] = useState('');
  const [keyType, setKeyType] = useState<KeyType>('ecdsa-p256');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (signerName.trim() === '') {
      const rule = 'Enter the signer’s name: the person authorised to sign certificates.';
      setError({ code: 'INVALID_INPUT', message: rule, fields: { signerName: rule } });
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await callApi(() => api.identity.generate({ signerName, keyType }));
    setBusy(false);
    if (answer.ok) onReady(answer.value.identity, answer.value.certificationRequestPem);
    else setError(answer.error);
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Generate a signing identity"
    >
      {/* The summary comes before the fields it refers to ("marked below"), issue 16. */}
      <FormAlert error={error} />
      <Heading level={headingLevel}>Generate a new identity</Heading>
      <div className="field-grid">
        <TextField
          label="Signer’s name"
          name="signerName"
          autoComplete="name"
          value={signerName}
          onChange={(event) => {
            setSignerName(event.target.value);
          }}
          hint="The person authorised to sign certificates for the licensee; printed on each signed PDF."
          error={fieldError(error, 'signerName')}
        />
        <SelectField
          label="Key type"
          name="keyType"
          value={keyType}
          onChange={(event) => {
            setKeyType(keyTypeOf(event.target.value));
          }}
          hint="Elliptic curve P-256 is fast and accepted by Adobe Acrobat and the other PDF readers; choose RSA 3072 if your certification authority issues RSA certificates only."
        >
          <option value="ecdsa-p256">Elliptic curve P-256 (recommended)</option>
          <option value="rsa-3072">RSA 3072</option>
          <option value="rsa-2048">RSA 2048</option>
        </SelectField>
      </div>
      {busy ? <BusyNote label="Generating the key" /> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Generate the identity
        </button>
      </div>
    </form>
  );
}

export function ImportIdentityForm({ api, onReady, headingLevel = 3 }: Props) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<string | null>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNote(null);
    const answer = await callApi(() => api.identity.import({ password }));
    setBusy(false);
    if (!answer.ok) {
      setError(
        answer.error.code === 'IDENTITY_INVALID' && answer.error.fields === undefined
          ? { ...answer.error, fields: { password: answer.error.message } }
          : answer.error,
      );
      return;
    }
    if ('cancelled' in answer.value) {
      setNote('No file was chosen; nothing was imported.');
      return;
    }
    setPassword('');
    onReady(answer.value, null);
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Import a signing identity"
    >
      {/* The summary comes before the fields it refers to ("marked below"), issue 16. */}
      <FormAlert error={error} success={note} />
      <Heading level={headingLevel}>Import an identity you already have</Heading>
      <TextField
        label="Password of the .p12 / .pfx file"
        type="password"
        name="password"
        autoComplete="off"
        value={password}
        onChange={(event) => {
          setPassword(event.target.value);
        }}
        hint="After you press Import, KP Desk asks you to choose the file. The key is kept only inside the vault."
        error={fieldError(error, 'password')}
      />
      {busy ? <BusyNote label="Importing the identity" /> : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Choose the file and import
        </button>
      </div>
    </form>
  );
}
