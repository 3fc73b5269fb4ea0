// For the tests of kpdesk commands that sign (issue, issue-batch): since issue 13 part 3 the
// signing keys open only with an administrator's signing secret or on a computer opened for
// signing. The test's "computer" is its HOME folder: this sets the administrator's secret and
// opens it for signing as `kpdesk identity open-workstation` would (the CLI's file keychain).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cliFileKeychain, cliKeychainPath } from '../../cli/cli-file-keychain';
import type { Actor } from '../../electron/core/issuance/actor';
import { inProcessWorkstationVault } from '../../electron/core/signing-keys/in-process-workstation-vault';
import { openThisWorkstationForSigning } from '../../electron/core/signing-keys/workstation-signing';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';

export const CLI_SIGNING_SECRET = 'the administrator signing secret';

export async function openCliComputerForSigning(
  db: Database,
  administrator: Actor,
  home: string,
): Promise<void> {
  const keyring = documentOperationsFor(db, {
    now: () => new Date(),
    resourcesDir: undefined,
  }).signingKeys;
  await keyring.setSecret(administrator, { secret: CLI_SIGNING_SECRET });
  await openThisWorkstationForSigning(
    inProcessWorkstationVault(keyring, administrator),
    cliFileKeychain(cliKeychainPath({ HOME: home })),
    { secret: CLI_SIGNING_SECRET },
  );
}
