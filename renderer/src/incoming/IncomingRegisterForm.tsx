// Registers a foreign certificate received on an import, typed from the paper. The rules
// (shared/incoming/check-incoming-certificate.ts) run as the licensee types and their refusals
// show at each field, naming the rule; the vault runs them again and decides. The scan is
// chosen afterwards in KP Desk's own open dialog (a PDF, PNG or JPEG).
import { useId, useMemo, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { checkIncomingCertificate } from '../../../shared/incoming/check-incoming-certificate';
import type { IncomingCertificateFields } from '../../../shared/incoming/incoming-certificate-input';
import { hsCodes } from '../../../shared/reference/reference-data';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { CheckboxField, TextAreaField, TextField } from '../shell/form/FormField';

type TextKey =
  | 'number'
  | 'exportingParticipant'
  | 'issuingAuthority'
  | 'dateOfIssue'
  | 'dateOfExpiry'
  | 'importerName'
  | 'importerAddress'
  | 'exporterName'
  | 'exporterAddress'
  | 'parcels'
  | 'carats'
  | 'valueUsd'
  | 'hsCodes'
  | 'origins'
  | 'portOfEntry'
  | 'dateOfEntry';

type Draft = Record<TextKey, string>;

const empty: Draft = {
  number: '',
  exportingParticipant: '',
  issuingAuthority: '',
  dateOfIssue: '',
  dateOfExpiry: '',
  importerName: '',
  importerAddress: '',
  exporterName: '',
  exporterAddress: '',
  parcels: '',
  carats: '',
  valueUsd: '',
  hsCodes: '',
  origins: '',
  portOfEntry: '',
  dateOfEntry: '',
};

/** The rules' field names (importer.name, ...) for this form's keys. */
const ruleField: Record<TextKey, string> = {
  ...(Object.fromEntries(Object.keys(empty).map((key) => [key, key])) as Record<TextKey, string>),
  importerName: 'importer.name',
  importerAddress: 'importer.address',
  exporterName: 'exporter.name',
  exporterAddress: 'exporter.address',
};

const list = (text: string) =>
  text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

export function toCertificate(draft: Draft): IncomingCertificateFields {
  return {
    number: draft.number,
    exportingParticipant: draft.exportingParticipant,
    issuingAuthority: draft.issuingAuthority,
    dateOfIssue: draft.dateOfIssue,
    dateOfExpiry: draft.dateOfExpiry,
    importer: { name: draft.importerName, address: draft.importerAddress },
    exporter: { name: draft.exporterName, address: draft.exporterAddress },
    parcels: draft.parcels,
    carats: draft.carats,
    valueUsd: draft.valueUsd,
    hsCodes: list(draft.hsCodes),
    origins: list(draft.origins),
    portOfEntry: draft.portOfEntry,
    dateOfEntry: draft.dateOfEntry,
  };
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function IncomingRegisterForm({
  api,
  onRegistered,
  onCancel,
}: {
  api: KpApi;
  onRegistered: (number: string) => void;
  onCancel: () => void;
}) {
  const headingId = useId();
  const [draft, setDraft] = useState<Draft>(empty);
  const [touched, setTouched] = useState<ReadonlySet<TextKey>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [withScan, setWithScan] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const check = useMemo(
    () => checkIncomingCertificate(toCertificate(draft), localToday()),
    [draft],
  );
  const ruleErrors: Record<string, string> = check.ok ? {} : check.fields;
  const serverErrors = error?.fields ?? {};
  const errorOf = (key: TextKey): string | undefined => {
    const field = ruleField[key];
    if (!submitted && !touched.has(key)) return undefined;
    return ruleErrors[field] ?? serverErrors[field];
  };
  const field = (key: TextKey) => ({
    value: draft[key],
    error: errorOf(key),
    onChange: (event: { target: { value: string } }) => {
      setDraft({ ...draft, [key]: event.target.value });
    },
    onBlur: () => {
      setTouched(new Set([...touched, key]));
    },
  });

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (!check.ok) {
      setError({
        code: 'INVALID_INPUT',
        message: `Fix ${String(Object.keys(check.fields).length)} field(s) first; nothing was registered.`,
      });
      return;
    }
    setBusy(true);
    const answer = await callApi(() =>
      api.incoming.register({ certificate: toCertificate(draft), withScan }),
    );
    setBusy(false);
    if (!answer.ok) setError(answer.error);
    else if (answer.value.cancelled) setError(null);
    else onRegistered(answer.value.record.number);
  };

  return (
    <section className="incoming-form" aria-labelledby={headingId}>
      <h1 id={headingId}>Register an incoming certificate</h1>
      <p className="records__note">
        A Kimberley Process certificate that came with an import. Type it as printed. Its copy goes
        to Census at once (31 CFR 592.301(a)(1)(iii)); the confirmation of receipt is owed to the
        exporting authority within 15 calendar days of entry.
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          void submit(event);
        }}
      >
        <FormAlert error={error} />
        <fieldset className="field-grid">
          <legend>The certificate</legend>
          <TextField
            label="Certificate number"
            hint="As printed, starting with the exporting Participant's ISO code, e.g. BW 012345."
            {...field('number')}
          />
          <TextField
            label="Exporting Participant (ISO code)"
            hint="e.g. BW; EU for the European Union."
            {...field('exportingParticipant')}
          />
          <TextField label="Issuing authority" {...field('issuingAuthority')} />
          <TextField label="Date of issue" hint="YYYY-MM-DD" {...field('dateOfIssue')} />
          <TextField label="Date of expiry" hint="YYYY-MM-DD" {...field('dateOfExpiry')} />
        </fieldset>
        <fieldset className="field-grid">
          <legend>Parties</legend>
          <TextField label="Importer (you)" {...field('importerName')} />
          <TextAreaField label="Importer address" rows={3} {...field('importerAddress')} />
          <TextField label="Exporter" {...field('exporterName')} />
          <TextAreaField label="Exporter address" rows={3} {...field('exporterAddress')} />
        </fieldset>
        <fieldset className="field-grid">
          <legend>Goods and entry</legend>
          <TextField label="Number of parcels" inputMode="numeric" {...field('parcels')} />
          <TextField label="Carats" inputMode="decimal" {...field('carats')} />
          <TextField label="Value in US$" inputMode="decimal" {...field('valueUsd')} />
          <TextField
            label="HS code(s)"
            hint={`Separated by commas: ${hsCodes.map((h) => h.code).join(', ')}.`}
            {...field('hsCodes')}
          />
          <TextField
            label="Origin(s)"
            hint="ISO codes separated by commas, or **** for mixed origin."
            {...field('origins')}
          />
          <TextField label="US port of entry" {...field('portOfEntry')} />
          <TextField label="Date of entry" hint="YYYY-MM-DD" {...field('dateOfEntry')} />
        </fieldset>
        <CheckboxField
          label="Attach the scan of the paper certificate next (PDF, PNG or JPEG)"
          checked={withScan}
          onChange={(event) => {
            setWithScan(event.target.checked);
          }}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Registering…' : 'Register'}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
