// What "Check against a file" found (audit:checkAnchors; issue 13): for each anchor in the chosen
// file (an audit head, a signed certificate, a backup or a receipts export), or in the USKPA
// receipts stored in the vault, whether the vault's chain still holds
// the event it recorded, and, when the chain contradicts one, where the first differing event
// lies. A contradiction means the record was changed outside KP Desk after that anchor left it.
import type { AnchorCheck } from '../../../shared/ipc/audit-anchors-contract';

type Report = Extract<AnchorCheck, { cancelled: false }>;

const STATUS_WORDS: Record<Report['verdicts'][number]['status'], string> = {
  holds: 'Holds',
  contradicted: 'CONTRADICTS the record',
  'other-vault': 'From another vault (not compared)',
};

const KIND_WORDS: Record<Report['verdicts'][number]['kind'], string> = {
  'head-file': 'audit head',
  backup: 'backup',
  'signed-certificate': 'signed certificate',
  receipt: 'USKPA receipt',
};

export function AnchorCheckResult({
  report,
  against = 'file',
}: {
  report: Report;
  /** What was checked against: a chosen file, or the receipts stored in the vault. */
  against?: 'file' | 'stored-receipts';
}) {
  const contradicted = report.verdicts.some((verdict) => verdict.status === 'contradicted');
  const what = against === 'file' ? 'this file' : 'the USKPA receipts stored in the vault';
  return (
    <div
      role="status"
      aria-label={
        against === 'file'
          ? 'Result of the check against the file'
          : 'Result of the check against the stored receipts'
      }
    >
      <p>
        {contradicted ? (
          <strong>
            The record contradicts {what}: it was changed after {what} recorded its audit head.
          </strong>
        ) : report.verdicts.length === 0 ? (
          `Nothing to compare: ${what} held no audit head that counts as outside evidence (see below).`
        ) : report.ok ? (
          `The record agrees with ${what} (the chain ends at event ${String(report.vaultHeadSeq)}).`
        ) : (
          `${against === 'file' ? 'The file' : 'The stored receipts'} could not be used to check the record.`
        )}
      </p>
      <ul>
        {report.verdicts.map((verdict) => (
          <li key={`${verdict.source}-${String(verdict.seq)}`}>
            <strong>{STATUS_WORDS[verdict.status]}</strong>: {KIND_WORDS[verdict.kind]}{' '}
            {verdict.source}, event {String(verdict.seq)}. {verdict.message}
          </li>
        ))}
        {report.problems.map((problem) => (
          <li key={`problem-${problem.file}`}>
            Cannot read {problem.file}: {problem.reason}.
          </li>
        ))}
        {report.ignored.map((ignored) => (
          <li key={`ignored-${ignored.file}`}>
            Not an anchor: {ignored.file}: {ignored.reason}.
          </li>
        ))}
      </ul>
      {report.firstDifference === null ? null : <p>{report.firstDifference.message}</p>}
    </div>
  );
}
