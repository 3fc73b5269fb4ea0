// Mark an issued certificate shipped. The ship date is checked as typed with the same lifecycle
// rule the vault applies (shared/domain/lifecycle.ts): not before the date of issue
// (31 CFR 592.307(d)) and not after the date of expiry (592.307(e)).
import { useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { parseIsoDate } from '../../../shared/domain/calendar-date';
import { transition } from '../../../shared/domain/lifecycle';
import { useFormat } from '../format/use-format';
import { callApi } from '../shell/call-api';
import { ActionFailure, localToday } from './ActionFeedback';
import { ActionField, ActionForm } from './ActionField';
import type { CertificateRecord } from './use-certificate-record';

type ActionProps = {
  api: KpApi;
  record: CertificateRecord;
  onDone: (record: CertificateRecord, message: string) => void;
};

export function ShipAction({ api, record, onDone }: ActionProps) {
  const id = useId();
  const format = useFormat();
  const planned = record.draft.exportDate;
  const [shipDate, setShipDate] = useState(() =>
    parseIsoDate(planned) === null ? localToday() : planned,
  );
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  const check = transition(record.state, {
    type: 'ship',
    shipDate,
    dateOfIssue: record.draft.dateOfIssue,
    dateOfExpiry: record.draft.dateOfExpiry,
  });
  const fieldError = check.ok ? null : `${check.error.message} (${check.error.source})`;

  const submit = async () => {
    setShowErrors(true);
    setFailure(null);
    if (fieldError !== null) {
      document.getElementById(`${id}-date`)?.focus();
      return;
    }
    setBusy(true);
    const result = await callApi(() => api.certificates.ship({ id: record.id, shipDate }));
    setBusy(false);
    if (result.ok)
      onDone(result.value, `${record.number} is marked shipped on ${format.date(shipDate)}.`);
    else setFailure(result.error);
  };

  const invalid = showErrors && fieldError !== null;
  return (
    <ActionForm
      titleId={`${id}-title`}
      title="Mark shipped"
      onSubmit={() => {
        void submit();
      }}
    >
      <ActionField
        id={`${id}-date`}
        label="Ship date"
        hint={`From the date of issue (${format.date(record.draft.dateOfIssue)}) to the date of expiry (${format.date(record.draft.dateOfExpiry)}).`}
        error={invalid ? fieldError : undefined}
      >
        {(control) => (
          <input
            {...control}
            className="control"
            type="date"
            required
            min={record.draft.dateOfIssue || undefined}
            max={record.draft.dateOfExpiry || undefined}
            value={shipDate}
            onChange={(event) => {
              setShipDate(event.target.value);
            }}
          />
        )}
      </ActionField>
      <ActionFailure error={failure} />
      <div className="action-form__buttons">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Recording…' : 'Mark shipped'}
        </button>
      </div>
    </ActionForm>
  );
}

export type { ActionProps };
