// `kpdesk export-audit-package FILE [--package-passphrase-file F] [--period P] --user U`: the
// audit package for a USKPA reviewer or a US agency (electron/core/audit-package/,
// docs/audit-package.md), signed by the vault's identity and sealed under its own passphrase
// (never the vault's: the vault's --passphrase-file unlocks the vault, as for every command).
// Administrators and reviewers only; the export is recorded in the audit chain.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { exportAuditPackage } from '../../electron/core/audit-package/export-audit-package';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import { readVaultKeyFile } from '../../electron/core/vault/keys/unlock-vault';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import {
  openSigningForCommand,
  signingSecretHelp,
  signingSecretOptions,
} from '../open-signing-for-command';
import { readSecret } from '../read-secret';
import { signInFromOptions, signInHelp, signInOptions } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';

// The sealing thread's bundle beside the CLI's (dist/electron/); absent, one thread does all.
const SEAL_WORKER = fileURLToPath(
  new URL('../electron/audit-package-seal-worker.mjs', import.meta.url),
);

export const PACKAGE_PASSPHRASE_ENV = 'KPDESK_PACKAGE_PASSPHRASE';

export const exportAuditPackageSummary =
  'Export the signed, encrypted audit package for a reviewer (administrators, reviewers).';

export const exportAuditPackageHelp = `Usage: kpdesk export-audit-package <file> [--package-passphrase-file <file>]
                                   [--period <period>] --user <username> [options]

Writes one file for a USKPA reviewer or a US agency (docs/audit-package.md): every record of
the vault (certificates, stock, parties, corrections, submissions and receipts, the trust
list, settings), every stored signed PDF, the whole audit chain and its head, and a manifest
with the SHA-256 of each part, signed by the vault's signing identity; all of it encrypted
under a passphrase of its own (at least 12 characters; give it to the reviewer separately).
Private keys, password hashes and channel passwords are withheld. The export is recorded in
the audit chain (who, when, the head, the file's SHA-256). An existing file is never replaced.

Options:
  --package-passphrase-file <file>  Read the package's passphrase from a file (else
                              $${PACKAGE_PASSPHRASE_ENV}, else a prompt, asked twice).
  --period <period>           The period the reviewer is asked to review (2026, 2026Q3 or
                              2026-01-01..2026-06-30), written in the manifest; the package
                              still holds the whole record (the chain is proven whole only).
${signingSecretHelp}
${signInHelp}
${unlockHelp}
  --json                      Print { path, bytes, sha256, head, entries, documents, signer }.
  -h, --help                  Show this help.

Exit codes: 0 written, 2 refused (not allowed for your role, no signing identity, a
passphrase too short, a file that exists; nothing was written).
`;

export function runExportAuditPackage(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = {
    ...signInOptions,
    ...signingSecretOptions,
    'package-passphrase-file': { type: 'string' },
    period: { type: 'string' },
  } as const;
  return runVaultCommand(
    args,
    io,
    { name: 'export-audit-package', help: exportAuditPackageHelp, options },
    async ({ values, positionals, json }) => {
      const [file, ...extra] = positionals;
      if (file === undefined || extra.length > 0)
        throw usageFailure('Name the one new file to write: kpdesk export-audit-package <file>.', {
          file: 'required',
        });
      const path = resolve(io.cwd, file);
      const result = await withVaultForCommand(values, io, async ({ services, db, dir }) => {
        const actor = await signInFromOptions(services, values, io);
        const passphrase = await readSecret(
          {
            label: 'audit package passphrase',
            fileOption: '--package-passphrase-file',
            file: values['package-passphrase-file'],
            envVar: PACKAGE_PASSPHRASE_ENV,
            isNew: true,
          },
          io,
        );
        // The manifest is signed like a certificate: the signing keys open with the
        // administrator's signing secret or on a computer opened for signing (issue 13).
        const operations = documentOperationsFor(db, {
          now: () => new Date(),
          resourcesDir: undefined,
        });
        await openSigningForCommand(operations.signingKeys, actor, values, io);
        const openSigningKey = (wrapped: Buffer): Buffer =>
          operations.signingKeys.openForSigning(wrapped, 'signing_identity');
        return exportAuditPackage(
          {
            db,
            vaultId: readVaultKeyFile(dir).vaultId,
            openSigningKey,
            sealWorkerFile: SEAL_WORKER,
          },
          path,
          {
            actor,
            passphrase,
            ...(values.period === undefined ? {} : { period: values.period }),
          },
        );
      });
      if (json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else
        io.stdout(
          `Audit package written to ${result.path}\n` +
            `  ${String(result.entries)} entries (${String(result.documents)} documents), ${String(result.bytes)} bytes\n` +
            `  SHA-256 ${result.sha256}\n` +
            `  audit head: event ${String(result.head.seq)}, ${result.head.hash}\n` +
            `  signed by ${result.signer}\n` +
            'Give the passphrase to the reviewer separately (not with the file).\n',
        );
      return exitCodes.ok;
    },
  );
}
