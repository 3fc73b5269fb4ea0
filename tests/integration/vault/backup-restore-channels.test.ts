// vault:backup, vault:restore and tasks:progress over the channels. The file comes from the
// FileDialogs port (here the preview host's folders: <root>/exports, <root>/imports), never from
// the renderer; restore runs only while locked and checks everything before replacing anything;
// tasks:progress answers while the task runs.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { unlockVault } from '../../../electron/core/vault/keys/unlock-vault';
import { vaultLocation } from '../../../electron/core/vault/keys/vault-location';
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

const OTHER_PASSPHRASE = 'the other vault passphrase';

/** The vault folder's files with a hash of each: to prove a refusal changed nothing. */
function readVaultFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(h.dataDir).sort())
    out[name] = createHash('sha256')
      .update(readFileSync(join(h.dataDir, name)))
      .digest('hex');
  return out;
}

function currentVaultId(): string {
  const keyFile = JSON.parse(readFileSync(vaultLocation(h.dataDir).keyFilePath, 'utf8')) as {
    vaultId: string;
  };
  return keyFile.vaultId;
}

type EventRow = { seq: number; action: string; entityType: string; userId: number | null };

/** The restored vault's last audit event and the vault fact it records (opened directly). */
async function lastEventWithFact(
  passphrase = HARNESS_PASSPHRASE,
): Promise<{ event: EventRow; fact: Record<string, unknown> }> {
  const db = await unlockVault({ dir: h.dataDir, secret: { passphrase } });
  try {
    const event = db
      .prepare<[], EventRow & { entityId: string }>(
        `SELECT seq, action, entity_type AS entityType, entity_id AS entityId, user_id AS userId
           FROM audit_events ORDER BY seq DESC LIMIT 1`,
      )
      .get();
    if (event === undefined) throw new Error('no event');
    const value = db
      .prepare<[string], string>('SELECT value_json FROM settings WHERE key = ?')
      .pluck()
      .get(event.entityId);
    return { event, fact: JSON.parse(value ?? 'null') as Record<string, unknown> };
  } finally {
    db.close();
  }
}

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
  it('an administrator signed in restores an older backup only after confirming the events it drops; the restore is in the restored chain', async () => {
    await h.value('stock:register', { numbers: 'US10000-US10009' });
    const backup = await h.value<Backup>('vault:backup');
    // Issue 13: "restoring an older backup of the same vault silently dropped events". Two
    // here: the batch's event and its range's (one event for the ten numbers).
    await h.value('stock:register', { numbers: 'US20000-US20009' });
    importBackup(backup.path);
    const before = readVaultFiles();

    const refused = await h.call('vault:restore', { passphrase: HARNESS_PASSPHRASE });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('RESTORE_NOT_CONFIRMED');
    expect(refused.error.message).toContain('drops 2 events');
    expect(refused.error.fields).toEqual({
      dropEvents: 'type the number of events dropped: 2',
    });
    // Refused before anything changed: the vault is still open, with ada signed in.
    expect(readVaultFiles()).toEqual(before);
    expect(await h.value('vault:status')).toMatchObject({
      vault: 'open',
      user: { username: 'ada' },
    });
    expect(await h.code('vault:restore', { passphrase: HARNESS_PASSPHRASE, dropEvents: 1 })).toBe(
      'RESTORE_NOT_CONFIRMED',
    );

    const restored = await h.value<{ previousVaultPath: string; eventsDropped: number }>(
      'vault:restore',
      { passphrase: HARNESS_PASSPHRASE, dropEvents: 2 },
    );
    expect(restored).toMatchObject({
      cancelled: false,
      createdAt: backup.createdAt,
      manifestAuthenticated: true,
      eventsDropped: 2,
    });
    expect(existsSync(restored.previousVaultPath)).toBe(true);
    expect(await h.value('vault:status')).toMatchObject({ vault: 'locked', user: null });
    expect(await h.value('tasks:progress')).toBeNull();

    const record = await lastEventWithFact();
    expect(record.event).toMatchObject({ action: 'vault.restore', entityType: 'setting' });
    expect(record.fact).toMatchObject({
      authorisedBy: { kind: 'administrator', username: 'ada' },
      backup: { file: basename(backup.path), createdAt: backup.createdAt },
      replaced: {
        vaultId: currentVaultId(),
        head: { seq: record.event.seq - 1 + 2 },
        keptAs: restored.previousVaultPath,
        eventsDropped: 2,
      },
    });
    await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
    await h.signInAs('ada');
    expect(await h.value('stock:summary')).toMatchObject({ counts: { available: 10 } });
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
  });

  it('refuses anyone but an administrator of the current vault, and asks no dialog', async () => {
    const backup = await h.value<Backup>('vault:backup');
    importBackup(backup.path);
    await h.addUser('otto', 'operator');
    await h.value('session:signOut');
    // Issue 13: vault:restore ran "with the vault locked and nobody signed in".
    expect(await h.code('vault:restore', { passphrase: HARNESS_PASSPHRASE })).toBe('AUTH_FAILED');
    await h.signInAs('otto');
    expect(await h.code('vault:restore', { passphrase: HARNESS_PASSPHRASE })).toBe('FORBIDDEN');
    expect(h.dialogs.asked).toEqual([
      { kind: 'save', purpose: 'backup', defaultName: expect.any(String) as string },
    ]);
  });

  it('locked: replaces the vault with another vault’s backup only with the current passphrase and a confirmation naming the vault replaced', async () => {
    // Another vault, with another passphrase (issue 13: "a backup of a different vault made
    // with another passphrase" replaced a licensee's vault with rc 0).
    const other = createChannelHarness();
    try {
      await other.firstRun();
      await other.value('stock:register', { numbers: 'US50000-US50004' });
      await other.value('vault:changePassphrase', {
        currentPassphrase: HARNESS_PASSPHRASE,
        newPassphrase: OTHER_PASSPHRASE,
      });
      importBackup((await other.value<Backup>('vault:backup')).path);
    } finally {
      other.dispose();
    }
    await h.value('stock:register', { numbers: 'US10000-US10009' });
    await h.value('vault:lock');
    const before = readVaultFiles();

    // The backup's passphrase does not prove the right to replace this vault.
    const unproved = await h.call('vault:restore', { passphrase: OTHER_PASSPHRASE });
    expect(unproved.ok ? 'ok' : unproved.error.code).toBe('VAULT_KEY_INVALID');
    expect(unproved.ok ? '' : unproved.error.message).toContain('Only its administrator');
    const withProof = { passphrase: OTHER_PASSPHRASE, currentPassphrase: HARNESS_PASSPHRASE };
    const refused = await h.call('vault:restore', withProof);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('RESTORE_NOT_CONFIRMED');
    const id = currentVaultId();
    expect(refused.error.message).toContain(`not of the vault it would replace (${id}`);
    expect(refused.error.fields).toEqual({
      replaceOtherVault: `type the id of the vault to replace: ${id}`,
    });
    expect(await h.code('vault:restore', { ...withProof, replaceOtherVault: 'another id' })).toBe(
      'RESTORE_NOT_CONFIRMED',
    );
    expect(readVaultFiles()).toEqual(before);

    const restored = await h.value('vault:restore', { ...withProof, replaceOtherVault: id });
    expect(restored).toMatchObject({ cancelled: false, manifestAuthenticated: true });
    const record = await lastEventWithFact(OTHER_PASSPHRASE);
    expect(record.event).toMatchObject({ action: 'vault.restore', userId: null });
    expect(record.fact).toMatchObject({
      authorisedBy: { kind: 'passphrase' },
      replaced: { vaultId: id, otherVault: true },
    });
    await h.value('vault:unlock', { passphrase: OTHER_PASSPHRASE });
    await h.signInAs('ada');
    expect(await h.value('stock:summary')).toMatchObject({ counts: { available: 5 } });
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
