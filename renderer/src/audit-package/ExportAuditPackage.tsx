// "Export audit package…" (issue 14, part 3; docs/audit-package.md): the whole record, signed
// with the licensee's identity and encrypted under a passphrase of its own, for a USKPA reviewer
// or a US agency. Administrators and reviewers (the core refuses anyone else before the save
// dialog opens). The passphrase is typed twice, with its strength, and the warning that matters:
// it is not the vault passphrase, and nobody can recover it. The result names what the reviewer
// needs: the file, its size, the audit head it carries and the file's SHA-256, to be given to
// the reviewer over another channel than the file itself.
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { TextField } from '../shell/form/FormField';
import { NewPassphraseFields, newPassphraseProblems } from '../shell/form/NewPassphraseFields';
import { TaskProgressBar } from '../shell/form/TaskProgressBar';
import { useTaskProgress } from '../shell/use-task-progress';
import { usePackageAccess } from './package-access';
import { ReadOnlyPackageNote } from './ReadOnlyPackageNote';

type Written = Extract<ChannelOutput<'auditPackage:export'>, { cancelled: false }>;

const PERIOD = /^(\d{4}(Q[1-4])?|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/;

function fileName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}

function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}

function ExportResult({ written }: { written: Written }) {
  return (
    <section className="panel" aria-labelledby="package-written-title">
      <h2 id="package-written-title">Audit package written</h2>
      <dl className="review-summary">
        <dt>File</dt>
        <dd>{fileName(written.path)}</dd>
        <dt>Size</dt>
        <dd>
          {megabytes(written.bytes)} ({written.documents} stored documents)
        </dd>
        <dt>Audit head carried</dt>
        <dd>
          event {written.headSeq}, <code className="review-summary__hash">{written.headHash}</code>
        </dd>
        <dt>Signed by</dt>
        <dd>{written.signer}</dd>
        <dt>SHA-256 of the file</dt>
        <dd>
          <code className="review-summary__hash" data-testid="package-sha256">
            {written.sha256}
          </code>
        </dd>
      </dl>
      <p>
        Give the reviewer this SHA-256 and the passphrase over another channel than the file (by
        telephone or a separate letter): the SHA-256 shows the file arrived as written.
      </p>
    </section>
  );
}

export function ExportAuditPackage({ api }: { api: KpApi }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [period, setPeriod] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [written, setWritten] = useState<Written | null>(null);
  const [busy, setBusy] = useState(false);
  // Collapsed until asked for: a rare act, kept out of the way of the review it sits under.
  const [asked, setAsked] = useState(false);
  const progress = useTaskProgress(api, busy);
  // A package cannot be exported from a package (the core refuses it): its records are the
  // licensee's as signed, and only the licensee's own vault records an export.
  const refused = usePackageAccess().refusal('auditPackage:export');
  const entries = {
    passphrase: { label: 'Package passphrase', name: 'passphrase', value: passphrase },
    repeat: { label: 'Type the package passphrase again', name: 'repeat', value: repeat },
  };

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const problems = newPassphraseProblems({
      passphrase: { ...entries.passphrase, onValueChange: setPassphrase },
      repeat: { ...entries.repeat, onValueChange: setRepeat },
    });
    const trimmed = period.trim();
    if (trimmed !== '' && !PERIOD.test(trimmed))
      problems.period =
        'Write a year (2026), a quarter (2026Q3) or a range (2026-01-01..2026-06-30).';
    if (Object.keys(problems).length > 0) {
      setError({
        code: 'INVALID_INPUT',
        message: 'The package was not written: correct the fields marked below.',
        fields: problems,
      });
      return;
    }
    setBusy(true);
    setError(null);
    setWritten(null);
    const answer = await callApi(() =>
      api.auditPackage.export({ passphrase, ...(trimmed === '' ? {} : { period: trimmed }) }),
    );
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    if (answer.value.cancelled) return;
    setWritten(answer.value);
    setPassphrase('');
    setRepeat('');
  }

  return (
    <section className="panel" aria-labelledby="export-package-title">
      <h2 id="export-package-title">Audit package for a reviewer</h2>
      <p>
        One file with the whole record (every certificate, signed PDF, receipt and the audit chain),
        signed by the licensee&apos;s identity and encrypted, for a USKPA reviewer or a US agency.
        Administrators and reviewers may export it; the export is recorded in the audit log.
      </p>
      {refused === null ? null : (
        <ReadOnlyPackageNote
          id="export-package-refused"
          reason={refused}
          instead="only the licensee's own vault exports a package (and records the export); give the reviewer this package file as it is."
        />
      )}
      {asked ? null : (
        <button
          type="button"
          className="button"
          disabled={refused !== null}
          aria-describedby={refused === null ? undefined : 'export-package-refused'}
          onClick={() => {
            setAsked(true);
          }}
        >
          Export audit package…
        </button>
      )}
      {asked ? (
        <ExportForm
          {...{ entries, error, period, busy }}
          onSubmit={(event) => void submit(event)}
          setPassphrase={setPassphrase}
          setRepeat={setRepeat}
          setPeriod={setPeriod}
        />
      ) : null}
      {busy ? <TaskProgressBar label="Writing the audit package" progress={progress} /> : null}
      {asked ? <FormAlert error={error} /> : null}
      {written === null ? null : <ExportResult written={written} />}
    </section>
  );
}

type FormProps = {
  entries: {
    passphrase: { label: string; name: string; value: string };
    repeat: { label: string; name: string; value: string };
  };
  error: AppError | null;
  period: string;
  busy: boolean;
  onSubmit: (event: SyntheticEvent) => void;
  setPassphrase: (value: string) => void;
  setRepeat: (value: string) => void;
  setPeriod: (value: string) => void;
};

function ExportForm(props: FormProps) {
  const { entries, error, period, busy, setPassphrase, setRepeat, setPeriod } = props;
  return (
    <form onSubmit={props.onSubmit} noValidate aria-label="Export audit package">
      <p className="notice notice--warning" id="package-passphrase-warning">
        <strong>This is not the vault passphrase.</strong> Choose a new one for this package only:
        the reviewer needs it to open the file, and nobody, not even KP Desk, can recover it if it
        is lost.
      </p>
      <NewPassphraseFields
        passphrase={{ ...entries.passphrase, onValueChange: setPassphrase }}
        repeat={{ ...entries.repeat, onValueChange: setRepeat }}
        error={error}
      />
      <TextField
        label="Period to review (optional)"
        name="period"
        value={period}
        hint="A year (2026), a quarter (2026Q3) or a range (2026-01-01..2026-06-30). The package always holds the whole record; the period tells the reviewer where to look."
        error={error?.fields?.period}
        onChange={(event) => {
          setPeriod(event.target.value);
        }}
      />
      <button type="submit" className="button" disabled={busy}>
        Choose where to save…
      </button>
    </form>
  );
}
