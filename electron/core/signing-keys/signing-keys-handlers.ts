// The channels of the signing keys' protection (issue 13, part 3). The vault does the work
// (signing-keyring.ts); main adds what only it has: this computer's OS keychain for opening or
// closing a workstation (workstation-signing.ts), and its save dialog for the escrow file, whose
// path the renderer never names. The vault is asked first whether an export is allowed at all, so
// nobody but an administrator is shown a dialog for nothing.
import { basename } from 'node:path';
import type { VaultAccess } from '../create-core-handlers';
import type { FileDialogs } from '../file-dialogs';
import type { CoreHandlers } from '../ipc/core-handlers';
import type { OsKeychain } from '../vault/keys/os-keychain';
import { closeWorkstationForSigning, openThisWorkstationForSigning } from './workstation-signing';

type SigningKeysChannel =
  | 'identity:signingKeys'
  | 'identity:setSigningSecret'
  | 'identity:unlockSigning'
  | 'identity:openWorkstation'
  | 'identity:closeWorkstation'
  | 'identity:exportEscrow';

export function createSigningKeysHandlers(
  vault: VaultAccess,
  dialogs: FileDialogs,
  keychain: OsKeychain | undefined,
): Pick<CoreHandlers, SigningKeysChannel> {
  return {
    'identity:signingKeys': () => vault.identity.signingKeys(undefined),
    'identity:setSigningSecret': (input) => vault.identity.setSigningSecret(input),
    'identity:unlockSigning': (input) => vault.identity.unlockSigning(input),
    'identity:openWorkstation': (input) => openThisWorkstationForSigning(vault, keychain, input),
    'identity:closeWorkstation': (input) => closeWorkstationForSigning(vault, keychain, input),
    'identity:exportEscrow': async (input) => {
      await vault.identity.checkExportEscrow(undefined);
      const path = await dialogs.chooseSavePath({
        purpose: 'signing-escrow',
        defaultName: 'kpdesk-signing-keys-escrow.pem',
      });
      if (path === null) return { cancelled: true };
      const exported = await vault.identity.exportEscrow({ ...input, path });
      return {
        cancelled: false,
        fileName: basename(exported.path),
        identityFingerprintSha256: exported.identityFingerprintSha256,
        sealKey: exported.sealKey,
      };
    },
  };
}
