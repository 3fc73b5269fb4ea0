// The wizard's two template buttons (issue 15, part 6) and what they say afterwards: "Start from
// a template…" while the certificate can still be edited, "Save as template…" always (an issued
// certificate's parties and route are the usual source of a template).
import { useState } from 'react';
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import type { KpApi } from '../../../shared/ipc/api';
import type { AppliedTemplate } from '../../../shared/templates/shipment-template';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import { StartFromTemplateDialog } from './StartFromTemplateDialog';

type Props = {
  api: KpApi;
  draft: CertificateDraft;
  canStart: boolean;
  /** Fills the draft; answers how many fields the template filled. */
  onApplied: (applied: AppliedTemplate) => number;
};

export function TemplateActions({ api, draft, canStart, onApplied }: Props) {
  const [open, setOpen] = useState<'save' | 'start' | null>(null);
  const [note, setNote] = useState('');
  const close = () => {
    setOpen(null);
  };
  return (
    <div className="wizard__templates">
      {canStart && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setOpen('start');
          }}
        >
          Start from a template…
        </button>
      )}
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          setOpen('save');
        }}
      >
        Save as template…
      </button>
      <p role="status" className="wizard__templates-note">
        {note}
      </p>
      {open === 'save' && (
        <SaveTemplateDialog
          api={api}
          draft={draft}
          onClose={close}
          onSaved={(template) => {
            setOpen(null);
            setNote(`Template “${template.name}” saved.`);
          }}
        />
      )}
      {open === 'start' && (
        <StartFromTemplateDialog
          api={api}
          onClose={close}
          onApplied={(applied) => {
            setOpen(null);
            const filled = onApplied(applied);
            setNote(
              filled === 0
                ? `Template “${applied.template.name}” filled nothing: every field it holds is already filled in this certificate.`
                : `Filled ${String(filled)} field${filled === 1 ? '' : 's'} from template “${applied.template.name}”. Fields you had typed were kept; each step checks them as usual.`,
            );
          }}
        />
      )}
    </div>
  );
}
