// Where the preview keeps its vault (issue 16): --vault-dir FOLDER, else KP_PREVIEW_DATA_DIR, else
// a temporary folder, which the console then names and explains.
import { describe, expect, it } from 'vitest';
import { choosePort } from '../../../preview/preview-options';
import { chooseVaultDir, vaultFolderNotice } from '../../../preview/vault-dir-option';

describe('chooseVaultDir', () => {
  it('reads --vault-dir FOLDER and --vault-dir=FOLDER, relative to the working folder', () => {
    expect(chooseVaultDir(['--vault-dir', 'kp'], {}, '/home/ada')).toEqual({
      ok: true,
      dir: '/home/ada/kp',
    });
    expect(chooseVaultDir(['--vault-dir=/srv/kp'], {}, '/home/ada')).toEqual({
      ok: true,
      dir: '/srv/kp',
    });
  });

  it('prefers the flag to KP_PREVIEW_DATA_DIR, and uses the variable without it', () => {
    const env = { KP_PREVIEW_DATA_DIR: '/var/kp' };
    expect(chooseVaultDir(['--vault-dir', '/srv/kp'], env)).toEqual({ ok: true, dir: '/srv/kp' });
    expect(chooseVaultDir([], env)).toEqual({ ok: true, dir: '/var/kp' });
  });

  it('answers null (a temporary folder) without either', () => {
    expect(chooseVaultDir([], {})).toEqual({ ok: true, dir: null });
    expect(chooseVaultDir(['--port', '4000'], { KP_PREVIEW_DATA_DIR: ' ' })).toEqual({
      ok: true,
      dir: null,
    });
  });

  it('refuses a flag without a folder, saying what it needs', () => {
    for (const argv of [['--vault-dir'], ['--vault-dir='], ['--vault-dir', '--port']]) {
      const choice = chooseVaultDir(argv, {});
      expect(choice.ok).toBe(false);
      if (!choice.ok) expect(choice.message).toContain('--vault-dir needs a folder');
    }
  });

  it('leaves the port option working beside it', () => {
    expect(choosePort(['--vault-dir', '/srv/kp', '--port', '4173'], {})).toEqual({
      ok: true,
      port: 4173,
    });
    expect(choosePort(['--vault-dir=/srv/kp'], {})).toEqual({ ok: true, port: 0 });
    expect(choosePort(['--vault'], {}).ok).toBe(false);
  });
});

describe('vaultFolderNotice', () => {
  it('says that a temporary folder may be deleted and how to keep the vault', () => {
    const text = vaultFolderNotice('/tmp/kpdesk-preview-x', true);
    expect(text).toContain('temporary folder (/tmp/kpdesk-preview-x)');
    expect(text).toContain('--vault-dir FOLDER');
    expect(text).toContain('KP_PREVIEW_DATA_DIR');
    expect(vaultFolderNotice('/srv/kp', false)).toBe('This preview keeps its vault in /srv/kp.');
  });
});
