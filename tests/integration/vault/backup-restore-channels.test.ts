// vault:backup, vault:restore and tasks:progress over the channels. The file comes from the
// FileDialogs port (here the preview host's folders: <root>/exports, <root>/imports), never from
// the renderer; restore runs only while locked and checks everything before replacing anything;
// tasks:progress answers while the task runs.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';

type Backup = { cancelled: false; path: string; bytes: number; createdAt: string };

let h: ChannelHarness;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
});
afterEach(() => h.dispose());

function importBackup(path: string): void {
  const imports = join(h.dialogs.root, 'imports');
  mkdirSync(imports, { recursive: true });
  copyFileSync(path, join(imports, basename(path)));
}

describe('vault:backup', () => {
  it('writes the file main chose, reports progress while it runs, and can be cancelled', async () => {
    await h.value('stock:register', { numbers: 'US10000-US10099' });
    const seen: unknown[] = [];
    const state = { finished: false };
    const running = h.value<Backup>('vault:backup').finally(() => {
      state.finished = true;
    });
    while (!state.finished) {
      seen.push(await h.value('tasks:progress'));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const backup = await running;
    expect(backup).toMatchObject({ cancelled: false, bytes: expect.any(Number) as number });
    const dated = /^kpdesk-\d{4}-\d{2}-\d{2}\.kpdesk-backup$/;
    expect(backup.path.startsWith(join(h.dialogs.root, 'exports'))).toBe(true);
    expect(basename(backup.path)).toMatch(dated);
    expect(existsSync(backup.path)).toBe(true);
    expect(h.dialogs.asked).toEqual([
      {
        kind: 'save',
        purpose: 'backup',
        defaultName: expect.stringMatching(/\.kpdesk-backup$/) as string,
      },
    ]);
    expect(
      seen.some((p) => p !== null && (p as { operation: string }).operation === 'backup'),
    ).toBe(true);
    expect(await h.value('tasks:progress')).toBeNull();

    // A second backup the same day gets a new name, never overwriting the first.
    const second = await h.value<Backup>('vault:backup');
    expect(basename(second.path)).toBe(basename(backup.path).replace('.kpdesk', ' (2).kpdesk'));

    h.dialogs.cancelNext();
    expect(await h.value('vault:backup')).toEqual({ cancelled: true });
  });

  it('needs a signed-in user, and asks no dialog otherwise', async () => {
    await h.value('session:signOut');
    expect(await h.code('vault:backup')).toBe('AUTH_FAILED');
    expect(await h.code('vault:backup', { path: '/tmp/x' })).toBe('INVALID_INPUT');
    expect(h.dialogs.asked).toEqual([]);
  });
});

describe('vault:restore', () => {
  it('restores only while locked, after checking everything; the old vault is kept', async () => {
    await h.value('stock:register', { numbers: 'US10000-US10009' });
    const backup = await h.value<Backup>('vault:backup');
    await h.value('stock:register', { numbers: 'US20000-US20009' });

    expect(await h.code('vault:restore', { passphrase: HARNESS_PASSPHRASE })).toBe('CONFLICT');
    await h.value('vault:lock');
    // Nothing in the imports folder: as if the dialog was cancelled.
    expect(await h.value('vault:restore', { passphrase: HARNESS_PASSPHRASE })).toEqual({
      cancelled: true,
    });
    importBackup(backup.path);
    expect(await h.code('vault:restore', { passphrase: 'not the passphrase' })).toBe(
      'VAULT_KEY_INVALID',
    );
    const restored = await h.value<{ previousVaultPath: string }>('vault:restore', {
      passphrase: HARNESS_PASSPHRASE,
    });
    expect(restored).toMatchObject({ cancelled: false, createdAt: backup.createdAt });
    expect(existsSync(restored.previousVaultPath)).toBe(true);
    expect(await h.value('tasks:progress')).toBeNull();

    await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
    await h.signInAs('ada');
    expect(await h.value('stock:summary')).toMatchObject({ counts: { available: 10 } });
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
  });

  it('refuses a damaged backup and changes nothing', async () => {
    await h.value('vault:lock');
    const imports = join(h.dialogs.root, 'imports');
    mkdirSync(imports, { recursive: true });
    writeFileSync(join(imports, 'broken.kpdesk-backup'), 'KPDESK-BACKUP not really\n');
    expect(await h.code('vault:restore', { passphrase: HARNESS_PASSPHRASE })).toBe(
      'BACKUP_INVALID',
    );
    await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
    await h.signInAs('ada');
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
  });
});
