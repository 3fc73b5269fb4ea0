// The Templates page (issue 15, part 6): every saved template for repeat shipments, searched by
// name, with what it fills in. Operators and administrators rename and delete; reviewers read.
// A template whose exporter or consignee left the address book says so in its row.
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ShipmentTemplate } from '../../../shared/templates/shipment-template';
import type { ScreenProps } from '../navigation';
import { ConfirmDialog } from '../records/ConfirmDialog';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { canWriteRecords } from '../shell/permissions';
import { matchesName, partyWords, routeWords } from './template-words';
import { RenameTemplateForm } from './RenameTemplateForm';
import './templates.css';

export function TemplatesScreen({ api, user, navigate }: ScreenProps & { api: KpApi }) {
  const [templates, setTemplates] = useState<ShipmentTemplate[] | null>(null);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ShipmentTemplate | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const writer = canWriteRecords(user.role);

  useEffect(() => {
    let live = true;
    void callApi(() => api.templates.list({})).then((result) => {
      if (!live) return;
      if (result.ok) setTemplates(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api, version]);
  const reload = useCallback(() => {
    setVersion((n) => n + 1);
  }, []);

  const remove = async (template: ShipmentTemplate) => {
    setBusy(true);
    const result = await callApi(() => api.templates.delete({ name: template.name }));
    setBusy(false);
    setDeleting(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setSuccess(`Template “${result.value.deleted}” deleted.`);
    reload();
  };

  const shown = (templates ?? []).filter((template) => matchesName(template, search));
  return (
    <section className="templates-page" aria-labelledby="templates-title">
      <h1 id="templates-title">Shipment templates</h1>
      <p>
        A template keeps what repeats from one shipment to the next: the exporter and consignee from
        your address book, the country of origin, the destination, the HS code, the port of exit,
        the carrier and the usual number of parcels. Never the number, dates, ITN, AES licence,
        carats or value.{' '}
        {writer
          ? 'Save one from the certificate wizard (“Save as template…”), and start a new certificate from it there.'
          : 'As a reviewer you can read the templates; operators and administrators keep them.'}
      </p>
      {writer && (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              navigate({ screen: 'wizard' });
            }}
          >
            New certificate
          </button>
        </p>
      )}
      <FormAlert error={error} success={success} />
      <TextField
        id="templates-search"
        label="Search by name"
        type="search"
        value={search}
        autoComplete="off"
        onChange={(event) => {
          setSearch(event.target.value);
        }}
      />
      {templates === null ? (
        <p role="status">Loading the templates…</p>
      ) : templates.length === 0 ? (
        <p>No templates are saved yet.</p>
      ) : (
        <table>
          <caption className="visually-hidden">
            {`${String(shown.length)} of ${String(templates.length)} templates`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Exporter</th>
              <th scope="col">Consignee</th>
              <th scope="col">Goods and route</th>
              <th scope="col">Port of exit</th>
              <th scope="col">Carrier</th>
              <th scope="col">Saved by</th>
              {writer && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((template) => (
              <tr key={template.id}>
                <th scope="row">{template.name}</th>
                <td>{partyWords(template.exporter)}</td>
                <td>{partyWords(template.consignee)}</td>
                <td>{routeWords(template) || '—'}</td>
                <td>{template.portOfExit || '—'}</td>
                <td>{template.carrier || '—'}</td>
                <td>
                  {template.createdBy}, {template.createdAt.slice(0, 10)}
                </td>
                {writer && (
                  <td>
                    {renaming === template.name ? (
                      <RenameTemplateForm
                        api={api}
                        template={template}
                        onDone={(renamed) => {
                          setRenaming(null);
                          if (renamed !== null) {
                            setError(null);
                            setSuccess(`Template renamed to “${renamed.name}”.`);
                            reload();
                          }
                        }}
                      />
                    ) : (
                      <div className="action-form__buttons">
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={`Rename ${template.name}`}
                          onClick={() => {
                            setRenaming(template.name);
                          }}
                        >
                          Rename
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={`Delete ${template.name}`}
                          onClick={() => {
                            setDeleting(template);
                          }}
                        >
                          Delete
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting !== null && (
        <ConfirmDialog
          title={`Delete template “${deleting.name}”?`}
          confirmLabel="Delete template"
          cancelLabel="Keep it"
          busy={busy}
          onConfirm={() => {
            void remove(deleting);
          }}
          onCancel={() => {
            setDeleting(null);
          }}
        >
          <p>
            Certificates made from it keep their values; the deletion is recorded in the audit log.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
