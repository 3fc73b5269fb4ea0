// vault:backup and vault:restore as the renderer reaches them: the file comes from the FileDialogs
// port (main's dialogs, the preview host's folders), never from the renderer; the vault is asked
// first whether the task is allowed, so no dialog opens for a call that would be refused; and the
// task runs inside the progress tracker that tasks:progress reads.
import type { z } from 'zod';
import type {
  BackupResultSchema,
  RestoreResultSchema,
} from '../../../shared/records/task-progress';
import type { FileDialogs } from '../file-dialogs';
import type { VaultAccess } from '../create-core-handlers';
import type { TaskProgressTracker } from './task-progress';

import type { RestoreInput } from '../../../shared/records/restore-input';

export async function backupWithDialog(
  vault: VaultAccess,
  dialogs: FileDialogs,
  progress: TaskProgressTracker,
  today: Date = new Date(),
): Promise<z.output<typeof BackupResultSchema>> {
  await vault.checkBackupAllowed();
  const defaultName = `kpdesk-${today.toISOString().slice(0, 10)}.kpdesk-backup`;
  const path = await dialogs.chooseSavePath({ purpose: 'backup', defaultName });
  if (path === null) return { cancelled: true };
  const summary = await progress.run(() => vault.backup({ path }));
  return {
    cancelled: false,
    path: summary.path,
    bytes: summary.bytes,
    createdAt: summary.manifest.createdAt,
    schemaVersion: summary.manifest.schemaVersion,
  };
}

export async function restoreWithDialog(
  vault: VaultAccess,
  dialogs: FileDialogs,
  progress: TaskProgressTracker,
  input: RestoreInput,
): Promise<z.output<typeof RestoreResultSchema>> {
  await vault.checkRestoreAllowed();
  const path = await dialogs.chooseOpenPath({ purpose: 'backup' });
  if (path === null) return { cancelled: true };
  const summary = await progress.run(() => vault.restore({ path, ...input }));
  return {
    cancelled: false,
    createdAt: summary.manifest.createdAt,
    schemaVersion: summary.manifest.schemaVersion,
    previousVaultPath: summary.previousVaultPath ?? null,
    manifestAuthenticated: summary.manifestAuthenticated,
    eventsDropped: summary.assessment.eventsDropped,
    auditHead: { seq: summary.auditHead.seq, hash: summary.auditHead.hash },
  };
}
