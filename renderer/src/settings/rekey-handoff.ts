// After Settings → Re-encrypt the vault, main locks the vault (the key it held is the old one), so
// the signed-in screens go away at once. The new recovery key, returned once, must not go with
// them: the section hands it to the shell, which says why the vault is locked on the unlock
// screen and, after the unlock, shows the key as first run does (copy, print, type it back).
import { createContext } from 'react';
import type { VaultStatus } from '../../../shared/records/record-outputs';

export type RekeyHandoff = (recoveryKey: string, status: VaultStatus) => void;

/** null outside the app's shell (a section rendered alone shows the key in place). */
export const RekeyHandoffContext = createContext<RekeyHandoff | null>(null);

export const REKEYED_NOTICE =
  'The vault was re-encrypted under a new key and locked. Unlock it with your passphrase (it has not changed): KP Desk then shows the new recovery key once, to write down and type back.';
