// "Start from a template…" in the wizard (issue 15, part 6): the saved templates, searched by
// name; choosing one asks the vault to apply it (a party gone from the address book is refused
// there, with the party named) and hands the fields to the wizard, which fills what the draft
// leaves empty and checks the certificate as usual.
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type {
  AppliedTemplate,
  ShipmentTemplate,
} from '../../../shared/templates/shipment-template';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { ModalDialog } from './ModalDialog';
import { matchesName, partyWords, routeWords } from './template-words';
import './templates.css';

type Props = {
  api: KpApi;
  onClose: () => void;
  onApplied: (applied: AppliedTemplate) => void;
};

export function StartFromTemplateDialog({ api, onClose, onApplied }: Props) {
  const [templates, setTemplates] = useState<ShipmentTemplate[] | null>(null);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void callApi(() => api.templates.list({})).then((result) => {
      if (!live) return;
      if (result.ok) setTemplates(result.value);
      else {
        setTemplates([]);
        setError(result.error);
      }
    });
    return () => {
      live = false;
    };
  }, [api]);

  const apply = async (template: ShipmentTemplate) => {
    setBusy(true);
    const result = await callApi(() => api.templates.apply({ name: template.name }));
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onApplied(result.value);
  };

  const shown = (templates ?? []).filter((template) => matchesName(template, search));
  return (
    <ModalDialog title="Start from a template" onClose={onClose} busy={busy}>
      <FormAlert error={error} />
      <TextField
        id="template-search"
        label="Search templates by name"
        type="search"
        value={search}
        autoComplete="off"
        onChange={(event) => {
          setSearch(event.target.value);
        }}
      />
      <p role="status" className="template-list__count">
        {templates === null
          ? 'Loading the templates…'
          : templates.length === 0
            ? 'No templates are saved yet. Fill in a certificate, then “Save as template…”.'
            : `${String(shown.length)} of ${String(templates.length)} template${templates.length === 1 ? '' : 's'}`}
      </p>
      <ul className="template-list">
        {shown.map((template) => (
          <li key={template.id} className="template-list__item">
            <div>
              <strong>{template.name}</strong>
              <span className="template-list__detail">
                {partyWords(template.exporter)} → {partyWords(template.consignee)}
              </span>
              <span className="template-list__detail">{routeWords(template)}</span>
            </div>
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              aria-label={`Use ${template.name}`}
              onClick={() => {
                void apply(template);
              }}
            >
              Use
            </button>
          </li>
        ))}
      </ul>
      <div className="action-form__buttons">
        <button type="button" className="button" disabled={busy} onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
