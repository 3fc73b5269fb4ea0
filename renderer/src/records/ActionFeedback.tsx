// What the vault answered when an action failed, announced at once (role="alert"), with the code
// a support person asks for. The message already names the field and the rule (shared/errors.ts).
import type { AppError } from '../../../shared/errors';

export function ActionFailure({ error }: { error: AppError | null }) {
  if (error === null) return null;
  return (
    <div className="notice notice--error" role="alert">
      {error.message} <span className="records__code">({error.code})</span>
    </div>
  );
}

/** Today's date where the user is, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
