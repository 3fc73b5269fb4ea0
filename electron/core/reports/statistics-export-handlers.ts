// reports:exportStatistics as the renderer reaches it: the vault is asked first whether this user
// may export the statistics of this period (no dialog for a call that would be refused), the path
// comes from main's save dialog, never from the renderer, and a cancelled dialog writes nothing.
import type { VaultAccess } from '../create-core-handlers';
import type { FileDialogs } from '../file-dialogs';
import type { CoreHandlers } from '../ipc/core-handlers';
import { statisticsSavePurpose } from './statistics-export-file';

export function createStatisticsExportHandlers(
  vault: VaultAccess,
  dialogs: FileDialogs,
): Pick<CoreHandlers, 'reports:exportStatistics'> {
  return {
    'reports:exportStatistics': async (input) => {
      const { defaultName } = await vault.reports.exportPlan(input);
      const path = await dialogs.chooseSavePath({
        purpose: statisticsSavePurpose(input.format),
        defaultName,
      });
      if (path === null) return { cancelled: true };
      const written = await vault.reports.exportFile({ ...input, path });
      return { cancelled: false, ...written };
    },
  };
}
