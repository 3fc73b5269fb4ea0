// Wrapping and unwrapping the database key, as pure operations on a key file (no disk).
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKeyFile } from '../../../electron/core/vault/keys/key-file';
import type { KeyFile } from '../../../electron/core/vault/keys/key-file';
import {
  DEFAULT_KDF,
  checkPassphrase,
  unwrapKey,
  wrapKey,
} from '../../../electron/core/vault/keys/passphrase-wrap';
import {
  addKeychainWrap,
  changePassphrase,
  createVaultKeys,
  removeKeychainWrap,
  unlockWithKeychain,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from '../../../electron/core/vault/keys/vault-keys';
import { fakeKeychain } from './fake-keychain';
import { failureOf } from './failure';

const kdf = { N: 2 ** 10, r: 8, p: 1 };
const passphrase = 'correct horse battery';

describe('the scrypt defaults', () => {
  it('stay at N ≥ 2^17, r ≥ 8, p ≥ 1', () => {
    expect(DEFAULT_KDF.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(DEFAULT_KDF.r).toBeGreaterThanOrEqual(8);
    expect(DEFAULT_KDF.p).toBeGreaterThanOrEqual(1);
    expect(Object.isFrozen(DEFAULT_KDF)).toBe(true);
  });

  it('are what a wrap records when no cost is given', async () => {
    const wrap = await wrapKey(randomBytes(32), passphrase, {
      vaultId: randomUUID(),
      kind: 'passphrase',
    });
    expect(wrap.kdf).toMatchObject({
      name: 'scrypt',
      N: DEFAULT_KDF.N,
      r: DEFAULT_KDF.r,
      p: DEFAULT_KDF.p,
    });
  });
});

describe('a passphrase wrap', () => {
  it('round-trips the key and records its cost and a fresh salt', async () => {
    const key = randomBytes(32);
    const vaultId = randomUUID();
    const a = await wrapKey(key, passphrase, { vaultId, kind: 'passphrase', kdf });
    const b = await wrapKey(key, passphrase, { vaultId, kind: 'passphrase', kdf });
    expect(a.kdf).toMatchObject({ name: 'scrypt', ...kdf });
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect((await unwrapKey(a, passphrase, vaultId)).equals(key)).toBe(true);
  });

  it('refuses a wrong passphrase with VAULT_KEY_INVALID', async () => {
    const vaultId = randomUUID();
    const wrap = await wrapKey(randomBytes(32), passphrase, { vaultId, kind: 'passphrase', kdf });
    const error = await failureOf(() => unwrapKey(wrap, 'correct horse batterY', vaultId));
    expect(error.code).toBe('VAULT_KEY_INVALID');
    expect(error.message).toMatch(/passphrase is not correct/);
  });

  it('cannot be moved to another vault or relabelled as another kind (AAD)', async () => {
    const key = randomBytes(32);
    const vaultId = randomUUID();
    const wrap = await wrapKey(key, passphrase, { vaultId, kind: 'passphrase', kdf });
    expect((await failureOf(() => unwrapKey(wrap, passphrase, randomUUID()))).code).toBe(
      'VAULT_KEY_INVALID',
    );
    const relabelled = { ...wrap, kind: 'recovery' as const };
    expect((await failureOf(() => unwrapKey(relabelled, passphrase, vaultId))).code).toBe(
      'VAULT_KEY_INVALID',
    );
  });

  it('treats the same passphrase typed as NFC or NFD alike', async () => {
    const vaultId = randomUUID();
    const key = randomBytes(32);
    const nfc = 'Zürich–Antwerpen'.normalize('NFC');
    const wrap = await wrapKey(key, nfc, { vaultId, kind: 'passphrase', kdf });
    expect((await unwrapKey(wrap, nfc.normalize('NFD'), vaultId)).equals(key)).toBe(true);
  });
});

describe('the passphrase policy', () => {
  it('asks for at least 12 characters, in the passphrase field', async () => {
    const error = await failureOf(() => checkPassphrase('short pass!'));
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { passphrase: expect.stringMatching(/12/) as string },
    });
    expect(() => checkPassphrase('twelve chars')).not.toThrow();
    await expect(createVaultKeys({ passphrase: 'too short', kdf })).rejects.toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('the vault keys', () => {
  it('open with the passphrase and with the recovery key, and survive the key file format', async () => {
    const created = await createVaultKeys({ passphrase, kdf });
    expect(created.key).toHaveLength(32);
    expect(created.keyFile.wraps.map((w) => w.kind).sort()).toEqual(['passphrase', 'recovery']);
    const reread = parseKeyFile(JSON.stringify(created.keyFile));
    expect((await unlockWithPassphrase(reread, passphrase)).equals(created.key)).toBe(true);
    const typed = created.recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect((await unlockWithRecoveryKey(reread, typed)).equals(created.key)).toBe(true);
  });

  it('do not let the passphrase open the recovery wrap or the recovery key the passphrase wrap', async () => {
    const { keyFile, recoveryKey } = await createVaultKeys({ passphrase, kdf });
    const swapped: KeyFile = {
      ...keyFile,
      wraps: keyFile.wraps.map((w) =>
        w.kind === 'keychain'
          ? w
          : { ...w, kind: w.kind === 'passphrase' ? 'recovery' : 'passphrase' },
      ),
    };
    expect((await failureOf(() => unlockWithPassphrase(swapped, passphrase))).code).toBe(
      'VAULT_KEY_INVALID',
    );
    expect((await failureOf(() => unlockWithRecoveryKey(swapped, recoveryKey))).code).toBe(
      'VAULT_KEY_INVALID',
    );
  });

  it('refuse a wrap copied from another vault', async () => {
    const a = await createVaultKeys({ passphrase, kdf });
    const b = await createVaultKeys({ passphrase, kdf });
    const grafted: KeyFile = { ...a.keyFile, wraps: b.keyFile.wraps };
    expect((await failureOf(() => unlockWithPassphrase(grafted, passphrase))).code).toBe(
      'VAULT_KEY_INVALID',
    );
  });

  it('report a mistyped recovery key as mistyped', async () => {
    const { keyFile, recoveryKey } = await createVaultKeys({ passphrase, kdf });
    const last = recoveryKey.charAt(recoveryKey.length - 1);
    const typo = recoveryKey.slice(0, -1) + (last === '7' ? '8' : '7');
    const error = await failureOf(() => unlockWithRecoveryKey(keyFile, typo));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toHaveProperty('recoveryKey');
  });

  it('change the passphrase by rewrapping only the passphrase wrap', async () => {
    const { key, keyFile, recoveryKey } = await createVaultKeys({ passphrase, kdf });
    const changed = await changePassphrase(keyFile, key, 'a brand new passphrase', kdf);
    const byKind = (file: KeyFile, kind: string) => file.wraps.find((w) => w.kind === kind);
    expect(byKind(changed, 'recovery')).toEqual(byKind(keyFile, 'recovery'));
    expect(byKind(changed, 'passphrase')).not.toEqual(byKind(keyFile, 'passphrase'));
    expect(changed.vaultId).toBe(keyFile.vaultId);
    expect((await unlockWithPassphrase(changed, 'a brand new passphrase')).equals(key)).toBe(true);
    expect((await failureOf(() => unlockWithPassphrase(changed, passphrase))).code).toBe(
      'VAULT_KEY_INVALID',
    );
    expect((await unlockWithRecoveryKey(changed, recoveryKey)).equals(key)).toBe(true);
    expect((await failureOf(() => changePassphrase(keyFile, key, 'short'))).fields).toHaveProperty(
      'newPassphrase',
    );
  });
});

describe('the keychain wrap', () => {
  it('is added only for a strong keychain, records the backend and opens with it', async () => {
    const keychain = fakeKeychain({ backend: 'kwallet6' });
    const { key, keyFile } = await createVaultKeys({ passphrase, kdf, keychain });
    const wrap = keyFile.wraps.find((w) => w.kind === 'keychain');
    expect(wrap).toMatchObject({ kind: 'keychain', cipher: 'aes-256-gcm', backend: 'kwallet6' });
    expect((await unlockWithKeychain(keyFile, keychain)).equals(key)).toBe(true);

    const weak = await createVaultKeys({
      passphrase,
      kdf,
      keychain: fakeKeychain({ backend: 'basic_text', strong: false }),
    });
    expect(weak.keyFile.wraps.map((w) => w.kind)).not.toContain('keychain');
  });

  it('refuses, pointing to the passphrase, when the backend changed or became weak', async () => {
    const keychain = fakeKeychain({ backend: 'gnome_libsecret' });
    const { keyFile } = await createVaultKeys({ passphrase, kdf, keychain });
    keychain.setBackend('basic_text');
    const changed = await failureOf(() => unlockWithKeychain(keyFile, keychain));
    expect(changed.code).toBe('KEY_UNAVAILABLE');
    expect(changed.message).toMatch(/gnome_libsecret.*basic_text.*passphrase/);
    keychain.setBackend('gnome_libsecret');
    keychain.setStrong(false);
    const weak = await failureOf(() => unlockWithKeychain(keyFile, keychain));
    expect(weak).toMatchObject({
      code: 'KEY_UNAVAILABLE',
      message: expect.stringMatching(/passphrase/) as string,
    });
  });

  it('refuses another keychain of the same backend, a moved wrap, and a vault without one', async () => {
    const keychain = fakeKeychain();
    const a = await createVaultKeys({ passphrase, kdf, keychain });
    const b = await createVaultKeys({ passphrase, kdf, keychain });
    expect((await failureOf(() => unlockWithKeychain(a.keyFile, fakeKeychain()))).code).toBe(
      'KEY_UNAVAILABLE',
    );
    const grafted: KeyFile = { ...a.keyFile, wraps: b.keyFile.wraps };
    expect((await failureOf(() => unlockWithKeychain(grafted, keychain))).code).toBe(
      'KEY_UNAVAILABLE',
    );
    const none = removeKeychainWrap(a.keyFile);
    expect((await failureOf(() => unlockWithKeychain(none, keychain))).message).toMatch(
      /passphrase/,
    );
  });

  it('can be added later, and never hands the database key itself to the keychain', async () => {
    const { key, keyFile } = await createVaultKeys({ passphrase, kdf });
    const seen: Buffer[] = [];
    const inner = fakeKeychain({ backend: 'keychain' });
    const spying = {
      ...inner,
      encrypt: (plain: Buffer) => (seen.push(Buffer.from(plain)), inner.encrypt(plain)),
    };
    const withKeychain = await addKeychainWrap(keyFile, key, spying);
    expect((await unlockWithKeychain(withKeychain, spying)).equals(key)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.equals(key)).toBe(false);
    const weak = fakeKeychain({ strong: false });
    expect((await failureOf(() => addKeychainWrap(keyFile, key, weak))).code).toBe(
      'KEY_UNAVAILABLE',
    );
  });
});

describe('the key file format', () => {
  it('rejects damage as VAULT_CORRUPT: bad JSON, unknown fields, two wraps of a kind, weak or huge costs', async () => {
    const { keyFile } = await createVaultKeys({ passphrase, kdf });
    const mutate = (f: (copy: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(keyFile)) as Record<string, unknown>;
      f(copy);
      return JSON.stringify(copy);
    };
    const wraps = (copy: Record<string, unknown>) => copy.wraps as Record<string, unknown>[];
    const damaged = [
      '{',
      '',
      mutate((c) => (c.format = 2)),
      mutate((c) => (c.key = 'x')),
      mutate((c) => (c.vaultId = 'not-a-uuid')),
      mutate((c) => wraps(c).push(wraps(c)[0]!)),
      mutate((c) => ((wraps(c)[0]!.kdf as Record<string, unknown>).N = 2 ** 30)),
      mutate((c) => ((wraps(c)[0]!.kdf as Record<string, unknown>).N = 1000)),
      mutate((c) => (wraps(c)[0]!.cipher = 'aes-128-cbc')),
      mutate((c) => (c.wraps = [])),
    ];
    for (const text of damaged)
      expect((await failureOf(() => parseKeyFile(text))).code).toBe('VAULT_CORRUPT');
    expect(parseKeyFile(JSON.stringify(keyFile))).toEqual(keyFile);
  });
});
