// One recipient's HTTPS settings (RecipientsSection.tsx): the address, then each file through
// main's open dialog, then Save. Refusals appear next to the field they name.
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { SubmissionRecipient } from '../../../shared/records/submission-recipient-settings';
import type { RecipientFileField, RecipientView } from '../../../shared/records/submission-views';
import { formatTimestamp } from '../records/record-format';
import { callApi } from '../shell/call-api';
import { fieldError } from '../shell/form/field-errors';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import type { Recipients } from './recipient-words';
import { recipientTitles } from './recipient-words';

const fileLabels: Record<RecipientFileField, string> = {
  caPem: 'Recipient’s CA certificate (pinned)',
  clientCertPem: 'Your client certificate',
  clientKeyPem: 'Your client certificate’s private key',
};

type Props = {
  api: KpApi;
  recipient: SubmissionRecipient;
  saved: RecipientView | null;
  chosen: Recipients['chosen'];
  onSaved: (data: Recipients) => void;
};

function savedText(field: RecipientFileField, saved: RecipientView | null): string {
  if (saved === null) return 'None chosen.';
  if (field === 'caPem')
    return `Saved: ${saved.caSubject ?? '?'}, valid to ${formatTimestamp(saved.caValidTo)}.`;
  if (field === 'clientCertPem')
    return `Saved: ${saved.clientSubject ?? '?'}, valid to ${formatTimestamp(saved.clientValidTo)}.`;
  return 'Saved in the vault (never shown).';
}

export function RecipientForm({ api, recipient, saved, chosen, onSaved }: Props) {
  const [url, setUrl] = useState(saved?.url ?? '');
  const [files, setFiles] = useState(chosen);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const title = recipientTitles[recipient];
  const formId = `recipient-${recipient}`;

  const choose = async (field: RecipientFileField) => {
    setError(null);
    setNote(null);
    const answer = await callApi(() => api.submissions.chooseRecipientFile({ recipient, field }));
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    const value = answer.value;
    if ('cancelled' in value) return;
    setFiles((list) => [
      ...list.filter((file) => file.field !== field),
      { recipient, field: value.field, fileName: value.fileName, description: value.description },
    ]);
  };

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNote(null);
    const answer = await callApi(() => api.submissions.saveRecipient({ recipient, url }));
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setFiles([]);
    setNote(
      `Saved. Copies to ${recipient === 'census' ? 'Census' : 'USKPA'} are sent in the background.`,
    );
    onSaved(answer.value);
  };

  return (
    <form id={formId} aria-label={title} onSubmit={(event) => void save(event)} noValidate>
      {/* The summary comes before the fields it refers to ("marked below"), issue 16. */}
      <FormAlert error={error} success={note} />
      <h3>{title}</h3>
      <TextField
        label="Submission address (https://)"
        name="url"
        value={url}
        error={fieldError(error, 'url')}
        onChange={(event) => {
          setUrl(event.target.value);
        }}
      />
      {(['caPem', 'clientCertPem', 'clientKeyPem'] as const).map((field) => {
        const file = files.find((entry) => entry.field === field);
        const problem = fieldError(error, field);
        const describedBy = `${formId}-${field}`;
        return (
          <div key={field} className="recipient-form__file">
            <strong id={`${describedBy}-label`}>{fileLabels[field]}:</strong>
            <span id={describedBy}>
              {file === undefined
                ? savedText(field, saved)
                : `Chosen: ${file.fileName} (${file.description}).`}
            </span>
            <button
              type="button"
              className="button"
              aria-describedby={`${describedBy} ${describedBy}-error`}
              aria-label={`Choose file… ${fileLabels[field]}`}
              onClick={() => void choose(field)}
            >
              Choose file…
            </button>
            <p id={`${describedBy}-error`} className="recipient-form__error" data-field={field}>
              {problem ?? ''}
            </p>
          </div>
        );
      })}
      <button type="submit" className="button button--primary" disabled={busy}>
        Save {recipient === 'census' ? 'Census' : 'USKPA'} settings
      </button>
    </form>
  );
}
