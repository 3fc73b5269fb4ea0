// The verifier's answer as text for a person at a terminal: the same words as the app's "Verify a
// certificate file" screen (shared/documents/verification-report.ts): the verdict and its
// sentence, the ETSI EN 319 102-1 indication, then one line per check, so "not established" is
// never hidden behind a single verdict. `--json` prints the same data unformatted.
import type { DocumentVerification } from '../shared/ipc/documents-contract';
import { verificationReport } from '../shared/documents/verification-report';

export function formatVerification(verification: DocumentVerification): string {
  return verificationReport(verification);
}
