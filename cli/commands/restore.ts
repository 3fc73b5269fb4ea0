// `kpdesk restore <file>`: replaces the vault with a backup, but only for someone who proves the
// current vault's passphrase or recovery key (the right to replace it: a restore replaces the
// whole record), after every check passed (check-backup-for-restore.ts, including the manifest's
// MAC), after the confirmations it needs in so many words (another vault's backup:
// --replace-other-vault <id>; events dropped: --drop-events <n>; restore-guard.ts), and after the
// user confirmed (or passed --yes). The replaced vault and key file are kept beside the new ones
// as "<name>.before-restore-<time>", never deleted, and the restore is recorded in the restored
// vault's audit chain.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppFailure } from '../../electron/core/app-failure';
import type { CheckedBackup } from '../../electron/core/vault/backup/check-backup-for-restore';
import { checkBackupForRestore } from '../../electron/core/vault/backup/check-backup-for-restore';
import type { GuardedRestoreSummary } from '../../electron/core/vault/backup/guarded-restore';
import {
  installCheckedBackup,
  openVaultToReplace,
} from '../../electron/core/vault/backup/guarded-restore';
import type {
  RestoreAssessment,
  RestoreConfirmations,
} from '../../electron/core/vault/backup/restore-guard';
import {
  describeDroppedCertificates,
  requireRestoreConfirmations,
} from '../../electron/core/vault/backup/restore-guard';
import { backupInvalid } from '../../electron/core/vault/backup/verify-backup-file';
import type { VaultSecret } from '../../electron/core/vault/keys/unlock-vault';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand } from '../open-vault-for-command';
import { progressLine } from '../progress-line';
import { readSecret } from '../read-secret';
import { readVaultSecret, unlockHelp } from '../unlock-from-options';
import { resolveVaultDir } from '../vault-dir';

export const restoreSummary = 'Replace the vault with a verified backup.';

export const restoreHelp = `Usage: kpdesk restore <file> [--yes] [options]

Restores a backup made by "kpdesk backup" (or the app) into the vault folder. Only someone
who proves the CURRENT vault's passphrase or recovery key may replace it (the unlock options
below). Then it checks everything: every byte of the file against its checksums, the
manifest's MAC, that the backup opens, and that the vault in it passes SQLite's integrity
check. A backup of ANOTHER vault, or one whose audit chain lacks events the current vault
holds (an older backup), is refused unless confirmed with the options below; the refusal
says how many events and which certificates would be dropped. Only then, after you confirm,
is the vault replaced. The replaced vault and key file are kept beside the new ones as
"<name>.before-restore-<time>", and the restore is recorded in the restored vault's audit
chain (what was replaced, by whom, its audit head).

Options:
  --yes                       Do not ask for confirmation (required without a terminal).
  --replace-other-vault <id>  Confirm replacing the vault <id> (the CURRENT vault's id, as the
                              refusal names it) with a backup of another vault.
  --drop-events <n>           Confirm that the restore drops the <n> audit events the refusal
                              named (an older backup).
  --backup-passphrase-file <file>
                              The passphrase the BACKUP opens with, when it is not the current
                              one (by default the current vault's secret is tried).
  --backup-recovery-key-file <file>
                              The backup opens with this recovery key instead.
${unlockHelp}
  --json                      Print one JSON object: { file, dir, createdAt, manifestAuthenticated,
                              schemaVersion, previousVaultPath, previousKeyFilePath,
                              replacedVaultId, eventsDropped, auditHead }.
  -h, --help                  Show this help.

Exit codes: 0 restored, 2 usage error, wrong passphrase, not confirmed
(RESTORE_NOT_CONFIRMED), or the backup failed a check (BACKUP_INVALID): nothing was changed.
`;

function madeAt(assessment: RestoreAssessment): string {
  const { createdAt, manifestAuthenticated } = assessment.backup;
  return manifestAuthenticated
    ? `made ${createdAt}`
    : `dated ${createdAt} by its manifest, a format 1 backup whose date is not authenticated`;
}

