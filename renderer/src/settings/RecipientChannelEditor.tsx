// One recipient in Settings → Recipients for an administrator (issue 12): the channel first
// (HTTPS with mutual TLS, e-mail over SMTP with STARTTLS, or manual: fax or Census's secure file
// transfer, confirmed by the user), then that channel's form. Each save is checked whole by the
// core, as the CLI's `kpdesk settings recipient` is; a refusal saves nothing.
import { useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type {
  SubmissionChannelKind,
  SubmissionRecipient,
} from '../../../shared/records/submission-recipient-settings';
import type { RecipientView } from '../../../shared/records/submission-views';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { MailRecipientForm } from './MailRecipientForm';
import { RecipientForm } from './RecipientForm';
import type { Recipients } from './recipient-words';
import { channelWords, recipientNames, recipientTitles } from './recipient-words';

type Props = {
  api: KpApi;
  recipient: SubmissionRecipient;
  saved: RecipientView | null;
  chosen: Recipients['chosen'];
  onSaved: (data: Recipients) => void;
};

const kinds: readonly SubmissionChannelKind[] = ['https', 'smtp', 'manual'];

export function RecipientChannelEditor({ api, recipient, saved, chosen, onSaved }: Props) {
  const groupName = useId();
  const [kind, setKind] = useState<SubmissionChannelKind>(
    (saved?.channel as SubmissionChannelKind | undefined) ?? 'https',
  );
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const name = recipientNames[recipient];

  const saveManual = async () => {
    setError(null);
    setNote(null);
    const answer = await callApi(() =>
      api.submissions.saveRecipientChannel({ recipient, channel: 'manual' }),
    );
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setNote(`Saved. Copies to ${name} wait in Submissions until you record how each one was sent.`);
    onSaved(answer.value);
  };

  return (
    <div className="recipient-channel">
      <fieldset>
        <legend>
          <strong>{recipientTitles[recipient]}</strong>: channel
        </legend>
        {kinds.map((value) => (
          <label key={value} className="form-check">
            <input
              type="radio"
              className="form-check__box"
              name={groupName}
              value={value}
              checked={kind === value}
              onChange={() => {
                setKind(value);
              }}
            />{' '}
            {channelWords[value]}
            {saved?.channel === value ? ' (saved)' : ''}
          </label>
        ))}
      </fieldset>
      {kind === 'https' ? (
        <RecipientForm
          api={api}
          recipient={recipient}
          saved={saved?.channel === 'https' ? saved : null}
          chosen={chosen}
          onSaved={onSaved}
        />
      ) : null}
      {kind === 'smtp' ? (
        <MailRecipientForm api={api} recipient={recipient} saved={saved} onSaved={onSaved} />
      ) : null}
      {kind === 'manual' ? (
        <div>
          <p>
            Nothing is sent by KP Desk: prepare each copy’s fax package from Submissions, send it by
            fax or Census’s secure file transfer, then record the confirmation. Until then the copy
            stays Pending with a reminder.
          </p>
          <FormAlert error={error} success={note} />
          <button
            type="button"
            className="button button--primary"
            onClick={() => void saveManual()}
          >
            Use manual delivery for {name}
          </button>
        </div>
      ) : null}
    </div>
  );
}
