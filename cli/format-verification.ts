// The verifier's answer as text for a person at a terminal: one line for the whole, then one
// line per question, each with its own status, so "not established" is never hidden behind a
// single verdict. `--json` prints the same data unformatted.
import type { DocumentVerification } from '../shared/ipc/documents-contract';

const VERDICT: Record<DocumentVerification['result']['overall'], string> = {
  valid: 'VALID: signature and seal are genuine and nothing was changed',
  invalid: 'INVALID: see the checks below',
  incomplete: 'NOT SHOWN VALID: some checks could not be made (see below)',
  rejected: 'REJECTED: not checked',
};

const line = (label: string, status: string, message: string): string =>
  `  ${`${label}:`.padEnd(22)} ${status.padEnd(16)} ${message}`;

export function formatVerification(verification: DocumentVerification): string {
  const { result, vault } = verification;
  const lines = [`${verification.fileName}: ${VERDICT[result.overall]}`];
  if (result.rejected !== null) {
    lines.push(`  ${result.rejected.message}`);
    return `${lines.join('\n')}\n`;
  }
  const signer = result.signer;
  lines.push(
    line('file structure', result.structure.status, result.structure.message),
    line('signature', result.integrity.status, result.integrity.message),
    line(
      'changed after signing',
      result.modifiedAfterSigning.status,
      result.modifiedAfterSigning.appendedBytes > 0
        ? `${String(result.modifiedAfterSigning.appendedBytes)} bytes added after signing`
        : '',
    ),
    line(
      'signer',
      signer.status,
      signer.subject === null
        ? ''
        : `${signer.subject}${signer.selfSigned === true ? ' (self-signed)' : ''}, signed ${signer.signingTime ?? 'at an unknown time'}`,
    ),
    line('trust chain', result.chain.status, result.chain.message),
    line('seal', result.seal.status, result.seal.message),
    line('vault record', result.record.status, result.record.message),
    line('revocation', result.revocation.status, result.revocation.message),
  );
  for (const mismatch of result.record.mismatches)
    lines.push(`    ${mismatch.field}: sealed "${mismatch.sealed}", vault "${mismatch.record}"`);
  if (signer.fingerprintSha256 !== null)
    lines.push(`  signer fingerprint: ${signer.fingerprintSha256}`);
  if (vault !== null)
    lines.push(
      `  in the vault: ${vault.number} (${vault.state.toLowerCase()})${vault.storedDocument === null ? '' : `, this file is its signed ${vault.storedDocument === 'void' ? 'VOID copy' : 'PDF'}`}`,
    );
  lines.push(`  SHA-256: ${verification.sha256}`);
  return `${lines.join('\n')}\n`;
}
