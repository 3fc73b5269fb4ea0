// `kpdesk recovery-key rotate`, run in-process on a real vault as a script runs it (secrets in
// the environment, no terminal, the new key to a new 0600 file): the old recovery key opens
// nothing any more, the new one does, the data key is the same, the replacement is audited and
// awaits its confirmation in the app; a wrong passphrase or a non-administrator changes nothing.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKpdesk } from '../../cli/kpdesk';
import { AppFailure } from '../../electron/core/app-failure';
import { createVault } from '../../electron/core/vault/keys/create-vault';
import { unlockVault } from '../../electron/core/vault/keys/unlock-vault';
import { vaultLocation } from '../../electron/core/vault/keys/vault-location';
import { createVaultServices } from '../../electron/core/vault/vault-services';
import { captureIo } from '../unit/cli/capture-io';

const PASSPHRASE = 'correct horse battery staple';
const PASSWORD = 'ada admin password 42';
const TEST_KDF = { N: 1024, r: 8, p: 1 };

let work: string;
let dir: string;
let oldKey: string;

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'kpdesk-recovery-cli-'));
  dir = join(work, 'vault');
  const created = await createVault({ dir, passphrase: PASSPHRASE, kdf: TEST_KDF });
  oldKey = created.recoveryKey;
  const services = createVaultServices(created.db, { passwordHashing: TEST_KDF });
  const admin = services.issuance.createFirstAdministrator({
    username: 'ada',
    displayName: 'Ada Admin',
    password: PASSWORD,
  });
  services.issuance.recordRecoveryKeyConfirmed(admin.id);
  services.issuance.createUser(
    { userId: admin.id, role: 'administrator' },
    { username: 'otto', displayName: 'Otto', role: 'operator', password: PASSWORD },
  );
  created.db.close();
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

async function kpdesk(args: string[], passphrase = PASSPHRASE) {
  const io = captureIo();
  const env = { KPDESK_PASSPHRASE: passphrase, KPDESK_PASSWORD: PASSWORD };
  const code = await runKpdesk(args, { ...io, cwd: work, env });
  return { code, out: io.out(), err: io.err() };
}

async function refusal(secret: { recoveryKey: string } | { passphrase: string }) {
  try {
    (await unlockVault({ dir, secret })).close();
    return 'ok';
  } catch (error: unknown) {
    if (error instanceof AppFailure) return error.error.code;
    throw error;
  }
}

const keyFileText = () => readFileSync(vaultLocation(dir).keyFilePath, 'utf8');

describe('kpdesk recovery-key rotate', () => {
  it('replaces the recovery key, writes the new one to a new 0600 file, audited', async () => {
    const done = await kpdesk([
      'recovery-key',
      'rotate',
      '--dir',
      dir,
      '--user',
      'ada',
      '--recovery-key-out',
      'new-key.txt',
      '--json',
    ]);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    const out = join(work, 'new-key.txt');
    expect(JSON.parse(done.out)).toEqual({ rotated: true, confirmed: false, recoveryKeyFile: out });
    expect(done.out).not.toMatch(/KPR-/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const newKey = readFileSync(out, 'utf8').trim();
    expect(newKey).toMatch(/^KPR(-[0-9A-Z]{5}){8}$/);

    expect(await refusal({ recoveryKey: oldKey })).toBe('VAULT_KEY_INVALID');
    const db = await unlockVault({ dir, secret: { recoveryKey: newKey } });
    try {
      const services = createVaultServices(db);
      // In force but not yet typed back: the app keeps the records closed until it is.
      expect(services.facts.recoveryKeyConfirmation()).toBeNull();
      const actions = db
        .prepare<[], string>("SELECT action FROM audit_events WHERE action LIKE 'vault.%'")
        .pluck()
        .all();
      expect(actions).toEqual(['vault.confirm-recovery-key', 'vault.rotate-recovery-key']);
      expect(services.audit.verify()).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
    // The file is never written over.
    const again = await kpdesk([
      'recovery-key',
      'rotate',
      '--dir',
      dir,
      '--user',
      'ada',
      '--recovery-key-out',
      'new-key.txt',
    ]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists/);
  });

  it('refuses a wrong passphrase, an operator, the recovery key as proof; nothing changes', async () => {
    const before = keyFileText();
    const base = ['recovery-key', 'rotate', '--dir', dir, '--recovery-key-out', 'k.txt', '--json'];
    const wrong = await kpdesk([...base, '--user', 'ada'], 'not the passphrase at all');
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.out)).toMatchObject({ error: { code: 'VAULT_KEY_INVALID' } });
    const operator = await kpdesk([...base, '--user', 'otto']);
    expect(JSON.parse(operator.out)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const byKey = await kpdesk([...base, '--user', 'ada', '--recovery-key-file', 'x']);
    expect(JSON.parse(byKey.out)).toMatchObject({
      error: { code: 'INVALID_INPUT', fields: { '--recovery-key-file': 'not accepted here' } },
    });
    const noTerminal = await kpdesk(['recovery-key', 'rotate', '--dir', dir, '--user', 'ada']);
    expect(noTerminal.err).toMatch(/--recovery-key-out/);
    expect((await kpdesk(['recovery-key', 'spin', '--dir', dir])).code).toBe(2);
    expect(keyFileText()).toBe(before);
    expect(await refusal({ recoveryKey: oldKey })).toBe('ok');
  });
});
