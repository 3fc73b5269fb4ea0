// Progress for a task that may take longer than a second (scrypt, backup, a large registration).
// With done/total it is a determinate bar; without, an indeterminate one with a plain sentence.
// The bar is exact; the announced percent moves in steps of ten (task-percent.ts).
import { announcedPercent, exactPercent } from '../task-percent';

export function BusyNote({
  label,
  done,
  total,
}: {
  label: string;
  done?: number | undefined;
  total?: number | undefined;
}) {
  const known = done !== undefined && total !== undefined && total > 0;
  return (
    <div className="busy" role="status">
      <progress
        className="busy__bar"
        aria-label={label}
        {...(known ? { value: done, max: total } : {})}
      />
      <span>
        {label}
        {known ? ` (${String(announcedPercent(exactPercent(done, total)))} %)` : '…'}
      </span>
    </div>
  );
}
