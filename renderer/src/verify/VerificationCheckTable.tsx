// Each check the verifier made, one row each: what was checked, its status (an icon and a word,
// never colour alone) and what it means. Below 640 px the rows stack, so nothing scrolls sideways.
import type { CheckTone, VerificationCheck } from '../../../shared/documents/verification-words';

const icons: Record<CheckTone, string> = {
  passed: '✓',
  failed: '✕',
  'not established': '?',
  info: 'i',
};

/** Said before the status word when the status does not say it by itself. */
const toneWords: Record<CheckTone, string> = {
  passed: 'passed',
  failed: 'failed',
  'not established': 'not established',
  info: 'information',
};

function CheckStatus({ check }: { check: VerificationCheck }) {
  const spoken = check.status === toneWords[check.tone] ? null : `${toneWords[check.tone]}: `;
  return (
    <span className={`verify-status verify-status--${check.tone.replace(' ', '-')}`}>
      <span className="verify-status__icon" aria-hidden="true">
        {icons[check.tone]}
      </span>
      {spoken === null ? null : <span className="visually-hidden">{spoken}</span>}
      {check.status}
    </span>
  );
}

export function VerificationCheckTable({ checks }: { checks: readonly VerificationCheck[] }) {
  return (
    <table className="table verify-checks">
      <caption className="visually-hidden">Each check and its result</caption>
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Result</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((check) => (
          <tr
            key={check.id}
            className={`verify-checks__row verify-checks__row--${check.tone.replace(' ', '-')}`}
            data-check={check.id}
          >
            <th scope="row">{check.label}</th>
            <td>
              <CheckStatus check={check} />
            </td>
            <td>{check.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
