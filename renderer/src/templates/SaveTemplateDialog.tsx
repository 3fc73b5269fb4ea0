// "Save as template…" in the wizard (issue 15, part 6): names a template made of the draft's
// repeatable fields, with the port of exit and the carrier, which the certificate has no box
// for. The vault checks the name (unique regardless of case, no control characters) and that
// the exporter and consignee are address-book entries; each refusal shows at its field.
import { useState } from 'react';
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ShipmentTemplate } from '../../../shared/templates/shipment-template';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { ModalDialog } from './ModalDialog';
import { NOT_KEPT } from './template-words';
import './templates.css';

type Props = {
  api: KpApi;
  draft: CertificateDraft;
  onClose: () => void;
  onSaved: (template: ShipmentTemplate) => void;
};

const orNone = (text: string) => (text.trim() === '' ? '(none)' : text.trim());

export function SaveTemplateDialog({ api, draft, onClose, onSaved }: Props) {
  const [name, setName] = useState('');
  const [portOfExit, setPortOfExit] = useState('');
  const [carrier, setCarrier] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const hsCodes = draft.hsCodes.filter((code) => code.trim() !== '');

  const save = async () => {
    setBusy(true);
    const result = await callApi(() =>
      api.templates.save({
        name,
        exporter: draft.exporter,
        consignee: draft.consignee,
        countryOfOrigin: draft.countryOfOrigin,
        destinationCountry: draft.destinationCountry,
        hsCodes,
        portOfExit,
        carrier,
        usualParcels: draft.parcels.trim(),
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      if (result.error.fields?.name !== undefined)
        document.getElementById('template-name')?.focus();
      return;
    }
    onSaved(result.value);
  };

  const fieldError = (key: string) => error?.fields?.[key];
  return (
    <ModalDialog title="Save as template" onClose={onClose} busy={busy}>
      <form
        className="template-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <FormAlert error={error} />
        <TextField
          id="template-name"
          label="Template name"
          hint="Unique in this vault, e.g. “Antwerp weekly, 7102.31”."
          value={name}
          maxLength={80}
          autoComplete="off"
          error={fieldError('name')}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
        <p className="template-form__lead">Kept in the template:</p>
        <dl className="template-summary">
          <dt>Exporter</dt>
          <dd>{orNone(draft.exporter.name)}</dd>
          {fieldError('exporter') === undefined ? null : (
            <dd className="template-summary__error">{fieldError('exporter')}</dd>
          )}
          <dt>Consignee</dt>
          <dd>{orNone(draft.consignee.name)}</dd>
          {fieldError('consignee') === undefined ? null : (
            <dd className="template-summary__error">{fieldError('consignee')}</dd>
          )}
          <dt>Country of origin</dt>
          <dd>{orNone(draft.countryOfOrigin)}</dd>
          <dt>Destination</dt>
          <dd>{orNone(draft.destinationCountry)}</dd>
          <dt>HS code</dt>
          <dd>{orNone(hsCodes.join(', '))}</dd>
          <dt>Usual parcels</dt>
          <dd>{orNone(draft.parcels)}</dd>
        </dl>
        <TextField
          id="template-port"
          label="Port of exit (optional)"
          value={portOfExit}
          maxLength={120}
          error={fieldError('portOfExit')}
          onChange={(event) => {
            setPortOfExit(event.target.value);
          }}
        />
        <TextField
          id="template-carrier"
          label="Carrier (optional)"
          value={carrier}
          maxLength={120}
          error={fieldError('carrier')}
          onChange={(event) => {
            setCarrier(event.target.value);
          }}
        />
        <p className="template-form__note">{NOT_KEPT}</p>
        <div className="action-form__buttons">
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
            Save template
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
