// The vault and its key file on disk: created, unlocked by each secret, moved to "another
// machine", passphrase changed without touching the database. Real files in temp dirs; scrypt
// runs at a small cost through the kdf option (the defaults are asserted in tests/unit/vault).
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import { changeVaultPassphrase } from '../../../electron/core/vault/keys/change-vault-passphrase';
import { createVault } from '../../../electron/core/vault/keys/create-vault';
import { readKeyFile, writeKeyFile } from '../../../electron/core/vault/keys/key-file';
import { unlockVault } from '../../../electron/core/vault/keys/unlock-vault';
import type { VaultSecret } from '../../../electron/core/vault/keys/unlock-vault';
import { unlockWithPassphrase } from '../../../electron/core/vault/keys/vault-keys';
import { VAULT_FILE_NAME, vaultLocation } from '../../../electron/core/vault/keys/vault-location';
import { fakeKeychain } from '../../unit/vault/fake-keychain';
import { failureOf } from '../../unit/vault/failure';

const kdf = { N: 2 ** 10, r: 8, p: 1 };
const passphrase = 'Antwerp diamond 2024';
let dirs: string[] = [];
let dir: string;

function tempDir(): string {
  const made = mkdtempSync(join(tmpdir(), 'kp-keys-'));
  dirs.push(made);
  return made;
}

beforeEach(() => {
  dir = join(tempDir(), 'data');
});
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** Every file in the directory with the SHA-256 of its bytes and its modification time. */
function fingerprint(of: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(of).map((name) => {
      const path = join(of, name);
      const digest = createHash('sha256').update(readFileSync(path)).digest('hex');
      return [name, `${digest} ${statSync(path).mtimeMs}`];
    }),
  );
}

async function created(keychain = fakeKeychain()) {
  const vault = await createVault({ dir, passphrase, kdf, keychain });
  vault.db.prepare("INSERT INTO settings (key, value_json) VALUES ('probe', ?)").run('"kept"');
  vault.db.close();
  return vault;
}

function probe(db: Database): unknown {
  const row = db.prepare("SELECT value_json FROM settings WHERE key = 'probe'").get() as
    { value_json: string } | undefined;
  db.close();
  return row?.value_json;
}

describe('creating a vault', () => {
  it('writes the key file (mode 0600) and an encrypted database, and shows a recovery key', async () => {
    const vault = await created();
    const { vaultPath, keyFilePath } = vaultLocation(dir);
    expect(vaultPath.endsWith(VAULT_FILE_NAME)).toBe(true);
    expect(keyFilePath).toBe(`${vaultPath}.keys.json`);
    expect(vault.recoveryKey).toMatch(/^KPR(-[0-9A-Z]{5}){8}$/);
    expect(vault.keychainWrapped).toBe(true);
    const keyFile = readKeyFile(keyFilePath);
    expect(keyFile.wraps.map((w) => w.kind).sort()).toEqual(['keychain', 'passphrase', 'recovery']);
    if (process.platform !== 'win32') expect(statSync(keyFilePath).mode & 0o777).toBe(0o600);
    expect(readFileSync(vaultPath).includes('SQLite format 3')).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses when the vault or its key file already exists, and overwrites nothing', async () => {
    await created();
    const before = fingerprint(dir);
    expect((await failureOf(() => createVault({ dir, passphrase, kdf }))).code).toBe(
      'VAULT_EXISTS',
    );
    expect(fingerprint(dir)).toEqual(before);

    const other = join(tempDir(), 'only-key-file');
    await createVault({ dir: other, passphrase, kdf }).then((v) => v.db.close());
    rmSync(vaultLocation(other).vaultPath);
    expect((await failureOf(() => createVault({ dir: other, passphrase, kdf }))).code).toBe(
      'VAULT_EXISTS',
    );
  });

  it('removes what it created when the database cannot be created', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'unrelated.txt'), 'mine');
    const { vaultPath, keyFilePath } = vaultLocation(dir);
    const creating = createVault({ dir, passphrase, kdf });
    // Another process takes the WAL file's name while the keys are being derived: SQLite can then
    // create the database but not write to it, after the key file has been written.
    mkdirSync(`${vaultPath}-wal`);
    await expect(creating).rejects.toThrow();
    expect(existsSync(keyFilePath)).toBe(false);
    expect(existsSync(vaultPath)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([`${VAULT_FILE_NAME}-wal`, 'unrelated.txt']);
  });

  it('refuses a dangling link or a stale WAL file where the vault would go', async () => {
    mkdirSync(dir, { recursive: true });
    const { vaultPath } = vaultLocation(dir);
    symlinkSync(join(dir, 'no-such-dir', 'x'), vaultPath);
    expect((await failureOf(() => createVault({ dir, passphrase, kdf }))).code).toBe(
      'VAULT_EXISTS',
    );
    rmSync(vaultPath);
    writeFileSync(`${vaultPath}-wal`, 'stale');
    expect((await failureOf(() => createVault({ dir, passphrase, kdf }))).code).toBe(
      'VAULT_EXISTS',
    );
    expect(readdirSync(dir)).toEqual([`${VAULT_FILE_NAME}-wal`]);
  });

  it('refuses a short passphrase before writing anything', async () => {
    const error = await failureOf(() => createVault({ dir, passphrase: 'short', kdf }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(error.fields).toHaveProperty('passphrase');
    expect(existsSync(dir)).toBe(false);
  });
});

