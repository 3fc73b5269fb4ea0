// The findings for one field, shown right below its input. The list's id is what the input's
// aria-describedby points at, so a screen reader reads the findings with the field. Each item
// carries data-field and data-code as stable hooks for tests.
import type { Finding } from '../../../shared/domain/finding';
import { SourceCitation } from './SourceCitation';

const severityLabel = { error: 'Error', warning: 'Warning' } as const;

export function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li
      className={`finding finding--${finding.severity}`}
      data-field={finding.field}
      data-code={finding.code}
      data-severity={finding.severity}
    >
      <span className="finding__severity">{severityLabel[finding.severity]}:</span>{' '}
      <span className="finding__message">{finding.message}</span>{' '}
      <SourceCitation source={finding.source} />
    </li>
  );
}

export function FindingList({ id, findings }: { id: string; findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul id={id} className="findings">
      {findings.map((finding) => (
        <FindingItem key={`${finding.code}:${finding.message}`} finding={finding} />
      ))}
    </ul>
  );
}
