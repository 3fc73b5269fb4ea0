// The command line's "keychain" for a computer opened for signing (issue 13, part 3;
// docs/security.md): kpdesk runs under plain Node, without Electron's safeStorage, so on this
// computer the key that opens the signing keys is kept in a file of the user's configuration
// folder (~/.config/kpdesk/signing-keychain.key, or under $XDG_CONFIG_HOME), 0600 in a 0700
// folder: outside the vault's folder and never in a backup, as an SSH key is. A copied vault or a
// restored backup on another computer has no such file, so it opens the records and cannot sign.
// Weaker than the OS keychain (any program of this account reads the file): an administrator
// chooses to open a computer this way, and closes it with `kpdesk identity close-workstation`.
// Its backend name differs from the app's, so the app and the CLI each open only their own wrap.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileKeychain } from '../electron/core/signing-keys/file-keychain';
import type { OsKeychain } from '../electron/core/vault/keys/os-keychain';

export const CLI_KEYCHAIN_BACKEND = 'kpdesk-cli-file';

export function cliKeychainPath(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const base = env.XDG_CONFIG_HOME ?? join(env.HOME ?? homedir(), '.config');
  return join(base, 'kpdesk', 'signing-keychain.key');
}

export function cliFileKeychain(path: string = cliKeychainPath()): OsKeychain {
  return fileKeychain(path, CLI_KEYCHAIN_BACKEND);
}
