// Settings → Check the record. Any signed-in user, a reviewer included (it changes nothing), asks
// the vault to verify its audit chain (audit:verify): every event's hash and its link to the one
// before, and every record against the digest its latest event holds, so a row changed with the
// key but outside KP Desk shows here. A large vault takes seconds, so tasks:progress is polled
// meanwhile. "Check against a file" compares the chain with an anchor that left the vault (an
// audit head, a signed certificate PDF, a backup; issue 13): a rewrite with every hash
// recomputed passes the chain check but contradicts a later anchor.
// Certificate records must be kept unaltered for years (31 CFR 501.601: 10 years).
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useFormat } from '../format/use-format';
import { callApi } from '../shell/call-api';
import { AnchorCheckResult } from './AnchorCheckResult';
import { FormAlert } from '../shell/form/FormAlert';
import { TaskProgressBar } from '../shell/form/TaskProgressBar';
import { useTaskProgress } from '../shell/use-task-progress';
import { usePackageAccess } from '../audit-package/package-access';
import { ReadOnlyPackageNote } from '../audit-package/ReadOnlyPackageNote';
import { UnlockCheckSummary } from './UnlockCheckSummary';

type AuditReport = ChannelOutput<'audit:verify'>;
type Checked = { report: AuditReport; at: Date };
type AnchorReport = Extract<ChannelOutput<'audit:checkAnchors'>, { cancelled: false }>;
type AuditBreak = NonNullable<AuditReport['firstBreak']>;

const breakWords: Record<AuditBreak['kind'], string> = {
  hash: 'An audit event was altered after it was written.',
  link: 'An audit event was removed or put out of order.',
  entity: 'A record no longer matches what its latest audit event recorded.',
};

function BreakDetails({ found, at }: { found: AuditBreak | undefined; at: Date }) {
  const format = useFormat();
  return (
    <>
      <p className="form-alert__message">
        <strong>The record is not intact.</strong>{' '}
        {found === undefined ? 'The check did not say where.' : breakWords[found.kind]}
      </p>
      {found === undefined ? null : <p>{found.message}</p>}
      <dl className="details" aria-label="Where the record breaks">
        {found === undefined || found.seq === null ? null : (
          <>
            <dt>Audit event</dt>
            <dd>Number {String(found.seq)}</dd>
          </>
        )}
        {found?.entityType === undefined ? null : (
          <>
            <dt>Record</dt>
            <dd>
              {found.record ?? `${found.entityType.replace(/_/g, ' ')} ${found.entityId ?? ''}`}
              {/* The audit event's own type and key, for a reviewer who looks into the vault. */}
              {found.record === undefined ? null : (
                <small className="details__raw">
                  Audit entity: {found.entityType} {found.entityId ?? ''}
                </small>
              )}
            </dd>
          </>
        )}
        <dt>Checked at</dt>
        <dd>{format.moment(at)}</dd>
      </dl>
      <p>What to do now:</p>
      <ol>
        <li>Keep the vault as it is: do not try to repair or edit anything.</li>
        <li>Make a backup now (Backup, below), so this state is kept for whoever looks into it.</li>
        <li>Tell your administrator, and contact USKPA before you issue another certificate.</li>
      </ol>
    </>
  );
}

export function AuditVerifyPanel({ api }: { api: KpApi }) {
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [anchors, setAnchors] = useState<{
    report: AnchorReport;
    against: 'file' | 'stored-receipts';
  } | null>(null);
  const progress = useTaskProgress(api, busy);
  // A package's chain was verified from its own events when it was opened (the banner says so);
  // the core answers neither check for a package.
  const access = usePackageAccess();
  const refused = access.refusal('audit:verify') ?? access.refusal('audit:checkAnchors');
  const describedBy = refused === null ? undefined : 'check-record-refused';

  /**
   * Against a file that left the vault earlier (main's open dialog picks it), or against the
   * USKPA receipts stored in the vault: USKPA signed the audit head each one echoes.
   */
  async function checkAgainst(against: 'file' | 'stored-receipts') {
    setBusy(true);
    setError(null);
    setAnchors(null);
    const answer = await callApi(() =>
      api.audit.checkAnchors(against === 'file' ? {} : { storedReceipts: true }),
    );
    setBusy(false);
    if (!answer.ok) setError(answer.error);
    else if (!answer.value.cancelled) setAnchors({ report: answer.value, against });
  }

  async function check() {
    setBusy(true);
    setError(null);
    setChecked(null);
    const answer = await callApi(() => api.audit.verify({}));
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setChecked({ report: answer.value, at: new Date() });
  }

  const intact = checked !== null && checked.report.ok ? checked : null;
  const broken = checked !== null && !checked.report.ok ? checked : null;
  return (
    <section className="panel" aria-labelledby="settings-check-record">
      <h2 id="settings-check-record">Check the record</h2>
      <p>
        KP Desk links every change it makes into a chain of audit events. The check recomputes every
        event&apos;s hash and its link to the event before, and compares every record with what its
        latest event recorded, so a change made to the vault outside KP Desk shows here. The check
        changes no record; a clean check is itself recorded, so that each unlock then checks only
        what was written after it. Certificates can be issued while it runs.
      </p>
      <UnlockCheckSummary api={api} />
      <FormAlert
        error={error}
        success={
          intact === null
            ? null
            : `The record is intact: ${format.count(intact.report.eventsChecked)} events checked at ${format.moment(intact.at)}.`
        }
      />
      {/* Kept mounted, as FormAlert's regions are, so that a break found is announced at once. */}
      <div
        role="alert"
        className={broken === null ? 'form-alert--empty' : 'form-alert form-alert--error'}
      >
        {broken === null ? null : <BreakDetails found={broken.report.firstBreak} at={broken.at} />}
      </div>
      {busy ? <TaskProgressBar label="Record check progress" progress={progress} /> : null}
      {refused === null ? null : (
        <ReadOnlyPackageNote
          id="check-record-refused"
          reason={refused}
          instead="its audit chain was verified from the package's own events when it was opened (the checks are listed with the package)."
        />
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || access.refusal('audit:verify') !== null}
          aria-describedby={describedBy}
          onClick={() => void check()}
        >
          Check the record now
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || access.refusal('audit:checkAnchors') !== null}
          aria-describedby={describedBy}
          onClick={() => void checkAgainst('file')}
        >
          Check against a file…
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || access.refusal('audit:checkAnchors') !== null}
          aria-describedby={describedBy}
          onClick={() => void checkAgainst('stored-receipts')}
        >
          Check against stored USKPA receipts
        </button>
      </div>
      {anchors === null ? null : (
        <AnchorCheckResult report={anchors.report} against={anchors.against} />
      )}
    </section>
  );
}
