// Ask for a correction of an issued certificate (certificates:requestEdit). An issued certificate
// is never edited silently: the proposed fields and the reason wait for a reviewer's or an
// administrator's decision, and the audit log keeps both. The proposal is checked again by the
// vault when it is decided.
import { useId, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import { fieldLabels } from '../certificate/field-labels';
import { callApi } from '../shell/call-api';
import { ActionFailure } from './ActionFeedback';
import { ActionForm, ActionNoteField } from './ActionField';
import type { ActionProps } from './ShipAction';

type EditableField =
  | 'consignee.name'
  | 'consignee.address'
  | 'exporter.name'
  | 'exporter.address'
  | 'destinationCountry'
  | 'countryOfOrigin'
  | 'carats'
  | 'valueUsd'
  | 'parcels'
  | 'dateOfExpiry'
  | 'exportDate'
  | 'itn';

const editable: readonly EditableField[] = [
  'consignee.name',
  'consignee.address',
  'exporter.name',
  'exporter.address',
  'destinationCountry',
  'countryOfOrigin',
  'carats',
  'valueUsd',
  'parcels',
  'dateOfExpiry',
  'exportDate',
  'itn',
];

const multiline = new Set<EditableField>(['consignee.address', 'exporter.address']);

function read(draft: CertificateDraft, field: EditableField): string {
  if (field === 'consignee.name') return draft.consignee.name;
  if (field === 'consignee.address') return draft.consignee.address;
  if (field === 'exporter.name') return draft.exporter.name;
  if (field === 'exporter.address') return draft.exporter.address;
  return draft[field];
}

function withChanges(
  draft: CertificateDraft,
  values: Readonly<Record<EditableField, string>>,
): CertificateDraft {
  return {
    ...draft,
    consignee: { name: values['consignee.name'], address: values['consignee.address'] },
    exporter: { name: values['exporter.name'], address: values['exporter.address'] },
    destinationCountry: values.destinationCountry,
    countryOfOrigin: values.countryOfOrigin,
    carats: values.carats,
    valueUsd: values.valueUsd,
    parcels: values.parcels,
    dateOfExpiry: values.dateOfExpiry,
    exportDate: values.exportDate,
    itn: values.itn,
  };
}

const initialValues = (draft: CertificateDraft) =>
  Object.fromEntries(editable.map((field) => [field, read(draft, field)])) as Record<
    EditableField,
    string
  >;

export function RequestCorrection({ api, record, onDone }: ActionProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(() => initialValues(record.draft));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; fields?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  if (!open)
    return (
      <div className="action-form">
        <h3>Request a correction</h3>
        <p className="field__hint">
          An issued certificate is never changed silently: a reviewer or an administrator decides
          each correction.
        </p>
        <div className="action-form__buttons">
          <button
            type="button"
            className="button"
            onClick={() => {
              setOpen(true);
            }}
          >
            Request a correction…
          </button>
        </div>
      </div>
    );

  const changed = editable.filter((field) => values[field] !== read(record.draft, field));

  const submit = async () => {
    const next: typeof errors = {};
    if (reason.trim() === '') next.reason = 'Explain why the certificate needs correcting.';
    if (changed.length === 0) next.fields = 'Change at least one field to propose a correction.';
    setErrors(next);
    setFailure(null);
    if (next.reason !== undefined || next.fields !== undefined) {
      document.getElementById(next.fields !== undefined ? `${id}-first` : `${id}-reason`)?.focus();
      return;
    }
    setBusy(true);
    const result = await callApi(() =>
      api.certificates.requestEdit({
        id: record.id,
        reason: reason.trim(),
        proposed: withChanges(record.draft, values),
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setOpen(false);
    setReason('');
    // The record itself is unchanged until the correction is approved.
    onDone(
      record,
      `Correction of ${record.number} requested (${changed.map((f) => fieldLabels[f]).join(', ')}). It waits for a reviewer's or an administrator's decision.`,
    );
  };

  return (
    <ActionForm
      titleId={`${id}-title`}
      title="Request a correction"
      onSubmit={() => {
        void submit();
      }}
    >
      <p className="field__hint">Change the fields that are wrong; the others stay as issued.</p>
      <div className="correction-fields">
        {editable.map((field, index) => {
          const inputId = index === 0 ? `${id}-first` : `${id}-${field}`;
          const common = {
            id: inputId,
            className: multiline.has(field) ? 'control control--multiline' : 'control',
            value: values[field],
            'aria-describedby': errors.fields === undefined ? undefined : `${id}-fields-error`,
            onChange: (event: { target: { value: string } }) => {
              setValues({ ...values, [field]: event.target.value });
            },
          };
          return (
            <div key={field} className="field">
              <label className="field__label" htmlFor={inputId}>
                {fieldLabels[field]}
              </label>
              {multiline.has(field) ? <textarea rows={3} {...common} /> : <input {...common} />}
            </div>
          );
        })}
      </div>
      {errors.fields === undefined ? null : (
        <span className="field-error" id={`${id}-fields-error`} role="alert">
          {errors.fields}
        </span>
      )}
      <ActionNoteField
        id={`${id}-reason`}
        label="Reason for the correction"
        error={errors.reason}
        rows={3}
        required
        value={reason}
        onValueChange={setReason}
      />
      <ActionFailure error={failure} />
      <div className="action-form__buttons">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Sending…' : 'Send the request'}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setOpen(false);
            setValues(initialValues(record.draft));
            setErrors({});
          }}
        >
          Cancel
        </button>
      </div>
    </ActionForm>
  );
}
