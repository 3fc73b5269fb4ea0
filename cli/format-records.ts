// The records list as a plain-text table for a terminal or a pipe: one line per certificate,
// names cut to fit the width (the --json output always carries them whole).
import type { CertificateSummary } from '../electron/core/vault/repositories/certificate-row';

const cut = (text: string, width: number): string =>
  text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;

export function formatRecords(
  items: readonly CertificateSummary[],
  more: boolean,
  columns: number,
): string {
  if (items.length === 0) return 'No certificate matches.\n';
  // Fixed columns: number 10, state 9, date 10, destination 2, ITN 15, and 6 gaps of 2.
  const nameWidth = Math.max(12, Math.floor((columns - 10 - 9 - 10 - 2 - 15 - 12) / 2));
  const header = [
    cut('NUMBER', 10),
    cut('STATE', 9),
    cut('ISSUED', 10),
    cut('EXPORTER', nameWidth),
    cut('CONSIGNEE', nameWidth),
    'TO',
    'ITN',
  ].join('  ');
  const lines = items.map((item) =>
    [
      cut(item.number, 10),
      cut(item.state, 9),
      cut(item.dateOfIssue ?? '', 10),
      cut(item.exporterName, nameWidth),
      cut(item.consigneeName, nameWidth),
      cut(item.destinationCountry, 2),
      item.itn ?? '',
    ]
      .join('  ')
      .trimEnd(),
  );
  const footer = more
    ? `${items.length} shown; more match: narrow the search or raise --limit.`
    : `${items.length} ${items.length === 1 ? 'certificate' : 'certificates'}.`;
  return `${header}\n${lines.join('\n')}\n${footer}\n`;
}
