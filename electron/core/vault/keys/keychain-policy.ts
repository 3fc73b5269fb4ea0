// Which OS keychains may hold the vault key (style-lessons §12, architecture.md §5). An allowlist,
// not a denylist: Linux's basic_text "encrypts" with a constant built into Chromium, 'unknown' is
// what Electron reports before `ready`, and isEncryptionAvailable() is true for both, so it is
// never trusted alone. A backend we do not know is refused until we have looked at it.
const STRONG_BACKENDS: Readonly<Record<string, readonly string[]>> = {
  darwin: ['keychain'],
  win32: ['dpapi'],
  linux: ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'],
};

/** The backend name recorded in the key file for this platform. */
export function keychainBackendName(platform: string, linuxBackend: string | undefined): string {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  if (platform === 'linux') return linuxBackend ?? 'unknown';
  return 'unknown';
}

export function isStrongKeychain(facts: {
  platform: string;
  backend: string;
  encryptionAvailable: boolean;
}): boolean {
  if (!facts.encryptionAvailable) return false;
  return (STRONG_BACKENDS[facts.platform] ?? []).includes(facts.backend);
}
