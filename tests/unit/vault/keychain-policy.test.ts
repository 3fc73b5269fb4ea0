import { describe, expect, it } from 'vitest';
import {
  isStrongKeychain,
  keychainBackendName,
} from '../../../electron/core/vault/keys/keychain-policy';

describe('the keychain policy', () => {
  it('names the backend per platform', () => {
    expect(keychainBackendName('darwin', undefined)).toBe('keychain');
    expect(keychainBackendName('win32', undefined)).toBe('dpapi');
    expect(keychainBackendName('linux', 'kwallet5')).toBe('kwallet5');
    expect(keychainBackendName('linux', undefined)).toBe('unknown');
    expect(keychainBackendName('freebsd', 'gnome_libsecret')).toBe('unknown');
  });

  it.each([
    ['darwin', 'keychain'],
    ['win32', 'dpapi'],
    ['linux', 'gnome_libsecret'],
    ['linux', 'kwallet'],
    ['linux', 'kwallet5'],
    ['linux', 'kwallet6'],
  ])('trusts %s %s when encryption is available', (platform, backend) => {
    expect(isStrongKeychain({ platform, backend, encryptionAvailable: true })).toBe(true);
    expect(isStrongKeychain({ platform, backend, encryptionAvailable: false })).toBe(false);
  });

  it.each([
    ['linux', 'basic_text'],
    ['linux', 'unknown'],
    ['linux', 'some_new_store'],
    ['linux', 'dpapi'],
    ['darwin', 'gnome_libsecret'],
    ['freebsd', 'unknown'],
  ])('refuses %s %s even when safeStorage says encryption is available', (platform, backend) => {
    expect(isStrongKeychain({ platform, backend, encryptionAvailable: true })).toBe(false);
  });
});
