// The whole verification as plain text, for `kpdesk verify` (cli/format-verification.ts can
// return this as it is) and anyone who pastes an outcome into an e-mail: the same headline,
// ETSI codes, checks and record line as the app's screen, from the same words
// (verification-words.ts). One line per check, led by its tone in capitals when it failed, so a
// failure stands out without colour.
import type { DocumentVerification } from '../ipc/documents-contract';
import type { CheckTone } from './verification-checks';
import {
  headlineText,
  indicationLine,
  recordMismatchLines,
  vaultRecordLine,
  verificationChecks,
  verificationHeadline,
} from './verification-words';

const marks: Record<CheckTone, string> = {
  passed: 'passed',
  failed: 'FAILED',
  'not established': 'not established',
  info: 'info',
};
const MARK_WIDTH = Math.max(...Object.values(marks).map((mark) => mark.length));

/** The lines of the report, without line ends. */
export function verificationReportLines(verification: DocumentVerification): string[] {
  const headline = verificationHeadline(verification);
  const lines = [
    `${verification.fileName}: ${headlineText(verification)}`,
    `  ETSI EN 319 102-1: ${indicationLine(verification)}`,
  ];
  if (headline.subIndication !== null) lines.push(`  ${headline.subIndication.explanation}`);
  if (verification.result.rejected === null)
    for (const check of verificationChecks(verification))
      lines.push(
        `  ${marks[check.tone].padEnd(MARK_WIDTH)}  ${check.label}: ${check.status}${check.message === '' ? '' : ` — ${check.message}`}`,
      );
  for (const mismatch of recordMismatchLines(verification)) lines.push(`    ${mismatch}`);
  // Without a vault record the "Vault record" check above says why (no vault, no match).
  const record = vaultRecordLine(verification);
  if (record !== null) lines.push(`  in this vault: ${record}`);
  lines.push(`  SHA-256: ${verification.sha256}`);
  return lines;
}

/** The report as text with a final line end, as a terminal prints it. */
export function verificationReport(verification: DocumentVerification): string {
  return `${verificationReportLines(verification).join('\n')}\n`;
}
