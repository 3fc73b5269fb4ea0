// Settings → Audit head (administrators): the audit chain's head as one line (audit:head;
// docs/audit-anchors.md), to e-mail, print or file away outside the vault. Kept outside, it
// anchors the chain: a later rewrite of any event up to it, even with every hash recomputed by
// someone who holds the key, or the removal of events, contradicts it when the record is checked
// against it (kpdesk audit verify --anchors). Records must stay unaltered for 10 years
// (31 CFR 501.601).
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';

type Head = ChannelOutput<'audit:head'>;

export function AuditHeadPanel({ api }: { api: KpApi }) {
  const [head, setHead] = useState<Head | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  async function show() {
    setError(null);
    const answer = await callApi(() => api.audit.head({}));
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setHead(answer.value);
  }

  return (
    <section className="panel" aria-labelledby="settings-audit-head">
      <h2 id="settings-audit-head">Audit head</h2>
      <p>
        The head names the latest audit event and its hash in one line. E-mail it to yourself or to
        USKPA, or print it, now and then: kept outside this computer, it shows any later rewrite or
        removal of the record up to that event.
      </p>
      <FormAlert error={error} success={null} />
      {head === null ? null : (
        <>
          <label className="form-field__label" htmlFor="audit-head-line">
            Audit head at event {String(head.seq)}
          </label>
          <textarea
            id="audit-head-line"
            className="control control--multiline"
            readOnly
            rows={3}
            value={head.line}
          />
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void show()}>
          Show the audit head
        </button>
      </div>
    </section>
  );
}
