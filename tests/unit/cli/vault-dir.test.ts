import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformDataDir, resolveVaultDir } from '../../../cli/vault-dir';

describe('platformDataDir', () => {
  it("is Electron's userData on Linux: $XDG_CONFIG_HOME, else ~/.config, then KP Desk", () => {
    expect(platformDataDir({ XDG_CONFIG_HOME: '/config' }, 'linux', '/home/ada')).toBe(
      '/config/KP Desk',
    );
    expect(platformDataDir({}, 'linux', '/home/ada')).toBe('/home/ada/.config/KP Desk');
    expect(platformDataDir({ XDG_CONFIG_HOME: '' }, 'linux', '/home/ada')).toBe(
      '/home/ada/.config/KP Desk',
    );
    // The data folder of the XDG rules is not where Electron keeps userData.
    expect(platformDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ada')).toBe(
      '/home/ada/.config/KP Desk',
    );
  });

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(platformDataDir({}, 'darwin', '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/KP Desk',
    );
    expect(
      platformDataDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada'),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming\\KP Desk');
    expect(platformDataDir({}, 'win32', 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\KP Desk',
    );
  });
});

describe('resolveVaultDir', () => {
  it('prefers --dir, then KPDESK_VAULT_DIR, both relative to the working folder', () => {
    const env = { KPDESK_VAULT_DIR: 'from-env', XDG_CONFIG_HOME: '/config' };
    expect(resolveVaultDir('given', env, '/work')).toBe(resolve('/work', 'given'));
    expect(resolveVaultDir(undefined, env, '/work')).toBe(resolve('/work', 'from-env'));
    expect(resolveVaultDir(undefined, { XDG_CONFIG_HOME: '/config' }, '/work')).toBe(
      process.platform === 'linux' ? join('/config', 'KP Desk') : expect.any(String),
    );
  });
});
