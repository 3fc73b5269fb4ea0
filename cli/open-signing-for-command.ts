// Before a command signs (issue, issue-batch): open the signing keys for this run, as the app
// does at unlock. With --signing-secret-file or $KPDESK_SIGNING_SECRET, the signed-in
// administrator's signing secret opens them; otherwise this computer, if an administrator opened
// it for signing with `kpdesk identity open-workstation` (cli-file-keychain.ts). If neither
// opens them, signing itself refuses with SIGNING_LOCKED and says what it needs.
import type { Actor } from '../electron/core/issuance/actor';
import type { SigningKeyring } from '../electron/core/signing-keys/signing-keyring';
import { inProcessWorkstationVault } from '../electron/core/signing-keys/in-process-workstation-vault';
import { openSigningOnThisWorkstation } from '../electron/core/signing-keys/workstation-signing';
import { cliFileKeychain, cliKeychainPath } from './cli-file-keychain';
import type { CliIo } from './cli-io';
import { readSecret } from './read-secret';

export const SIGNING_SECRET_ENV = 'KPDESK_SIGNING_SECRET';

export const signingSecretOptions = { 'signing-secret-file': { type: 'string' } } as const;

export const signingSecretHelp = `  --signing-secret-file <file>
                              Open the signing keys with the signed-in administrator's
                              signing secret from a file (else $${SIGNING_SECRET_ENV}); without
                              it, only a computer opened for signing signs.`;

export async function openSigningForCommand(
  keyring: SigningKeyring,
  actor: Actor,
  values: { 'signing-secret-file'?: string | undefined },
  io: CliIo,
): Promise<void> {
  if (values['signing-secret-file'] !== undefined || io.env[SIGNING_SECRET_ENV] !== undefined) {
    const secret = await readSecret(
      {
        label: 'signing secret',
        fileOption: '--signing-secret-file',
        file: values['signing-secret-file'],
        envVar: SIGNING_SECRET_ENV,
      },
      io,
    );
    await keyring.unlock(actor, { secret });
    return;
  }
  await openSigningOnThisWorkstation(
    inProcessWorkstationVault(keyring, actor),
    cliFileKeychain(cliKeychainPath(io.env)),
  );
}
