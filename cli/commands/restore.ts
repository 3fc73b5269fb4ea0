// `kpdesk restore <file>`: replaces the vault with a backup, but only after every check passed
// (check-backup-for-restore.ts) and the user confirmed (or passed --yes). The replaced vault and
// key file are kept beside the new ones as "<name>.before-restore-<time>", never deleted: this
// is the licensee's ten-year record.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppFailure } from '../../electron/core/app-failure';
import type { RestoreSummary } from '../../electron/core/vault/backup/restore-backup';
import { restoreBackup } from '../../electron/core/vault/backup/restore-backup';
import { backupInvalid } from '../../electron/core/vault/backup/verify-backup-file';
import { vaultLocation } from '../../electron/core/vault/keys/vault-location';
import { checkBackupForRestore } from '../../electron/core/vault/backup/check-backup-for-restore';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand } from '../open-vault-for-command';
import { progressLine } from '../progress-line';
import { readVaultSecret, unlockHelp } from '../unlock-from-options';
import { resolveVaultDir } from '../vault-dir';

export const restoreSummary = 'Replace the vault with a verified backup.';

export const restoreHelp = `Usage: kpdesk restore <file> [--yes] [options]

Restores a backup made by "kpdesk backup" (or the app) into the vault folder. First it
checks everything: every byte of the file against its checksums, that the passphrase or
recovery key opens the backup, and that the vault in it passes SQLite's integrity check.
Only then, after you confirm, is the vault replaced. The replaced vault and key file are
kept beside the new ones as "<name>.before-restore-<time>".

The passphrase is the one the vault had when the backup was made.

Options:
  --yes                       Do not ask for confirmation (required without a terminal).
${unlockHelp}
  --json                      Print one JSON object: { file, dir, createdAt, schemaVersion,
                              previousVaultPath, previousKeyFilePath }.
  -h, --help                  Show this help.

Exit codes: 0 restored, 2 usage error, wrong passphrase, not confirmed, or the backup
failed a check (BACKUP_INVALID): nothing was changed.
`;

function formatRestoreSummary(file: string, dir: string, summary: RestoreSummary): string {
  const kept = [summary.previousVaultPath, summary.previousKeyFilePath].filter(
    (path): path is string => path !== undefined,
  );
  return `Restored the vault in ${dir} from ${file} (made ${summary.manifest.createdAt}).
${kept.length === 0 ? 'There was no vault there before.' : `The replaced files are kept as:\n${kept.map((path) => `  ${path}`).join('\n')}`}
`;
}

async function confirm(io: CliIo, question: string): Promise<void> {
  if (io.terminal === undefined)
    throw usageFailure('Without a terminal to confirm on, pass --yes to restore.', {
      '--yes': 'required without a terminal',
    });
  const answer = (await io.terminal.ask(question)).trim().toLowerCase();
  if (answer !== 'yes' && answer !== 'y')
    throw new AppFailure('INVALID_INPUT', 'Not restored: not confirmed. Nothing was changed.');
}

export function runRestore(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = {
    name: 'restore',
    help: restoreHelp,
    options: { yes: { type: 'boolean', default: false } },
  } as const;
  // The vault is not opened: the backup is checked with the secret, then replaces it.
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw usageFailure('Name one backup file to restore.');
    if (!values.yes && io.terminal === undefined)
      throw usageFailure('Without a terminal to confirm on, pass --yes to restore.', {
        '--yes': 'required without a terminal',
      });
    const backupPath = resolve(io.cwd, file);
    if (!existsSync(backupPath)) throw backupInvalid(file, 'the file does not exist');
    const dir = resolveVaultDir(values.dir, io.env, io.cwd);
    const { vaultPath, keyFilePath } = vaultLocation(dir);
    const secret = await readVaultSecret(values, io);

    const progress = progressLine(io, 'restore');
    let checked;
    try {
      checked = await checkBackupForRestore({
        backupPath,
        dir,
        secret,
        onProgress: progress.onProgress,
      });
    } finally {
      progress.finish();
    }
    const { manifest, key, keyFileBytes } = checked;
    try {
      if (!values.yes) {
        const replacing = existsSync(vaultPath)
          ? `This replaces the vault in ${dir} (the current one is kept beside it).`
          : `The vault will be created in ${dir}.`;
        await confirm(
          io,
          `The backup ${file} (made ${manifest.createdAt}) passed every check.\n${replacing}\nRestore it? Type "yes" to continue: `,
        );
      }
      await mkdir(dir, { recursive: true, mode: 0o700 });
      let summary;
      try {
        summary = await restoreBackup({
          backupPath,
          vaultPath,
          key,
          ...(keyFileBytes === undefined
            ? {}
            : {
                keyFilePath,
                // The key file installed must be the one the passphrase was checked against.
                checkKeyFile: (content: Buffer) => {
                  if (!content.equals(keyFileBytes))
                    throw new AppFailure('BACKUP_INVALID', 'the file changed during the restore');
                },
              }),
          ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
        });
      } finally {
        progress.finish();
      }
      if (json) {
        const output = {
          file,
          dir,
          createdAt: manifest.createdAt,
          schemaVersion: manifest.schemaVersion,
          previousVaultPath: summary.previousVaultPath ?? null,
          previousKeyFilePath: summary.previousKeyFilePath ?? null,
        };
        io.stdout(`${JSON.stringify(output, null, 2)}\n`);
      } else io.stdout(formatRestoreSummary(file, dir, summary));
      return exitCodes.ok;
    } finally {
      key.fill(0);
    }
  });
}
