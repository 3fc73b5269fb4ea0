// Issue 13, part 3, through the channels into a real encrypted vault on disk: the signing and
// seal private keys are not recoverable with the vault passphrase alone. An attacker who has the
// passphrase (every operator does) opens the database with plain SQL and looks at every value of
// every table: nothing parses as a private key, no 32-byte value unwraps the stored keys, and an
// operator signed in on another computer cannot sign. An administrator's signing secret opens
// signing; a computer opened for signing (a real file-based keychain per "computer") signs
// without it after a restart, and stops when closed. Wrong secrets are refused and audited, and
// the escrow export is an audited administrator action that OpenSSL reads.
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrapPrivateKey } from '../../../electron/core/signing-keys/private-key-envelope';
import { unlockVaultAndKey } from '../../../electron/core/vault/keys/unlock-vault';
import type { OsKeychain } from '../../../electron/core/vault/keys/os-keychain';
import { fileKeychain } from '../../helpers/file-keychain';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';

const SECRET = 'ada signing secret, long enough';
const EXPORT_PASSPHRASE = 'escrow passphrase for the safe';

const harnesses: ChannelHarness[] = [];
afterEach(() => {
  for (const harness of harnesses.splice(0)) harness.dispose();
});

/** One run of the app over a data folder, on a computer with this keychain (or none: the CLI). */
function appOn(dataDir: string | undefined, keychain?: OsKeychain): ChannelHarness {
  const harness = createChannelHarness(
    dataDir === undefined ? {} : { dataDir },
    keychain === undefined ? {} : { keychain },
  );
  harnesses.push(harness);
  return harness;
}

async function restart(dataDir: string, keychain?: OsKeychain): Promise<ChannelHarness> {
  const app = appOn(dataDir, keychain);
  await app.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
  return app;
}

/** A vault with an administrator, an operator, an identity and one issued certificate. */
async function preparedVault(keychain?: OsKeychain) {
  const app = appOn(undefined, keychain);
  await app.firstRun();
  await app.addUser('otto', 'operator');
  await app.addUser('bea', 'administrator');
  await app.value('identity:generate', { signerName: 'Ada Admin' });
  const certificateId = await app.issueFixture();
  return { app, certificateId };
}

type SigningStatus = {
  state: string;
  canSign: boolean;
  openedBy: string | null;
  message: string;
  workstations: unknown[];
};

async function auditActions(dataDir: string): Promise<string[]> {
  const { db } = await unlockVaultAndKey({
    dir: dataDir,
    secret: { passphrase: HARNESS_PASSPHRASE },
  });
  try {
    return db.prepare<[], string>('SELECT action FROM audit_events ORDER BY seq').pluck().all();
  } finally {
    db.close();
  }
}

/** The attacker: the passphrase, plain SQL, every value of every table. */
async function plainSqlAttack(dataDir: string) {
  const { db, key } = await unlockVaultAndKey({
    dir: dataDir,
    secret: { passphrase: HARNESS_PASSPHRASE },
  });
  key.fill(0);
  try {
    const tables = db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all();
    const values: unknown[] = tables.flatMap((table) =>
      db
        .prepare(`SELECT * FROM "${table}"`)
        .all()
        .flatMap((row) => Object.values(row as Record<string, unknown>)),
    );
    const parsesAsPrivateKey = (bytes: Buffer): boolean => {
      try {
        createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8' });
        return true;
      } catch {
        return false;
      }
    };
    const blobs = values.filter((value): value is Buffer => Buffer.isBuffer(value));
    const texts = values.filter((value): value is string => typeof value === 'string');
    // Every base64 run of a 32-byte value anywhere (JSON included) is tried as the KEK.
    const candidates = texts.flatMap((text) =>
      [...text.matchAll(/[A-Za-z0-9+/]{43}=/g)].map((match) => Buffer.from(match[0], 'base64')),
    );
    const storedKeys = db
      .prepare<[], Buffer>('SELECT private_key FROM signing_identities')
      .pluck()
      .all();
    const unwrapped = candidates.filter((kek) =>
      storedKeys.some((stored) => unwrapPrivateKey(kek, stored, 'signing_identity') !== undefined),
    );
    const pemKeys = texts.filter((text) => /PRIVATE KEY-----/.test(text));
    return {
      privateKeyBlobs: blobs.filter(parsesAsPrivateKey).length,
      kekFound: unwrapped.length,
      pemKeys: pemKeys.length,
      storedKeys: storedKeys.length,
    };
  } finally {
    db.close();
  }
}