describe('unlocking a vault', () => {
  it('opens with the passphrase, the recovery key and the keychain', async () => {
    const keychain = fakeKeychain();
    const { recoveryKey } = await created(keychain);
    expect(probe(await unlockVault({ dir, secret: { passphrase } }))).toBe('"kept"');
    expect(probe(await unlockVault({ dir, secret: { recoveryKey } }))).toBe('"kept"');
    expect(probe(await unlockVault({ dir, secret: { keychain } }))).toBe('"kept"');
  });

  it.each<[string, (recoveryKey: string) => VaultSecret, string]>([
    ['a wrong passphrase', () => ({ passphrase: 'Antwerp diamond 2025' }), 'VAULT_KEY_INVALID'],
    [
      'a truncated recovery key',
      () => ({ recoveryKey: 'KPR-00000-00000-00000-00000-00000-00000-00000-' }),
      'INVALID_INPUT',
    ],
    [
      'a changed keychain',
      () => ({ keychain: fakeKeychain({ backend: 'basic_text' }) }),
      'KEY_UNAVAILABLE',
    ],
    ['another keychain', () => ({ keychain: fakeKeychain() }), 'KEY_UNAVAILABLE'],
  ])('refuses %s and changes no file', async (_, secret, code) => {
    const { recoveryKey } = await created();
    const before = fingerprint(dir);
    expect((await failureOf(() => unlockVault({ dir, secret: secret(recoveryKey) }))).code).toBe(
      code,
    );
    expect(fingerprint(dir)).toEqual(before);
  });

  it('refuses a recovery key of another vault with VAULT_KEY_INVALID and changes no file', async () => {
    await created();
    const elsewhere = join(tempDir(), 'elsewhere');
    const other = await createVault({ dir: elsewhere, passphrase, kdf });
    other.db.close();
    const before = fingerprint(dir);
    const error = await failureOf(() =>
      unlockVault({ dir, secret: { recoveryKey: other.recoveryKey } }),
    );
    expect(error.code).toBe('VAULT_KEY_INVALID');
    expect(fingerprint(dir)).toEqual(before);
  });

  it('unlocks on another machine with the recovery key alone', async () => {
    const { recoveryKey } = await created();
    const machineB = tempDir();
    const { vaultPath, keyFilePath } = vaultLocation(dir);
    copyFileSync(vaultPath, join(machineB, VAULT_FILE_NAME));
    copyFileSync(keyFilePath, vaultLocation(machineB).keyFilePath);
    const keychainB = fakeKeychain();
    expect(
      (await failureOf(() => unlockVault({ dir: machineB, secret: { keychain: keychainB } }))).code,
    ).toBe('KEY_UNAVAILABLE');
    expect(probe(await unlockVault({ dir: machineB, secret: { recoveryKey } }))).toBe('"kept"');
  });

  it('says when there is no vault, and when the key file is damaged', async () => {
    expect((await failureOf(() => unlockVault({ dir, secret: { passphrase } }))).code).toBe(
      'VAULT_NOT_FOUND',
    );
    await created();
    writeFileSync(vaultLocation(dir).keyFilePath, '{"format":1,');
    expect((await failureOf(() => unlockVault({ dir, secret: { passphrase } }))).code).toBe(
      'VAULT_CORRUPT',
    );
  });
});

