// The one announcement per form: role=alert for an error (read at once), role=status for a
// success. Kept mounted and empty when there is nothing to say, so screen readers notice changes.
// The error's code is for support and tests (data-error-code), never shown: a licensee reads the
// message, which names the field and the rule (issue 16: "Code: FORBIDDEN" meant nothing to users).
import type { AppError } from '../../../../shared/errors';

export function FormAlert({
  error,
  success,
}: {
  error?: AppError | null;
  success?: string | null;
}) {
  return (
    <>
      <div
        role="alert"
        className={error ? 'form-alert form-alert--error' : 'form-alert--empty'}
        data-error-code={error?.code}
      >
        {error ? <p className="form-alert__message">{error.message}</p> : null}
      </div>
      <div role="status" className={success ? 'form-alert form-alert--ok' : 'form-alert--empty'}>
        {success ?? null}
      </div>
    </>
  );
}
