// audit:list and audit:export as the renderer reaches them. The export asks the vault first (role
// and filter), so a refused call never opens a dialog; the path comes from main's save dialog
// (FileDialogs), never from the renderer; a cancelled dialog writes nothing.
import type { VaultAccess } from '../create-core-handlers';
import type { FileDialogs } from '../file-dialogs';
import { licenseeLocalDate } from '../issuance/licensee-local-date';
import type { CoreHandlers } from '../ipc/core-handlers';

export function createAuditLogHandlers(
  vault: VaultAccess,
  dialogs: FileDialogs,
  now: () => Date = () => new Date(),
): Pick<CoreHandlers, 'audit:list' | 'audit:export'> {
  return {
    'audit:list': (input) => vault.auditLog.list(input),
    'audit:export': async (input) => {
      await vault.auditLog.checkExport(input);
      const defaultName = `kpdesk-audit-log-${licenseeLocalDate(now())}.csv`;
      const path = await dialogs.chooseSavePath({ purpose: 'audit-log-csv', defaultName });
      if (path === null) return { cancelled: true as const };
      const written = await vault.auditLog.exportCsv({ filter: input.filter, path });
      return { cancelled: false as const, path: written.path, events: written.events };
    },
  };
}
