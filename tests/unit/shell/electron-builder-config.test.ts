// electron-builder.yml cannot be exercised by packaging here (that downloads Electron), so it is
// loaded and validated the way electron-builder itself does (app-builder-lib's loader and JSON
// schema), and the security-relevant values are asserted.
import { join } from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';

const projectDir = join(import.meta.dirname, '../../..');
const load = () => getConfig(projectDir, join(projectDir, 'electron-builder.yml'), null);

describe('electron-builder.yml', () => {
  it('is valid against the installed electron-builder schema', async () => {
    await expect(
      validateConfiguration(await load(), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  }, 120_000);

  it('would be rejected by the same validation if a fuse name were misspelt', async () => {
    const config = await load();
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(
      validateConfiguration(broken as Configuration, new DebugLogger(false)),
    ).rejects.toThrow(/electronFuses/);
  });

  it('flips every fuse to its hardened value', async () => {
    expect((await load()).electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only the built app into an asar, without the preview host or the CLI', async () => {
    const config = await load();
    expect(config.asar).toBe(true);
    expect(config.productName).toBe('KP Desk');
    // The loader normalises `files` into file sets: [{ filter: [...] }].
    const patterns = JSON.stringify(config.files);
    for (const pattern of ['dist/**', 'package.json', '!dist/preview/**', '!dist/cli/**']) {
      expect(patterns).toContain(JSON.stringify(pattern));
    }
  });

  it('builds an NSIS installer, a DMG, an AppImage and a deb', async () => {
    const config = await load();
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });
});
