// The one announcement per form: role=alert for an error (read at once), role=status for a
// success. Kept mounted and empty when there is nothing to say, so screen readers notice changes.
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
      <div role="alert" className={error ? 'form-alert form-alert--error' : 'form-alert--empty'}>
        {error ? (
          <>
            <p className="form-alert__message">{error.message}</p>
            {error.code === 'INVALID_INPUT' || error.code === 'INTERNAL' ? null : (
              <p className="form-alert__code">Code: {error.code}</p>
            )}
          </>
        ) : null}
      </div>
      <div role="status" className={success ? 'form-alert form-alert--ok' : 'form-alert--empty'}>
        {success ?? null}
      </div>
    </>
  );
}
