// `kpdesk verify <file.pdf>`: the certificate verifier (electron/core/documents/verify) for USKPA
// reviewers, customs and partners. Without a vault it needs nothing but the file: the signature,
// the byte ranges and what was appended are checked, and the seal and the chain too when the
// issuer's seal public key (--seal-key) and trusted certificates (--trust) are given. With --vault
// it opens the licensee's vault: its identities are the trust anchors, its seal key checks the
// seal, the vault's record of the sealed certificate number is compared field by field, and a
// voided certificate is reported VOIDED. Exit 0 only for VALID (ETSI TOTAL-PASSED).
import { basename, resolve } from 'node:path';
import { describeVerification } from '../../electron/core/vault/describe-verification';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import { DEFAULT_MAX_BYTES, verifyPdf } from '../../electron/core/documents/verify/verify-pdf';
import { createPageBindingChecker } from '../../electron/core/documents/verify/check-page-binding';
import { findResourcesDir } from '../../electron/core/documents/find-resources-dir';
import type { VerifyPdfOptions } from '../../electron/core/documents/verify/verify-pdf';
import type { DocumentVerification } from '../../shared/ipc/documents-contract';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { pemOrDer, readKeyFile, readTrustFiles } from '../certificate-files';
import { formatVerification } from '../format-verification';
import { readBoundedFile } from '../read-bounded-file';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { unlockHelp } from '../unlock-from-options';

export const verifySummary = 'Verify a signed certificate PDF (signature, seal, vault record).';

export const verifyHelp = `Usage: kpdesk verify <file.pdf> [options]

Checks a KP Desk certificate PDF and gives the outcome of ETSI EN 319 102-1: TOTAL-PASSED only
when the signature covers the whole file, the signer's certificate may sign and chains to a
trusted certificate at the best signature time (a verified time-stamp's, else now), the QR
seal is genuine and every field on the page is what was sealed; TOTAL-FAILED when something
is proven wrong; INDETERMINATE (with its sub-indication, e.g. NO_CERTIFICATE_CHAIN_FOUND,
OUT_OF_BOUNDS_NO_POE) when it cannot be established. Each check is shown on its own line.
Without --vault, whether the certificate was voided later is not established. Files over
${String(DEFAULT_MAX_BYTES / 1024 / 1024)} MiB are refused unread.

Options:
  --seal-key <file.pem>       The issuer's seal public key (SPKI PEM; the app shows it with
                              the signing identity). Without it the seal is not checked.
  --trust <file.pem>          A certificate to trust (PEM or DER); may be given again. Only
                              a certificate you got from the issuer or a CA you trust.
  --vault                     Verify against the vault: its signing identities and trust list
                              are trusted, its seal keys (current and replaced) check the seal, its record is compared
                              and a voided certificate is reported VOIDED.
${unlockHelp}
  --json                      Print one JSON object: { fileName, sha256, result, vault }.
  -h, --help                  Show this help.

Exit codes:
  0  VALID: TOTAL-PASSED, the issued certificate, not known to be voided
  1  anything else: FAILED (TOTAL-FAILED), INDETERMINATE, VOIDED (voided in the vault), the
     VOID copy (a record of voiding, not a certificate for a shipment), or a file that is not
     a certificate PDF at all (empty, too large, not a PDF). The output says which.
  2  usage error, a file that cannot be read, or a vault that cannot be opened
`;

function offlineOptions(io: CliIo, sealKey: string | undefined, trust: string[]): VerifyPdfOptions {
  const options: VerifyPdfOptions = {};
  if (sealKey !== undefined) {
    const key = pemOrDer(readKeyFile(io, sealKey, '--seal-key'));
    options.sealPublicKey = typeof key === 'string' ? key : new Uint8Array(key);
  }
  options.trustAnchorsDer = readTrustFiles(io, trust);
  return options;
}

const verifyOptions = {
  'seal-key': { type: 'string' },
  trust: { type: 'string', multiple: true },
  vault: { type: 'boolean', default: false },
} as const;

export function runVerify(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = { name: 'verify', help: verifyHelp, options: verifyOptions };
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw usageFailure('Name one PDF file to verify, e.g. kpdesk verify US12345.pdf.');
    if (values.vault && (values['seal-key'] !== undefined || values.trust !== undefined))
      throw usageFailure(
        'With --vault, the vault gives the seal key and the trusted certificates.',
      );
    const bytes = readBoundedFile(resolve(io.cwd, file), file, DEFAULT_MAX_BYTES);
    const fileName = basename(file);
    let verification: DocumentVerification;
    if (values.vault)
      verification = await withVaultForCommand(values, io, ({ db }) =>
        documentOperationsFor(db, { now: () => new Date(), resourcesDir: undefined }).verifyBytes(
          bytes,
          fileName,
        ),
      );
    else {
      const options = offlineOptions(io, values['seal-key'], values.trust ?? []);
      // The page is written again with the certificate fonts (resources/) and compared.
      const resources = findResourcesDir(undefined, import.meta.dirname);
      if (resources !== undefined) options.pageBinding = await createPageBindingChecker(resources);
      verification = describeVerification(fileName, bytes, verifyPdf(bytes, options), null);
    }
    io.stdout(
      json ? `${JSON.stringify(verification, null, 2)}\n` : formatVerification(verification),
    );
    return verification.result.verdict === 'VALID' ? exitCodes.ok : exitCodes.findingErrors;
  });
}
