// The channels of reading an audit package in the app (issue 14, part 3): the package file and
// the certificate to trust come from main's open dialogs, never from the renderer; a cancelled
// dialog opens nothing and leaves this computer's vault as it was. The package is verified in
// full before anything changes (a refused package leaves the vault as it was too).
import type { VaultAccess } from '../create-core-handlers';
import type { FileDialogs } from '../file-dialogs';
import type { CoreHandlers } from '../ipc/core-handlers';
import type { TaskProgressTracker } from '../tasks/task-progress';

type ReadingChannel = 'auditPackage:open' | 'auditPackage:current' | 'auditPackage:close';

export function createPackageReadingHandlers(
  vault: VaultAccess,
  dialogs: FileDialogs,
  progress: TaskProgressTracker,
): Pick<CoreHandlers, ReadingChannel> {
  return {
    'auditPackage:open': async ({ passphrase, chooseTrust }) => {
      const path = await dialogs.chooseOpenPath({ purpose: 'audit-package' });
      if (path === null) return { cancelled: true };
      let trustPath: string | undefined;
      if (chooseTrust) {
        const chosen = await dialogs.chooseOpenPath({ purpose: 'trusted-certificate' });
        if (chosen === null) return { cancelled: true };
        trustPath = chosen;
      }
      const info = await progress.run(() =>
        vault.auditPackageReading.open({
          path,
          passphrase,
          ...(trustPath === undefined ? {} : { trustPath }),
        }),
      );
      return { cancelled: false, package: info };
    },
    'auditPackage:current': () => vault.auditPackageReading.current(),
    'auditPackage:close': () => vault.auditPackageReading.close(),
  };
}
