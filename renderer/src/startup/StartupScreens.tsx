// What the user sees before the form can work: while loading, when window.kp is missing (the
// page was opened outside KP Desk), and when the core answered the start-up calls with an error.
import type { AppError } from '../../../shared/errors';

export function LoadingScreen() {
  return (
    <main className="screen" aria-busy="true">
      <p role="status">Loading KP Desk…</p>
    </main>
  );
}

export function MissingBridgeScreen() {
  return (
    <main className="screen">
      <div className="screen__card" role="alert">
        <h1>KP Desk cannot start here</h1>
        <p>
          This page has no connection to KP Desk&apos;s core, so it cannot check or keep
          certificates.
        </p>
        <p>
          Open KP Desk from its application icon. When testing with <code>npm run preview</code>,
          open the full address it prints, including the part after <code>#token=</code>.
        </p>
      </div>
    </main>
  );
}

export function StartupFailedScreen({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  return (
    <main className="screen">
      {/* The code is for support and tests only (data-error-code): a licensee reads the message
          (issue 16: codes such as "Code: FORBIDDEN" meant nothing to users). */}
      <div className="screen__card" role="alert" data-error-code={error.code}>
        <h1>KP Desk could not start</h1>
        <p>{error.message}</p>
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    </main>
  );
}
