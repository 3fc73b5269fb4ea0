// `kpdesk backup <file>`: one backup file from a consistent snapshot of the vault, with its key
// file (wrapped keys only) and a manifest of checksums (docs/backup-format.md). The snapshot
// stays encrypted with the vault key, so the backup opens with the vault's passphrase or
// recovery key, never without. An existing file is never overwritten.
import { resolve } from 'node:path';
import type { BackupSummary } from '../../electron/core/vault/backup/create-backup';
import { createBackup } from '../../electron/core/vault/backup/create-backup';
import { readVaultKeyFile } from '../../electron/core/vault/keys/unlock-vault';
import { vaultLocation } from '../../electron/core/vault/keys/vault-location';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { progressLine } from '../progress-line';
import { unlockHelp } from '../unlock-from-options';

export const backupSummary = 'Write an encrypted backup file of the vault.';

export const backupHelp = `Usage: kpdesk backup <file> [options]

Writes one backup file (owner-only, 0600): a consistent snapshot of the vault (still
encrypted with the vault key), the vault's key file and a manifest with a SHA-256 of every
part, the audit chain's head (an anchor: docs/audit-anchors.md) and a MAC under a key
derived from the vault key. It is restored with "kpdesk restore" and opens with the vault's
passphrase or recovery key. An existing file is never overwritten.

Options:
${unlockHelp}
  --json                      Print one JSON object: { file, bytes, createdAt, schemaVersion,
                              vaultId, auditHead: { seq, hash, at }, files }.
  -h, --help                  Show this help.

Progress is shown on stderr when it is a terminal.
Exit codes: 0 written, 2 usage error, wrong passphrase, or the file already exists.
`;

export function formatBackupSummary(file: string, summary: BackupSummary): string {
  const { manifest } = summary;
  return `Backup written: ${file} (${String(summary.bytes)} bytes, made ${manifest.createdAt}, schema ${String(manifest.schemaVersion)}).
It holds ${manifest.files.length === 2 ? 'the vault and its key file' : 'the vault'}; it opens with the vault's passphrase or recovery key.
Its manifest anchors the audit chain at event ${String(manifest.auditHead.seq)} (${manifest.auditHead.hash}).
`;
}

export function runBackup(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = { name: 'backup', help: backupHelp, options: {} };
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw usageFailure(
        'Name one backup file to write, e.g. kpdesk backup kpdesk-2026-11-27.kpbak.',
      );
    const progress = progressLine(io, 'backup');
    const summary = await withVaultForCommand(values, io, async ({ db, dir, key }) => {
      const { keyFilePath } = vaultLocation(dir);
      try {
        return await createBackup(db, {
          backupPath: resolve(io.cwd, file),
          key,
          keyFilePath,
          vaultId: readVaultKeyFile(dir).vaultId,
          ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
        });
      } finally {
        progress.finish();
      }
    });
    if (json) {
      const { manifest } = summary;
      const output = {
        file,
        bytes: summary.bytes,
        createdAt: manifest.createdAt,
        schemaVersion: manifest.schemaVersion,
        vaultId: manifest.vaultId ?? null,
        auditHead: manifest.auditHead,
        files: manifest.files,
      };
      io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    } else io.stdout(formatBackupSummary(file, summary));
    return exitCodes.ok;
  });
}
