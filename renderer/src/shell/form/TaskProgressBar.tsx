// The progress of a backup, a restore or a record check: a labelled progressbar (aria-valuenow in
// percent) and a polite status line with the phase in plain words. Before main's first answer it
// says "Starting".
// The bar is exact; what screen readers hear (the status line and aria-valuetext) moves in steps of
// ten (task-percent.ts). The fill's width comes from a CSS custom property (app.css).
import type { CSSProperties } from 'react';
import type { TaskProgress } from '../../../../shared/records/task-progress';
import { announcedPercent, exactPercent } from '../task-percent';

const phaseWords: Record<TaskProgress['phase'], string> = {
  snapshot: 'Taking a consistent copy of the vault',
  write: 'Writing the backup file',
  verify: 'Checking the backup file is complete and unaltered',
  check: 'Checking the records in the backup',
  replace: 'Putting the restored vault in place',
  documents: 'Verifying each signed PDF against its record',
  records: 'Checking stock, ITNs, copies, reports and corrections',
  wrap: 'Sealing a new key under the passphrase and a new recovery key',
  rekey: 'Re-encrypting every page of the vault under the new key',
  record: 'Recording the re-encryption in the audit chain',
};

/** The review's 'verify' phase is its audit verification. */
const reviewVerify = 'Checking every audit event and record';

export function TaskProgressBar({
  label,
  progress,
}: {
  label: string;
  progress: TaskProgress | null;
}) {
  const percent = progress === null ? 0 : exactPercent(progress.done, progress.total);
  const said = `${String(announcedPercent(percent))} %`;
  // The record check (audit:verify) has one phase, 'verify', which means something else there.
  const phase =
    progress === null
      ? 'Starting'
      : progress.operation === 'audit' ||
          (progress.operation === 'review' && progress.phase === 'verify')
        ? reviewVerify
        : phaseWords[progress.phase];
  // Set through the element's style object, which the CSP (style-src 'self') allows.
  const fill = { '--task-progress': `${String(percent)}%` } as CSSProperties;
  return (
    <div className="busy">
      <div
        role="progressbar"
        className="task-progress"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${phase}: ${said}`}
        style={fill}
      >
        <div className="task-progress__fill" />
      </div>
      <span role="status" aria-live="polite">
        {phase} ({said})
      </span>
    </div>
  );
}
