import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformDataDir, resolveVaultDir } from '../../../cli/vault-dir';

describe('platformDataDir', () => {
  it('uses XDG_DATA_HOME on Linux, else ~/.local/share, ignoring a relative XDG value', () => {
    expect(platformDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ada')).toBe('/data/kpdesk');
    expect(platformDataDir({}, 'linux', '/home/ada')).toBe('/home/ada/.local/share/kpdesk');
    expect(platformDataDir({ XDG_DATA_HOME: 'rel' }, 'linux', '/home/ada')).toBe(
      '/home/ada/.local/share/kpdesk',
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
    const env = { KPDESK_VAULT_DIR: 'from-env', XDG_DATA_HOME: '/data' };
    expect(resolveVaultDir('given', env, '/work')).toBe(resolve('/work', 'given'));
    expect(resolveVaultDir(undefined, env, '/work')).toBe(resolve('/work', 'from-env'));
    expect(resolveVaultDir(undefined, { XDG_DATA_HOME: '/data' }, '/work')).toBe(
      process.platform === 'linux' ? join('/data', 'kpdesk') : expect.any(String),
    );
  });
});
