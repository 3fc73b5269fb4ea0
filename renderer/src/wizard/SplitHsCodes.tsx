// Several HS codes in one shipment: one certificate may carry only one (31 CFR 592.307(k);
// Census 2019 lists several codes on one certificate among the most common mistakes). The user
// ticks the other codes, and KP Desk starts a separate draft for each on the next blank forms,
// with the same parties, origin and dates; this certificate keeps its own code.
import { useState } from 'react';
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import { sources } from '../../../shared/domain/sources';
import type { KpApi } from '../../../shared/ipc/api';
import { hsCodes } from '../../../shared/reference/reference-data';
import { SourceCitation } from '../certificate/SourceCitation';
import { callApi } from '../shell/call-api';
import type { CertificateRecord } from './use-wizard-record';

type Props = {
  api: KpApi;
  draft: CertificateDraft;
  record: CertificateRecord | null;
  announce: (message: string) => void;
};

type Started = { code: string; number: string };

export function SplitHsCodes({ api, draft, record, announce }: Props) {
  const [several, setSeveral] = useState(false);
  const [others, setOthers] = useState<ReadonlySet<string>>(() => new Set());
  const [started, setStarted] = useState<Started[]>([]);
  const [busy, setBusy] = useState(false);
  const own = draft.hsCodes[0] ?? '';
  const candidates = hsCodes.filter((entry) => entry.code !== own);
  const pending = [...others].filter((code) => !started.some((s) => s.code === code));

  const startDrafts = async () => {
    setBusy(true);
    const made: Started[] = [];
    for (const code of pending) {
      const stock = await callApi(() => api.stock.summary({}));
      const number = stock.ok ? stock.value.nextAvailable : null;
      if (number === null) {
        announce(
          stock.ok
            ? 'No blank form is left in stock for the other HS codes. Register more forms first.'
            : stock.error.message,
        );
        break;
      }
      const copy: CertificateDraft = {
        ...draft,
        number,
        hsCodes: [code],
        parcels: '',
        carats: '',
        valueUsd: '',
        itn: '',
      };
      delete copy.aes;
      const created = await callApi(() => api.certificates.createDraft({ number, draft: copy }));
      if (!created.ok) {
        announce(`The draft for ${code} was not created: ${created.error.message}`);
        break;
      }
      made.push({ code, number: created.value.number });
    }
    setStarted((current) => [...current, ...made]);
    setBusy(false);
    if (made.length > 0)
      announce(
        `Started ${made.map((m) => `${m.number} for ${m.code}`).join(' and ')}. Find them under Records, state Draft.`,
      );
  };

  return (
    <div className="wizard__split">
      <div className="form-check">
        <input
          type="checkbox"
          id="several-hs-codes"
          className="form-check__box"
          checked={several}
          onChange={(event) => {
            setSeveral(event.target.checked);
          }}
        />
        <label htmlFor="several-hs-codes">
          This shipment also contains diamonds of another HS code
        </label>
      </div>
      {several && (
        <fieldset className="wizard__split-codes">
          <legend>
            One certificate per HS code. This one is for{' '}
            {own === '' ? 'the code chosen above' : own}; tick the other codes in the shipment:
          </legend>
          <SourceCitation source={sources.hsOnePerCertificate} />
          {candidates.map((entry) => {
            const id = `split-${entry.code}`;
            const done = started.find((s) => s.code === entry.code);
            return (
              <div key={entry.code} className="form-check">
                <input
                  type="checkbox"
                  id={id}
                  className="form-check__box"
                  disabled={done !== undefined}
                  checked={others.has(entry.code)}
                  onChange={(event) => {
                    const next = new Set(others);
                    if (event.target.checked) next.add(entry.code);
                    else next.delete(entry.code);
                    setOthers(next);
                  }}
                />
                <label htmlFor={id}>
                  {entry.code} · {entry.label}
                  {done === undefined ? '' : ` (draft ${done.number} started)`}
                </label>
              </div>
            );
          })}
          <button
            type="button"
            className="button"
            disabled={pending.length === 0 || busy || record === null}
            onClick={() => {
              void startDrafts();
            }}
          >
            {busy ? 'Starting…' : 'Start a separate certificate for each ticked code'}
          </button>
          {record === null && (
            <p className="field__hint">
              Save this certificate first (Save and continue), then start the others.
            </p>
          )}
        </fieldset>
      )}
    </div>
  );
}
