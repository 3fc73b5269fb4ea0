// The progress of a backup or restore: a labelled progressbar (aria-valuenow in percent) and a
// polite status line with the phase in plain words. Before main's first answer it says "Starting".
import type { TaskProgress } from '../../../../shared/records/task-progress';

const phaseWords: Record<TaskProgress['phase'], string> = {
  snapshot: 'Taking a consistent copy of the vault',
  write: 'Writing the backup file',
  verify: 'Checking the backup file is complete and unaltered',
  check: 'Checking the records in the backup',
  replace: 'Putting the restored vault in place',
};

export function TaskProgressBar({
  label,
  progress,
}: {
  label: string;
  progress: TaskProgress | null;
}) {
  const percent =
    progress === null || progress.total === 0
      ? 0
      : Math.min(100, Math.round((progress.done / progress.total) * 100));
  const phase = progress === null ? 'Starting' : phaseWords[progress.phase];
  return (
    <div className="busy">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${phase}: ${String(percent)} %`}
        style={{
          width: 160,
          height: 10,
          border: '1px solid currentColor',
          borderRadius: 5,
          overflow: 'hidden',
        }}
      >
        <div style={{ width: `${String(percent)}%`, height: '100%', background: 'var(--brand)' }} />
      </div>
      <span role="status" aria-live="polite">
        {phase} ({String(percent)} %)
      </span>
    </div>
  );
}
