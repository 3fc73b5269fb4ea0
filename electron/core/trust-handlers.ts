// The trust list channels. The vault does the work (trust-list-operations.ts); this only puts
// main's open dialog in front of an add: the file is chosen here, never named by the renderer,
// and the vault is asked first whether the signed-in user may add one at all, so a reviewer or an
// operator is never shown a dialog for nothing.
import type { VaultAccess } from './create-core-handlers';
import type { FileDialogs } from './file-dialogs';
import type { CoreHandlers } from './ipc/core-handlers';

type TrustChannel = 'trust:list' | 'trust:add' | 'trust:remove';

export function createTrustHandlers(
  vault: VaultAccess,
  dialogs: FileDialogs,
): Pick<CoreHandlers, TrustChannel> {
  return {
    'trust:list': () => vault.trust.list(undefined),
    'trust:add': async (input) => {
      await vault.trust.checkAdd(undefined);
      const path = await dialogs.chooseOpenPath({ purpose: 'trusted-certificate' });
      return path === null ? { cancelled: true } : vault.trust.add({ ...input, path });
    },
    'trust:remove': (input) => vault.trust.remove(input),
  };
}