describe('protected signing keys (issue 13, part 3)', () => {
  it('keys made without a secret sign in that session only; after a lock signing needs the secret', async () => {
    const { app, certificateId } = await preparedVault();
    const status = await app.value<SigningStatus>('identity:signingKeys');
    expect(status).toMatchObject({ state: 'pending', canSign: true, openedBy: 'created' });
    await app.value('documents:sign', { certificateId });

    const again = await restart(app.dataDir);
    await again.signInAs('ada');
    const locked = await again.value<SigningStatus>('identity:signingKeys');
    expect(locked).toMatchObject({ state: 'pending', canSign: false });
    expect(locked.message).toMatch(/signing secret/);
    const refused = await again.call('documents:sign', { certificateId });
    // The stored copy is reused when nothing changed; voiding forces a new signature below.
    expect(refused.ok).toBe(true);
    await again.value('certificates:void', { id: certificateId, reason: 'Printer error' });
    const voidCopy = await again.call('documents:sign', { certificateId });
    expect(voidCopy.ok).toBe(false);
    if (!voidCopy.ok) {
      expect(voidCopy.error.code).toBe('SIGNING_LOCKED');
      expect(voidCopy.error.message).toMatch(/signing secret/);
    }
    // Until a secret is set, the keys are as exposed as before 0210, and the status says so.
    expect((await plainSqlAttack(app.dataDir)).kekFound).toBeGreaterThan(0);
  });

  it('once a secret is set, the passphrase and plain SQL find no private key and cannot sign', async () => {
    const { app, certificateId } = await preparedVault();
    const set = await app.value<SigningStatus>('identity:setSigningSecret', { secret: SECRET });
    expect(set).toMatchObject({ state: 'protected', canSign: true, openedBy: 'secret' });
    expect(await auditActions(app.dataDir)).toEqual(
      expect.arrayContaining([
        'signing-keys.create-kek',
        'signing-secret.set',
        'signing-keys.pending-erased',
      ]),
    );

    const attack = await plainSqlAttack(app.dataDir);
    expect(attack.storedKeys).toBe(1);
    expect(attack).toMatchObject({ privateKeyBlobs: 0, kekFound: 0, pemKeys: 0 });

    // An operator on another computer (no keychain opened for signing) cannot sign.
    const elsewhere = await restart(app.dataDir);
    await elsewhere.signInAs('otto');
    expect(await elsewhere.code('documents:sign', { certificateId })).toBe('SIGNING_LOCKED');
    const status = await elsewhere.value<SigningStatus>('identity:signingKeys');
    expect(status).toMatchObject({ state: 'protected', canSign: false });
    expect(status.message).toMatch(/open this computer for signing/);
    // Nor can an operator unlock or export, whatever they type.
    expect(await elsewhere.code('identity:unlockSigning', { secret: SECRET })).toBe('FORBIDDEN');

    // The administrator's secret opens signing for the session.
    await elsewhere.signInAs('ada');
    await elsewhere.value('identity:unlockSigning', { secret: SECRET });
    await elsewhere.signInAs('otto');
    expect(await elsewhere.code('documents:sign', { certificateId })).toBe('ok');
  });

  it('refuses a wrong secret, changing nothing, and audits the refusal', async () => {
    const { app } = await preparedVault();
    await app.value('identity:setSigningSecret', { secret: SECRET });
    const again = await restart(app.dataDir);
    await again.signInAs('ada');
    const wrong = await again.call('identity:unlockSigning', { secret: 'not the secret at all' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error.code).toBe('SIGNING_SECRET_WRONG');
      expect(wrong.error.fields).toHaveProperty('secret');
    }
    expect(await again.value<SigningStatus>('identity:signingKeys')).toMatchObject({
      canSign: false,
    });
    expect(
      await again.code('identity:setSigningSecret', {
        secret: 'a brand new secret value',
        currentSecret: 'wrong current secret',
      }),
    ).toBe('SIGNING_SECRET_WRONG');
    const actions = await auditActions(app.dataDir);
    expect(actions.filter((action) => action === 'signing-secret.refused')).toHaveLength(2);
    // The chain, with its refusals, still verifies.
    expect(await again.value<{ ok: boolean }>('audit:verify')).toMatchObject({ ok: true });

    // A second administrator sets a secret only while a secret opened signing in the session.
    await again.signInAs('bea');
    expect(await again.code('identity:setSigningSecret', { secret: 'bea signing secret!' })).toBe(
      'SIGNING_LOCKED',
    );
    await again.signInAs('ada');
    await again.value('identity:unlockSigning', { secret: SECRET });
    await again.signInAs('bea');
    expect(await again.code('identity:setSigningSecret', { secret: 'bea signing secret!' })).toBe(
      'ok',
    );
    // Changing one's secret needs the current one; the old one then no longer opens.
    await again.value('identity:setSigningSecret', {
      secret: 'bea changed her secret',
      currentSecret: 'bea signing secret!',
    });
    const later = await restart(app.dataDir);
    await later.signInAs('bea');
    expect(await later.code('identity:unlockSigning', { secret: 'bea signing secret!' })).toBe(
      'SIGNING_SECRET_WRONG',
    );
    expect(await later.code('identity:unlockSigning', { secret: 'bea changed her secret' })).toBe(
      'ok',
    );
  });

  it('an opened workstation signs without the secret after a restart; no other computer does; closing ends it', async () => {
    const computers = appOn(undefined).dir;
    const workstation = fileKeychain(join(computers, 'workstation'));
    const laptop = fileKeychain(join(computers, 'laptop'));
    const { app, certificateId } = await preparedVault(workstation);
    await app.value('identity:setSigningSecret', { secret: SECRET });
    const opened = await app.value<SigningStatus>('identity:openWorkstation', { secret: SECRET });
    expect(opened).toMatchObject({ canSign: true, openedBy: 'workstation' });
    expect(opened.workstations).toHaveLength(1);
    expect(await app.code('identity:openWorkstation', { secret: 'wrong secret again' })).toBe(
      'SIGNING_SECRET_WRONG',
    );

    // Restart on the workstation: an operator signs, nobody typed the secret.
    const onWorkstation = await restart(app.dataDir, workstation);
    await onWorkstation.signInAs('otto');
    expect(await onWorkstation.value<SigningStatus>('identity:signingKeys')).toMatchObject({
      canSign: true,
      openedBy: 'workstation',
    });
    expect(await onWorkstation.code('documents:sign', { certificateId })).toBe('ok');
    // An operator cannot close it.
    expect(await onWorkstation.code('identity:closeWorkstation', { which: 'this' })).toBe(
      'FORBIDDEN',
    );

    // The same vault on another computer (a copy, or a restored backup): records, no signing.
    const onLaptop = await restart(app.dataDir, laptop);
    await onLaptop.signInAs('otto');
    expect(await onLaptop.value<SigningStatus>('identity:signingKeys')).toMatchObject({
      canSign: false,
    });
    await onLaptop.value('certificates:void', { id: certificateId, reason: 'Printer error' });
    expect(await onLaptop.code('documents:sign', { certificateId })).toBe('SIGNING_LOCKED');
    // The laptop is not open, so "close this computer" there says so and changes nothing.
    await onLaptop.signInAs('ada');
    expect(await onLaptop.code('identity:closeWorkstation', { which: 'this' })).toBe('NOT_FOUND');

    // Closing the workstation: its next start no longer signs.
    const closing = await restart(app.dataDir, workstation);
    await closing.signInAs('ada');
    const closed = await closing.value<SigningStatus>('identity:closeWorkstation', {
      which: 'this',
    });
    expect(closed).toMatchObject({ canSign: false, workstations: [] });
    const afterClose = await restart(app.dataDir, workstation);
    await afterClose.signInAs('otto');
    expect(await afterClose.code('documents:sign', { certificateId })).toBe('SIGNING_LOCKED');
    expect(await auditActions(app.dataDir)).toEqual(
      expect.arrayContaining(['signing-workstation.open', 'signing-workstation.close']),
    );
  });

  it('a new identity opens this computer without a secret: the pending key is erased, later secrets follow the rules', async () => {
    const computers = appOn(undefined).dir;
    const workstation = fileKeychain(join(computers, 'workstation'));
    const { app, certificateId } = await preparedVault(workstation);
    // An operator cannot, even with the keys pending.
    await app.signInAs('otto');
    expect(await app.code('identity:openWorkstation', {})).toBe('FORBIDDEN');
    await app.signInAs('ada');
    const opened = await app.value<SigningStatus>('identity:openWorkstation', {});
    expect(opened).toMatchObject({ state: 'protected', canSign: true, openedBy: 'workstation' });
    // The pending KEK is gone: plain SQL with the passphrase finds no key that opens the keys.
    expect(await plainSqlAttack(app.dataDir)).toMatchObject({ kekFound: 0, privateKeyBlobs: 0 });
    expect(await auditActions(app.dataDir)).toEqual(
      expect.arrayContaining(['signing-workstation.open', 'signing-keys.pending-erased']),
    );
    // No second opening without a secret (nothing pending any more), here or on another computer.
    expect(await app.code('identity:openWorkstation', {})).toBe('SIGNING_LOCKED');

    // After a restart on this computer: signing works, and the first secret may be set from here.
    const again = await restart(app.dataDir, workstation);
    await again.signInAs('ada');
    expect(await again.code('documents:sign', { certificateId })).toBe('ok');
    await again.value('identity:setSigningSecret', { secret: SECRET });
    // A second administrator cannot give themselves a secret from the opened computer.
    const next = await restart(app.dataDir, workstation);
    await next.signInAs('bea');
    expect(
      await next.code('identity:setSigningSecret', { secret: 'bea signing secret, long' }),
    ).toBe('SIGNING_LOCKED');
    // And once a secret exists, opening another computer needs it.
    const laptop = await restart(app.dataDir, fileKeychain(join(computers, 'laptop')));
    await laptop.signInAs('ada');
    expect(await laptop.code('identity:openWorkstation', {})).toBe('SIGNING_LOCKED');
    expect(await laptop.code('identity:openWorkstation', { secret: SECRET })).toBe('ok');
  });

  it('the CLI and the preview have no keychain: opening a workstation there is refused', async () => {
    const { app } = await preparedVault();
    await app.value('identity:setSigningSecret', { secret: SECRET });
    expect(await app.code('identity:openWorkstation', { secret: SECRET })).toBe('KEY_UNAVAILABLE');
  });

  it('exports the keys for escrow only to an administrator with the secret, audited, readable by OpenSSL', async () => {
    const { app } = await preparedVault();
    await app.value('identity:setSigningSecret', { secret: SECRET });
    const exportInput = { secret: SECRET, exportPassphrase: EXPORT_PASSPHRASE };

    await app.signInAs('otto');
    expect(await app.code('identity:exportEscrow', exportInput)).toBe('FORBIDDEN');
    await app.signInAs('ada');
    expect(
      await app.code('identity:exportEscrow', { ...exportInput, secret: 'not my secret at all' }),
    ).toBe('SIGNING_SECRET_WRONG');
    expect(
      await app.code('identity:exportEscrow', { ...exportInput, exportPassphrase: SECRET }),
    ).toBe('INVALID_INPUT');
    expect(app.dialogs.asked.filter((ask) => ask.purpose === 'signing-escrow')).toHaveLength(2);

    const exported = await app.value<{ cancelled: boolean; fileName: string }>(
      'identity:exportEscrow',
      exportInput,
    );
    expect(exported.cancelled).toBe(false);
    const path = join(app.dialogs.root, 'exports', exported.fileName);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const actions = await auditActions(app.dataDir);
    expect(actions.filter((action) => action === 'signing-keys.export-escrow')).toHaveLength(1);
    expect(actions.filter((action) => action === 'signing-secret.refused')).toHaveLength(1);

    // OpenSSL decrypts the signing key with the export passphrase; it is the certificate's key.
    const publicPem = execFileSync('openssl', [
      'pkey',
      '-in',
      path,
      '-passin',
      `pass:${EXPORT_PASSPHRASE}`,
      '-pubout',
    ]).toString();
    const identity = await app.value<{ fingerprintSha256: string }>('identity:get');
    const certificatePem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(
      readFileSync(path, 'utf8'),
    )?.[0];
    const certificate = new X509Certificate(certificatePem ?? '');
    expect(certificate.fingerprint256).toBe(identity.fingerprintSha256);
    expect(
      createPublicKey(publicPem)
        .export({ type: 'spki', format: 'der' })
        .equals(certificate.publicKey.export({ type: 'spki', format: 'der' })),
    ).toBe(true);
    expect(() =>
      execFileSync('openssl', ['pkey', '-in', path, '-passin', 'pass:wrong passphrase'], {
        stdio: 'pipe',
      }),
    ).toThrow();
  });
});
