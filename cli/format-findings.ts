// The human-readable output of `kpdesk validate`: one table row per finding, errors first, then
// a one-line verdict. --json output does not come through here (commands/validate.ts).
import type { Finding } from '../shared/domain/finding';
import type { ValidationReport } from '../shared/domain/validation-report';
import { wrapText } from './wrap-text';

const headers = ['SEVERITY', 'FIELD', 'CODE', 'MESSAGE', 'SOURCE'] as const;
const gap = '  ';
/**
 * Below these widths a wrapped message or citation becomes a column of fragments, so a terminal
 * too narrow for them gets one block per finding instead of the table (formatFindingBlocks).
 */
const minMessageWidth = 32;
const minSourceWidth = 20;
const blockIndent = '  ';

/**
 * The findings as a table wrapped to `width` columns (one block per finding when the terminal is
 * too narrow for a readable table); empty string when there are none.
 */
export function formatFindingsTable(findings: readonly Finding[], width: number): string {
  if (findings.length === 0) return '';
  // Errors first: they are what blocks issuance. The sort is stable, so rule order stays.
  const rows = [...findings].sort((a, b) => severityRank(a) - severityRank(b));
  const fixed = [
    columnWidth(
      headers[0],
      rows.map((f) => f.severity),
    ),
    columnWidth(
      headers[1],
      rows.map((f) => f.field),
    ),
    columnWidth(
      headers[2],
      rows.map((f) => f.code),
    ),
  ] as const;
  const free = width - fixed[0] - fixed[1] - fixed[2] - gap.length * 4;
  if (free < minMessageWidth + minSourceWidth) return formatFindingBlocks(rows, width);
  const sourceWidth = Math.min(
    columnWidth(
      headers[4],
      rows.map((f) => f.source),
    ),
    Math.max(minSourceWidth, Math.floor(free * 0.35)),
  );
  const messageWidth = Math.max(minMessageWidth, free - sourceWidth);
  const widths = [...fixed, messageWidth, sourceWidth];

  const lines = [
    renderRow(
      [...headers].map((h) => [h]),
      widths,
    ),
  ];
  for (const finding of rows) {
    lines.push(
      renderRow(
        [
          [finding.severity.toUpperCase()],
          [finding.field],
          [finding.code],
          wrapText(finding.message, messageWidth),
          wrapText(finding.source, sourceWidth),
        ],
        widths,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The narrow-terminal form: a line with severity, field and code, then the message and the
 * source indented below it, wrapped to the full width.
 */
function formatFindingBlocks(rows: readonly Finding[], width: number): string {
  const textWidth = Math.max(minMessageWidth, width - blockIndent.length);
  const indent = (lines: string[]) => lines.map((line) => `${blockIndent}${line}`);
  const blocks = rows.map((finding) =>
    [
      [finding.severity.toUpperCase(), finding.field, finding.code].join(gap),
      ...indent(wrapText(finding.message, textWidth)),
      ...indent(wrapText(`Source: ${finding.source}`, textWidth)),
    ].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}

/** "2 errors, 1 warning", or the all-clear naming the certificate. */
export function formatSummary(report: ValidationReport, certificateNumber: string): string {
  if (report.findings.length === 0) {
    const name = certificateNumber.trim() === '' ? 'the certificate' : certificateNumber.trim();
    return `No findings: ${name} meets the US rules.\n`;
  }
  return `${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')}\n`;
}

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function severityRank(finding: Finding): number {
  return finding.severity === 'error' ? 0 : 1;
}

function columnWidth(header: string, values: readonly string[]): number {
  return Math.max(header.length, ...values.map((value) => value.length));
}

/** One finding over as many lines as its longest wrapped cell; no trailing spaces. */
function renderRow(cells: readonly string[][], widths: readonly number[]): string {
  const height = Math.max(...cells.map((cell) => cell.length));
  const lines: string[] = [];
  for (let index = 0; index < height; index += 1) {
    const parts = cells.map((cell, column) => (cell[index] ?? '').padEnd(widths[column] ?? 0));
    lines.push(parts.join(gap).trimEnd());
  }
  return lines.join('\n');
}
