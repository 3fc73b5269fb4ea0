// One recipient's e-mail settings (issue 12): the mail server (smtp://host:port, STARTTLS always
// required), the address copies go to, the mail server's CA to pin (optional; otherwise the
// system's CAs), and the optional login. The password goes to the core once and never comes back:
// a saved one shows as "set", and an empty password field keeps it. The core refuses a bad
// setting (RECIPIENT_SETTINGS_INVALID) naming the field, shown next to it; nothing is saved.
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { SubmissionRecipient } from '../../../shared/records/submission-recipient-settings';
import type { RecipientView } from '../../../shared/records/submission-views';
import { formatTimestamp } from '../records/record-format';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import type { Recipients } from './recipient-words';
import { recipientNames, recipientTitles } from './recipient-words';

type Props = {
  api: KpApi;
  recipient: SubmissionRecipient;
  saved: RecipientView | null;
  onSaved: (data: Recipients) => void;
};

export function MailRecipientForm({ api, recipient, saved, onSaved }: Props) {
  const mail = saved?.channel === 'smtp' ? saved : null;
  const [url, setUrl] = useState(mail?.url ?? '');
  const [to, setTo] = useState(mail?.mailTo ?? '');
  const [username, setUsername] = useState(mail?.mailLogin ?? '');
  const [password, setPassword] = useState('');
  const [ca, setCa] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const title = recipientTitles[recipient];
  const name = recipientNames[recipient];
  const formId = `mail-recipient-${recipient}`;

  const chooseCa = async () => {
    setError(null);
    const answer = await callApi(() =>
      api.submissions.chooseRecipientFile({ recipient, field: 'caPem' }),
    );
    if (!answer.ok) setError(answer.error);
    else if (!('cancelled' in answer.value))
      setCa(`${answer.value.fileName} (${answer.value.description})`);
  };

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNote(null);
    const answer = await callApi(() =>
      api.submissions.saveRecipientChannel({
        recipient,
        channel: 'smtp',
        url,
        to,
        username,
        password,
      }),
    );
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setPassword('');
    setCa(null);
    setNote(`Saved. Copies to ${name} are e-mailed in the background.`);
    onSaved(answer.value);
  };

  const caText =
    ca !== null
      ? `Chosen: ${ca}.`
      : mail?.caSubject != null
        ? `Saved: ${mail.caSubject}, valid to ${formatTimestamp(mail.caValidTo)}.`
        : 'None: the system’s certification authorities are trusted.';
  const caProblem = fieldError(error, 'caPem');

  return (
    <form id={formId} aria-label={`${title}: e-mail`} onSubmit={(e) => void save(e)} noValidate>
      <TextField
        label="Mail server (smtp://host:port with STARTTLS, or smtps://host:port)"
        name="url"
        value={url}
        error={fieldError(error, 'url')}
        onChange={(event) => {
          setUrl(event.target.value);
        }}
      />
      <TextField
        label="Send the copies to (e-mail address)"
        name="to"
        type="email"
        value={to}
        error={fieldError(error, 'to')}
        onChange={(event) => {
          setTo(event.target.value);
        }}
      />
      <div className="recipient-form__file">
        <strong>Mail server’s CA certificate (optional, pinned):</strong>
        <span id={`${formId}-ca`}>{caText}</span>
        <button
          type="button"
          className="button"
          aria-describedby={`${formId}-ca`}
          onClick={() => void chooseCa()}
        >
          Choose file…
        </button>
        <p className="recipient-form__error" data-field="caPem">
          {caProblem ?? ''}
        </p>
      </div>
      <TextField
        label="Mail user name (optional)"
        name="username"
        autoComplete="off"
        value={username}
        error={fieldError(error, 'username')}
        onChange={(event) => {
          setUsername(event.target.value);
        }}
      />
      <TextField
        label="Mail password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={
          mail?.passwordSet === true
            ? 'Set (kept in the vault, never shown). Leave empty to keep it.'
            : 'Not set.'
        }
        value={password}
        error={fieldError(error, 'password')}
        onChange={(event) => {
          setPassword(event.target.value);
        }}
      />
      <FormAlert error={error} success={note} />
      <button type="submit" className="button button--primary" disabled={busy}>
        Save {name} e-mail settings
      </button>
    </form>
  );
}
