// The verifier's answer as text for a person at a terminal: the verdict and the ETSI EN 319 102-1
// indication on the first line, the summary, then one line per question with its own status, so
// "not established" is never hidden behind a single verdict. `--json` prints the same data.
// "Valid" and "genuine" appear only when the indication is TOTAL-PASSED (the summary says so).
import type { DocumentVerification } from '../shared/ipc/documents-contract';
import { wrapText } from './wrap-text';

const line = (label: string, status: string, message: string): string =>
  `  ${`${label}:`.padEnd(22)} ${status.padEnd(22)} ${message}`.trimEnd();

function headline(verification: DocumentVerification): string {
  const { result } = verification;
  const indication =
    result.subIndication === null
      ? result.indication
      : `${result.indication} / ${result.subIndication}`;
  return `${verification.fileName}: ${result.verdict} (${indication})`;
}

export function formatVerification(verification: DocumentVerification): string {
  const { result, vault } = verification;
  const lines = [headline(verification), ...wrapText(result.summary, 96).map((t) => `  ${t}`)];
  if (result.rejected !== null) {
    lines.push(`  SHA-256: ${verification.sha256}`);
    return `${lines.join('\n')}\n`;
  }
  const signer = result.signer;
  const timestamp = result.timestamp;
  lines.push(
    '',
    line('file structure', result.structure.status, result.structure.message),
    line('signature', result.integrity.status, result.integrity.message),
    line(
      'changed after signing',
      result.modifiedAfterSigning.status,
      result.modifiedAfterSigning.appendedBytes > 0
        ? `${String(result.modifiedAfterSigning.appendedBytes)} bytes after the signed revision`
        : '',
    ),
    line(
      'signer',
      signer.status,
      signer.subject === null
        ? ''
        : `${signer.subject}${signer.selfSigned === true ? ' (self-signed)' : ''}, claims to have signed ${signer.signingTime ?? 'at an unknown time'}`,
    ),
    line('signer may sign', signer.keyUsageFit, ''),
    line('signature level', result.level ?? 'none', ''),
    line(
      'time-stamp',
      timestamp.status,
      timestamp.time === null
        ? timestamp.message
        : `${timestamp.time} by ${timestamp.authority ?? 'an unnamed authority'}`,
    ),
    line('trust chain', result.chain.status, result.chain.message),
    line('revocation', result.revocation.status, result.revocation.message),
    line('seal', result.seal.status, result.seal.message),
    line('page against seal', result.pageBinding.status, result.pageBinding.message),
    line('document', result.documentKind, ''),
    line('vault record', result.record.status, result.record.message),
    line('void status', result.voidStatus.status, result.voidStatus.message),
  );
  for (const mismatch of result.record.mismatches)
    lines.push(`    ${mismatch.field}: sealed "${mismatch.sealed}", vault "${mismatch.record}"`);
  if (signer.fingerprintSha256 !== null)
    lines.push(`  signer fingerprint: ${signer.fingerprintSha256}`);
  if (vault !== null)
    lines.push(
      `  in the vault: ${vault.number} (${vault.state.toLowerCase()})${vault.storedDocument === null ? '' : `, this file is its signed ${vault.storedDocument === 'void' ? 'VOID copy' : 'PDF'}`}`,
    );
  lines.push(`  SHA-256 of the whole file: ${verification.sha256}`);
  return `${lines.join('\n')}\n`;
}
