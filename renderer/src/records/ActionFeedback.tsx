// What the vault answered when an action failed, announced at once (role="alert"). The message
// names the field and the rule (shared/errors.ts); the code is kept for support in
// data-error-code, not shown (issue 16: codes meant nothing to users).
import type { AppError } from '../../../shared/errors';

export function ActionFailure({ error }: { error: AppError | null }) {
  if (error === null) return null;
  return (
    <div className="notice notice--error" role="alert" data-error-code={error.code}>
      {error.message}
    </div>
  );
}

/** Today's date where the user is, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