function formatRestoreSummary(file: string, dir: string, summary: GuardedRestoreSummary): string {
  const kept = [summary.previousVaultPath, summary.previousKeyFilePath].filter(
    (path): path is string => path !== undefined,
  );
  const dropped =
    summary.assessment.eventsDropped === 0
      ? ''
      : `${String(summary.assessment.eventsDropped)} audit events of the replaced vault are not in the restored one (confirmed).\n`;
  return `Restored the vault in ${dir} from ${file} (${madeAt(summary.assessment)}).
${dropped}The restore is recorded in its audit chain: event ${String(summary.auditHead.seq)}.
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

async function readBackupSecret(
  values: { 'backup-passphrase-file'?: string; 'backup-recovery-key-file'?: string },
  io: CliIo,
): Promise<VaultSecret | undefined> {
  const recoveryFile = values['backup-recovery-key-file'];
  const passphraseFile = values['backup-passphrase-file'];
  if (recoveryFile !== undefined && passphraseFile !== undefined)
    throw usageFailure('Give the backup either a passphrase file or a recovery key file.');
  if (recoveryFile !== undefined)
    return {
      recoveryKey: await readSecret(
        {
          label: 'recovery key of the backup',
          fileOption: '--backup-recovery-key-file',
          file: recoveryFile,
          envVar: undefined,
        },
        io,
      ),
    };
  if (passphraseFile !== undefined)
    return {
      passphrase: await readSecret(
        {
          label: 'passphrase of the backup',
          fileOption: '--backup-passphrase-file',
          file: passphraseFile,
          envVar: undefined,
        },
        io,
      ),
    };
  return undefined;
}

function parseDropEvents(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,15}$/.test(text))
    throw usageFailure(
      `--drop-events takes the number of events the refusal named, not "${text}".`,
      {
        '--drop-events': 'a whole number above 0',
      },
    );
  return Number(text);
}

/** The core's refusal, with the options that give each confirmation it names. */
function withOptions(error: AppFailure): AppFailure {
  const fields = error.error.fields ?? {};
  const how: string[] = [];
  if (fields.replaceOtherVault !== undefined)
    how.push(`--replace-other-vault ${fields.replaceOtherVault.replace(/^.*: /, '')}`);
  if (fields.dropEvents !== undefined)
    how.push(`--drop-events ${fields.dropEvents.replace(/^.*: /, '')}`);
  const renamed: Record<string, string> = {};
  for (const [name, text] of Object.entries(fields))
    renamed[name === 'replaceOtherVault' ? '--replace-other-vault' : '--drop-events'] = text;
  return new AppFailure(
    'RESTORE_NOT_CONFIRMED',
    `${error.message}\nTo restore anyway, run the command again with ${how.join(' ')}.`,
    renamed,
  );
}

export function runRestore(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = {
    name: 'restore',
    help: restoreHelp,
    options: {
      yes: { type: 'boolean', default: false },
      'replace-other-vault': { type: 'string' },
      'drop-events': { type: 'string' },
      'backup-passphrase-file': { type: 'string' },
      'backup-recovery-key-file': { type: 'string' },
    },
  } as const;
  // The current vault is opened only to prove the right to replace it and to read its chain.
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw usageFailure('Name one backup file to restore.');
    if (!values.yes && io.terminal === undefined)
      throw usageFailure('Without a terminal to confirm on, pass --yes to restore.', {
        '--yes': 'required without a terminal',
      });
    const confirmations: RestoreConfirmations = {
      replaceOtherVault: values['replace-other-vault'],
      dropEvents: parseDropEvents(values['drop-events']),
    };
    const backupPath = resolve(io.cwd, file);
    if (!existsSync(backupPath)) throw backupInvalid(file, 'the file does not exist');
    const dir = resolveVaultDir(values.dir, io.env, io.cwd);
    const secret = await readVaultSecret(values, io);
    const backupSecret = (await readBackupSecret(values, io)) ?? secret;

    const replace = await openVaultToReplace(dir, secret);
    const progress = progressLine(io, 'restore');
    let checked: CheckedBackup;
    try {
      checked = await checkBackupForRestore({
        backupPath,
        dir,
        secret: backupSecret,
        current: replace?.current ?? null,
        onProgress: progress.onProgress,
      });
    } finally {
      progress.finish();
      replace?.current.db.close();
    }
    const { assessment } = checked;
    try {
      requireRestoreConfirmations(assessment, confirmations);
      if (!values.yes) {
        const replacing =
          assessment.current === null
            ? `The vault will be created in ${dir}.`
            : `This replaces the vault in ${dir} (audit event ${String(assessment.current.head.seq)}; the current one is kept beside it).`;
        const dropped =
          assessment.eventsDropped === 0
            ? ''
            : `\n${String(assessment.eventsDropped)} events (${describeDroppedCertificates(assessment)}) will not be in the restored vault.`;
        await confirm(
          io,
          `The backup ${file} (${madeAt(assessment)}, audit event ${String(assessment.backup.head.seq)}) passed every check.\n${replacing}${dropped}\nRestore it? Type "yes" to continue: `,
        );
      }
    } catch (error: unknown) {
      checked.key.fill(0);
      if (error instanceof AppFailure && error.error.code === 'RESTORE_NOT_CONFIRMED')
        throw withOptions(error);
      throw error;
    }
    let summary: GuardedRestoreSummary;
    try {
      summary = await installCheckedBackup({
        dir,
        backupPath,
        checked,
        authority: replace?.authority ?? { kind: 'no-vault' },
        confirmations,
        onProgress: progress.onProgress,
      });
    } finally {
      progress.finish();
    }
    if (json) {
      const output = {
        file,
        dir,
        createdAt: summary.manifest.createdAt,
        manifestAuthenticated: summary.manifestAuthenticated,
        schemaVersion: summary.manifest.schemaVersion,
        previousVaultPath: summary.previousVaultPath ?? null,
        previousKeyFilePath: summary.previousKeyFilePath ?? null,
        replacedVaultId: summary.assessment.current?.vaultId ?? null,
        eventsDropped: summary.assessment.eventsDropped,
        auditHead: { seq: summary.auditHead.seq, hash: summary.auditHead.hash },
      };
      io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    } else io.stdout(formatRestoreSummary(file, dir, summary));
    return exitCodes.ok;
  });
}
