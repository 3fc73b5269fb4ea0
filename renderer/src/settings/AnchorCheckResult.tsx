// What "Check against a file" found (audit:checkAnchors; issue 13): for each anchor in the chosen
// file (an audit head, a signed certificate or a backup), whether the vault's chain still holds
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
};

export function AnchorCheckResult({ report }: { report: Report }) {
  const contradicted = report.verdicts.some((verdict) => verdict.status === 'contradicted');
  return (
    <div role="status" aria-label="Result of the check against the file">
      <p>
        {contradicted ? (
          <strong>The record contradicts this file: it was changed after the file left it.</strong>
        ) : report.ok ? (
          `The record agrees with this file (the chain ends at event ${String(report.vaultHeadSeq)}).`
        ) : (
          'The file could not be used to check the record.'
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
