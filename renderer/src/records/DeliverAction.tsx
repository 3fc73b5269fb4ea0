// Mark a shipped certificate delivered, and say whether the importing country's authority
// confirmed the import (the KP receipt; domain.md, "Duties").
import { useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { callApi } from '../shell/call-api';
import { ActionFailure } from './ActionFeedback';
import { ActionForm } from './ActionField';
import type { ActionProps } from './ShipAction';

export function DeliverAction({ api, record, onDone }: ActionProps) {
  const id = useId();
  const [importConfirmed, setImportConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  const submit = async () => {
    setFailure(null);
    setBusy(true);
    const result = await callApi(() =>
      api.certificates.deliver({ id: record.id, importConfirmed }),
    );
    setBusy(false);
    if (result.ok)
      onDone(
        result.value,
        `${record.number} is marked delivered${importConfirmed ? ', import confirmed' : ''}.`,
      );
    else setFailure(result.error);
  };

  return (
    <ActionForm
      titleId={`${id}-title`}
      title="Mark delivered"
      onSubmit={() => {
        void submit();
      }}
    >
      <div className="checkbox">
        <input
          id={`${id}-confirmed`}
          type="checkbox"
          checked={importConfirmed}
          onChange={(event) => {
            setImportConfirmed(event.target.checked);
          }}
        />
        <label htmlFor={`${id}-confirmed`}>
          The importing authority confirmed receipt (KP import confirmation)
        </label>
      </div>
      <ActionFailure error={failure} />
      <div className="action-form__buttons">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Recording…' : 'Mark delivered'}
        </button>
      </div>
    </ActionForm>
  );
}
