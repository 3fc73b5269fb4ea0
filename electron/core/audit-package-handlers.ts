// The audit package channel (issue 14): auditPackage:export behind main's save dialog. The vault
// is asked first whether this user may export (and whether the passphrase is long enough), so
// no dialog opens for a call that would be refused; the path comes from the dialog, never from
// the renderer; a cancelled dialog writes nothing.
import type { VaultAccess } from './create-core-handlers';
import type { FileDialogs } from './file-dialogs';
import type { CoreHandlers } from './ipc/core-handlers';
import type { TaskProgressTracker } from './tasks/task-progress';

export function createAuditPackageHandlers(
  vault: VaultAccess,
  dialogs: FileDialogs,
  progress: TaskProgressTracker,
): Pick<CoreHandlers, 'auditPackage:export'> {
  return {
    'auditPackage:export': async (input) => {
      const { defaultName } = await vault.auditPackage.exportPlan(input);
      const path = await dialogs.chooseSavePath({ purpose: 'audit-package', defaultName });
      if (path === null) return { cancelled: true };
      const written = await progress.run(() => vault.auditPackage.exportFile({ ...input, path }));
      return { cancelled: false, ...written };
    },
  };
}
