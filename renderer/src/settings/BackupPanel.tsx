// Settings → Backup. Any signed-in user backs up the vault to a file main's save dialog chooses
// (the renderer never names a path); tasks:progress is polled meanwhile. Export records and
// certificate copies must be kept for years (31 CFR 501.601: 10 years; 15 CFR 30.10 and
// 19 CFR 12.152: 5 years), so a copy away from this computer is the licensee's safeguard.
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { useFormat } from '../format/use-format';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { TaskProgressBar } from '../shell/form/TaskProgressBar';
import { useTaskProgress } from '../shell/use-task-progress';
import { usePackageAccess } from '../audit-package/package-access';
import { ReadOnlyPackageNote } from '../audit-package/ReadOnlyPackageNote';

type Outcome =
  { kind: 'cancelled' } | { kind: 'written'; path: string; bytes: number; createdAt: string };

export function BackupPanel({ api }: { api: KpApi }) {
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const progress = useTaskProgress(api, busy);
  // A backup is of this computer's vault; an audit package is kept as its own file.
  const refused = usePackageAccess().refusal('vault:backup');

  async function backUp() {
    setBusy(true);
    setError(null);
    setOutcome(null);
    const answer = await callApi(() => api.vault.backup({}));
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    const result = answer.value;
    setOutcome(
      result.cancelled
        ? { kind: 'cancelled' }
        : { kind: 'written', path: result.path, bytes: result.bytes, createdAt: result.createdAt },
    );
  }

  return (
    <section className="panel" aria-labelledby="settings-backup">
      <h2 id="settings-backup">Backup</h2>
      <p>
        The law asks you to keep your Kimberley Process certificates and export records for years:
        10 years under OFAC&apos;s record rule (31 CFR 501.601), and at least 5 years for export and
        customs records (15 CFR 30.10, 19 CFR 12.152). If this computer is lost, stolen or breaks,
        the vault goes with it. Back up regularly and keep the file somewhere else, such as an
        external drive or your company&apos;s file server.
      </p>
      <p>
        The backup file is encrypted like the vault: opening it needs the vault passphrase (or the
        recovery key) as it is today. Restoring is done from the unlock screen.
      </p>
      <FormAlert
        error={error}
        success={
          outcome === null
            ? null
            : outcome.kind === 'cancelled'
              ? 'Backup cancelled: no file was written.'
              : `The backup was written (${format.fileSize(outcome.bytes)}).`
        }
      />
      {outcome?.kind === 'written' ? (
        <dl className="backup-result" aria-label="The backup just made">
          <dt>Saved to</dt>
          <dd>
            <code style={{ overflowWrap: 'anywhere' }}>{outcome.path}</code>
          </dd>
          <dt>Size</dt>
          <dd>{format.fileSize(outcome.bytes)}</dd>
          <dt>Made at</dt>
          <dd>{format.timestamp(outcome.createdAt)}</dd>
        </dl>
      ) : null}
      {busy ? <TaskProgressBar label="Backup progress" progress={progress} /> : null}
      {refused === null ? null : (
        <ReadOnlyPackageNote
          id="backup-refused"
          reason={refused}
          instead="a backup is made of this computer's own vault; keep the package file itself instead."
        />
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || refused !== null}
          aria-describedby={refused === null ? undefined : 'backup-refused'}
          onClick={() => void backUp()}
        >
          Back up now
        </button>
      </div>
    </section>
  );
}
