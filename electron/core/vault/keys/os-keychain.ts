// What the shell's OS keychain adapter (electron/shell/safe-storage-keychain.ts) provides to the
// core. Every call is asynchronous: Electron 45 deprecates safeStorage's synchronous calls, and a
// keychain may block on a prompt to the user, which must never freeze the main thread.
export type OsKeychain = {
  /** The backend that seals data, recorded in the key file (e.g. gnome_libsecret, keychain). */
  backend(): string;
  /** Whether the backend protects data with a secret of the OS (never Linux basic_text). */
  isStrong(): Promise<boolean>;
  encrypt(plain: Buffer): Promise<Buffer>;
  decrypt(data: Buffer): Promise<Buffer>;
};
