// Renaming one template in its row of the Templates page: the vault refuses a name already taken
// (letter case ignored) or one with control characters, shown at the field; Escape cancels.
import { useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { ShipmentTemplate } from '../../../shared/templates/shipment-template';
import { callApi } from '../shell/call-api';
import { TextField } from '../shell/form/FormField';

type Props = {
  api: KpApi;
  template: ShipmentTemplate;
  onDone: (renamed: ShipmentTemplate | null) => void;
};

export function RenameTemplateForm({ api, template, onDone }: Props) {
  const [name, setName] = useState(template.name);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const rename = async () => {
    setBusy(true);
    const result = await callApi(() =>
      api.templates.rename({ name: template.name, newName: name }),
    );
    setBusy(false);
    if (result.ok) onDone(result.value);
    else
      setError(result.error.fields?.newName ?? result.error.fields?.name ?? result.error.message);
  };
  return (
    <form
      className="templates-page__rename"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void rename();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone(null);
      }}
    >
      <TextField
        id={`rename-${String(template.id)}`}
        label={`New name for ${template.name}`}
        value={name}
        maxLength={80}
        autoFocus
        error={error}
        onChange={(event) => {
          setName(event.target.value);
        }}
      />
      <button type="submit" className="button button--small button--primary" disabled={busy}>
        Save name
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() => {
          onDone(null);
        }}
      >
        Cancel
      </button>
    </form>
  );
}
