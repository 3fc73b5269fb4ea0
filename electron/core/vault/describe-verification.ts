// The verifier's result (electron/core/documents/verify) as the documents:verify channel and
// `kpdesk verify --json` give it: plain data with the file's name and the SHA-256 of the whole
// file, and what the vault knows of the certificate the file names (null without a vault).
import { createHash } from 'node:crypto';
import type { DocumentVerification } from '../../../shared/ipc/documents-contract';
import type { VerificationResult } from '../documents/verify/verification-result';

export function describeVerification(
  fileName: string,
  bytes: Buffer,
  result: VerificationResult,
  vault: DocumentVerification['vault'],
  /** The file's SHA-256 when the caller already took it (hashing 260 KB again is not free). */
  sha256: string = createHash('sha256').update(bytes).digest('hex'),
): DocumentVerification {
  return {
    fileName,
    sha256,
    result,
    vault,
  };
}
