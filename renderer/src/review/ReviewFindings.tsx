// The review's findings grouped by severity (errors, then warnings, then information), each with
// the certificate it names as a link to the certificate's page, the code, the message, and the
// rule with its source. A finding about the vault or the stock book names no certificate.
import type { ReviewSeverity } from '../../../shared/review/review-codes';
import { reviewSeverities } from '../../../shared/review/review-codes';
import type { ReviewFinding } from '../../../shared/review/review-report';

const TITLES: Record<ReviewSeverity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'For information',
};

type Props = {
  findings: readonly ReviewFinding[];
  openCertificate: (id: number) => void;
};

function FindingItem({
  finding,
  openCertificate,
}: { finding: ReviewFinding } & Pick<Props, 'openCertificate'>) {
  const { certificateId, certificateNumber } = finding;
  return (
    <li className={`review-finding review-finding--${finding.severity}`} data-code={finding.code}>
      <p className="review-finding__head">
        {certificateId !== null && certificateNumber !== null ? (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              openCertificate(certificateId);
            }}
          >
            {certificateNumber}
          </button>
        ) : (
          <span>{certificateNumber ?? 'The vault'}</span>
        )}{' '}
        <code>{finding.code}</code>
      </p>
      <p className="review-finding__message">{finding.message}</p>
      <p className="review-finding__rule">
        {finding.rule}. Source: {finding.citation}.
      </p>
    </li>
  );
}

export function ReviewFindings({ findings, openCertificate }: Props) {
  if (findings.length === 0)
    return (
      <p className="review__clean" role="status">
        No finding: every check passed.
      </p>
    );
  return (
    <>
      {reviewSeverities.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        const id = `review-${severity}`;
        return (
          <section key={severity} className="panel" aria-labelledby={id}>
            <h2 id={id}>
              {TITLES[severity]} ({group.length})
            </h2>
            <ul className="review-findings">
              {group.map((finding, index) => (
                <FindingItem
                  key={`${finding.code}-${finding.certificateNumber ?? ''}-${String(index)}`}
                  finding={finding}
                  openCertificate={openCertificate}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
