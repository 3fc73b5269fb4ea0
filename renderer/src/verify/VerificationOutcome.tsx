// The outcome of a verification, first and largest: an icon and a word (never colour alone), one
// sentence that says what was proven, what failed or what could not be established, and the ETSI
// EN 319 102-1 indication and sub-indication with what they mean. The words come from
// shared/documents/verification-words.ts, the same as `kpdesk verify` prints.
import type { VerificationHeadline } from '../../../shared/documents/verification-words';

const icons: Record<VerificationHeadline['tone'], string> = {
  passed: '✓',
  failed: '✕',
  indeterminate: '?',
};

type Props = { headline: VerificationHeadline; fileName: string; headingId: string };

export function VerificationOutcome({ headline, fileName, headingId }: Props) {
  const { subIndication } = headline;
  return (
    <div className={`verify-outcome verify-outcome--${headline.tone}`} data-testid="verify-outcome">
      <h2 id={headingId} className="verify-outcome__title">
        <span className="verify-outcome__icon" aria-hidden="true">
          {icons[headline.tone]}
        </span>
        <span className="verify-outcome__verdict">{headline.verdict}</span>
        <span className="visually-hidden">: </span>
        <span className="verify-outcome__file">{fileName}</span>
      </h2>
      <p className="verify-outcome__sentence">{headline.sentence}</p>
      <p className="verify-outcome__etsi">
        ETSI EN 319 102-1 outcome: <code>{headline.indication}</code>
        {subIndication === null ? null : (
          <>
            {' '}
            / <code>{subIndication.code}</code> ({subIndication.name})
          </>
        )}
      </p>
      {subIndication === null ? null : (
        <p className="verify-outcome__explanation">{subIndication.explanation}</p>
      )}
    </div>
  );
}