describe('changing the passphrase', () => {
  it('rewrites only the key file; the database bytes stay the same', async () => {
    const { recoveryKey } = await created();
    const { vaultPath, keyFilePath } = vaultLocation(dir);
    const dbBefore = readFileSync(vaultPath);
    const keyFileBefore = readFileSync(keyFilePath, 'utf8');
    await changeVaultPassphrase({
      dir,
      currentPassphrase: passphrase,
      newPassphrase: 'New passphrase 2025',
      kdf,
    });
    expect(readFileSync(vaultPath).equals(dbBefore)).toBe(true);
    expect(readFileSync(keyFilePath, 'utf8')).not.toBe(keyFileBefore);
    expect(readdirSync(dir).sort()).toEqual([VAULT_FILE_NAME, `${VAULT_FILE_NAME}.keys.json`]);
    if (process.platform !== 'win32') expect(statSync(keyFilePath).mode & 0o777).toBe(0o600);

    expect((await failureOf(() => unlockVault({ dir, secret: { passphrase } }))).code).toBe(
      'VAULT_KEY_INVALID',
    );
    expect(probe(await unlockVault({ dir, secret: { passphrase: 'New passphrase 2025' } }))).toBe(
      '"kept"',
    );
    expect(probe(await unlockVault({ dir, secret: { recoveryKey } }))).toBe('"kept"');
  });

  it('works with the recovery key when the passphrase is forgotten', async () => {
    const { recoveryKey } = await created();
    await changeVaultPassphrase({ dir, recoveryKey, newPassphrase: 'Remembered this time', kdf });
    expect(probe(await unlockVault({ dir, secret: { passphrase: 'Remembered this time' } }))).toBe(
      '"kept"',
    );
  });

  it('refuses a wrong current passphrase or a short new one, changing no file', async () => {
    await created();
    const before = fingerprint(dir);
    const wrong = await failureOf(() =>
      changeVaultPassphrase({
        dir,
        currentPassphrase: 'not the passphrase',
        newPassphrase: 'New passphrase 2025',
        kdf,
      }),
    );
    expect(wrong.code).toBe('VAULT_KEY_INVALID');
    const short = await failureOf(() =>
      changeVaultPassphrase({ dir, currentPassphrase: passphrase, newPassphrase: 'short', kdf }),
    );
    expect(short).toMatchObject({ code: 'INVALID_INPUT' });
    expect(short.fields).toHaveProperty('newPassphrase');
    expect(fingerprint(dir)).toEqual(before);
  });
});

describe('the database key', () => {
  it('appears in no file of the vault directory and in no error message', async () => {
    const keychain = fakeKeychain();
    const { recoveryKey } = await created(keychain);
    const { keyFilePath } = vaultLocation(dir);
    const key = await unlockWithPassphrase(readKeyFile(keyFilePath), passphrase);
    const forms = [
      key.toString('hex'),
      key.toString('hex').toUpperCase(),
      key.toString('base64'),
      key.toString('base64url'),
    ];

    const errors: AppError[] = [
      await failureOf(() => unlockVault({ dir, secret: { passphrase: 'wrong passphrase!' } })),
      await failureOf(() => unlockVault({ dir, secret: { recoveryKey: `${recoveryKey}X` } })),
      await failureOf(() => unlockVault({ dir, secret: { keychain: fakeKeychain() } })),
      await failureOf(() => createVault({ dir, passphrase, kdf })),
    ];
    await changeVaultPassphrase({ dir, recoveryKey, newPassphrase: 'Another passphrase', kdf });
    const db = await unlockVault({ dir, secret: { keychain } });
    db.prepare("INSERT INTO settings (key, value_json) VALUES ('more', '1')").run();
    db.close();

    const disk = Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
    const text = [disk.toString('latin1'), JSON.stringify(errors)].join('\n');
    for (const form of forms) {
      expect(text.includes(form)).toBe(false);
      expect(disk.includes(Buffer.from(form))).toBe(false);
    }
    expect(disk.includes(key)).toBe(false);
  });

  it('is wrapped by a key file that survives a rewrite byte for byte', async () => {
    await created();
    const { keyFilePath } = vaultLocation(dir);
    const keyFile = readKeyFile(keyFilePath);
    writeKeyFile(keyFilePath, keyFile);
    expect(readKeyFile(keyFilePath)).toEqual(keyFile);
    expect(probe(await unlockVault({ dir, secret: { passphrase } }))).toBe('"kept"');
  });
});
