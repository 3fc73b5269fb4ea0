// The review channels (issue 14): review:run inside the progress tracker (tasks:progress shows
// the audit chain, each signed PDF, the other checks), and review:export behind main's save
// dialog: the vault is asked first whether this user may run the review (no dialog for a call
// that would be refused), the path comes from the dialog, never from the renderer, and a
// cancelled dialog writes nothing.
import type { VaultAccess } from './create-core-handlers';
import type { FileDialogs } from './file-dialogs';
import type { CoreHandlers } from './ipc/core-handlers';
import type { TaskProgressTracker } from './tasks/task-progress';

export function createReviewHandlers(
  vault: VaultAccess,
  dialogs: FileDialogs,
  progress: TaskProgressTracker,
): Pick<CoreHandlers, 'review:run' | 'review:export'> {
  return {
    'review:run': (input) => progress.run(() => vault.review.run(input)),
    'review:export': async (input) => {
      const { defaultName } = await vault.review.exportPlan(input);
      const path = await dialogs.chooseSavePath({
        purpose: input.format === 'csv' ? 'review-csv' : 'review-pdf',
        defaultName,
      });
      if (path === null) return { cancelled: true };
      const written = await progress.run(() => vault.review.exportFile({ ...input, path }));
      return { cancelled: false, ...written };
    },
  };
}
