// Mark an issued certificate shipped. The ship date is checked as typed with the same rules the
// vault applies: not before the date of issue (31 CFR 592.307(d)), not after the date of expiry
// (592.307(e)) (shared/domain/lifecycle.ts), and not after today, since it is the day the
// shipment leaves the United States (15 CFR 30.7(c); shared/domain/shipment-dates.ts). The vault
// decides on its own clock; a refusal it sends is shown at the field too.
import { useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { parseIsoDate } from '../../../shared/domain/calendar-date';
import { transition } from '../../../shared/domain/lifecycle';
import { checkShipDateNotFuture } from '../../../shared/domain/shipment-dates';
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
  const today = localToday();
  // The planned export date is offered once it has come; before that, today.
  const [shipDate, setShipDate] = useState(() =>
    parseIsoDate(planned) === null || planned > today ? today : planned,
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
  const future = checkShipDateNotFuture(shipDate, today);
  const fieldError = !check.ok
    ? `${check.error.message} (${check.error.source})`
    : future !== null
      ? `${future.fieldMessage} (${future.source})`
      : null;

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

  const vaultFieldError = failure?.fields?.shipDate;
  const shownError = showErrors && fieldError !== null ? fieldError : vaultFieldError;
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
        hint={`From the date of issue (${format.date(record.draft.dateOfIssue)}) to the date of expiry (${format.date(record.draft.dateOfExpiry)}), and not after today: the day the shipment leaves the United States.`}
        error={shownError}
      >
        {(control) => (
          <input
            {...control}
            className="control"
            type="date"
            required
            min={record.draft.dateOfIssue || undefined}
            max={
              record.draft.dateOfExpiry !== '' && record.draft.dateOfExpiry < today
                ? record.draft.dateOfExpiry
                : today
            }
            value={shipDate}
            onChange={(event) => {
              setShipDate(event.target.value);
            }}
          />
        )}
      </ActionField>
      {/* A refusal about the date is shown once, at the field. */}
      <ActionFailure error={vaultFieldError === undefined ? failure : null} />
      <div className="action-form__buttons">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Recording…' : 'Mark shipped'}
        </button>
      </div>
    </ActionForm>
  );
}

export type { ActionProps };
