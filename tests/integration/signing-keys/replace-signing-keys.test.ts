// Issue 13, part 3 follow-up, through the channels into a real encrypted vault on disk: signing
// keys nobody can open any more are replaced. A dealer opened one computer for signing and set no
// signing secret; the vault is then opened on a new computer (a restore after a disk failure), so
// no wrap of the KEK opens: signing is locked for good. An administrator replaces the keys with a
// reason; the certificate signed before (identity A, seal key A) and one signed after (identity B,
// seal key B) both verify VALID against the vault, and the full review reports nothing about the
// old one that it does not report about the new one. Also: the forgotten-secret path, and what is
// refused (operators, keys that can still be opened, no confirmation, bad text) changing nothing.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { unlockVaultAndKey } from '../../../electron/core/vault/keys/unlock-vault';
import type { OsKeychain } from '../../../electron/core/vault/keys/os-keychain';
import { ReviewReportSchema } from '../../../shared/review/review-report';
import { fileKeychain } from '../../helpers/file-keychain';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';
import { validDraft } from '../../unit/domain/certificate-fixtures';

const SECRET = 'ada signing secret, long enough';
const REASON = 'The workstation opened for signing died; vault restored on a new computer.';

const harnesses: ChannelHarness[] = [];
afterEach(() => {
  for (const harness of harnesses.splice(0)) harness.dispose();
});

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
  await app.signInAs('ada');
  return app;
}

async function issue(app: ChannelHarness, number: string): Promise<number> {
  const draft = await app.value<{ id: number }>('certificates:createDraft', {
    number,
    draft: { ...validDraft(), number },
  });
  // One ITN per shipment: the last digits follow the form number.
  await app.value('certificates:recordItn', {
    id: draft.id,
    itn: `X20261127123${number.slice(-3)}`,
  });
  await app.value('certificates:issue', {
    id: draft.id,
    attested: true,
    packaging: { description: '2 parcels in a sealed box', sealNumbers: ['S-1'] },
    warranty: { statement: 'The diamonds herein invoiced…', invoiceNumbers: ['INV-1'] },
  });
  return draft.id;
}

type Verified = {
  result: {
    verdict: string;
    indication: string;
    record: { status: string };
    seal: { status: string; message: string };
    signer: { subject: string };
  };
};

/** documents:verify on a copy of `path`, as the open dialog hands it over. */
async function verify(app: ChannelHarness, path: string): Promise<Verified> {
  const imports = join(app.dialogs.root, 'imports');
  rmSync(imports, { recursive: true, force: true });
  mkdirSync(imports, { recursive: true });
  copyFileSync(path, join(imports, 'received.pdf'));
  return app.value<Verified>('documents:verify');
}

async function readVault<T>(dataDir: string, read: (db: Database) => T): Promise<T> {
  const { db, key } = await unlockVaultAndKey({
    dir: dataDir,
    secret: { passphrase: HARNESS_PASSPHRASE },
  });
  key.fill(0);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

type Status = { state: string; canSign: boolean; openedBy: string | null };
type Replaced = {
  identity: { fingerprintSha256: string; signerName: string; sealPublicKeyPem: string | null };
  retiredFingerprintSha256: string;
  erasedWraps: number;
  signingKeys: Status;
};

describe('replacing signing keys nobody can open (issue 13, part 3)', () => {
  it('after the only opened computer is lost, new keys sign and both certificates verify VALID', async () => {
    const computers = appOn(undefined).dir;
    const workstation = fileKeychain(join(computers, 'workstation'));
    const newComputer = fileKeychain(join(computers, 'new-computer'));

    // Identity A, this computer opened for signing without any secret; US12345 signed with A.
    const app = appOn(undefined, workstation);
    await app.firstRun();
    await app.addUser('otto', 'operator');
    await app.addUser('rita', 'reviewer');
    await app.value('identity:generate', { signerName: 'Ada Admin' });
    await app.value('identity:openWorkstation', {});
    const identityA = await app.value<{ fingerprintSha256: string; sealPublicKeyPem: string }>(
      'identity:get',
    );
    await app.value('stock:register', { numbers: 'US12345-US12349' });
    const first = await issue(app, 'US12345');
    await app.value('documents:sign', { certificateId: first });
    const pdfA = (await app.value<{ path: string }>('documents:save', { certificateId: first }))
      .path;

    // On the opened computer the keys open: no replacement, however it is asked.
    const sameComputer = await restart(app.dataDir, workstation);
    expect(await sameComputer.code('identity:replaceKeys', { reason: REASON, confirm: true })).toBe(
      'CONFLICT',
    );

    // The vault on a new computer: its keychain opens nothing, so signing is locked.
    const moved = await restart(app.dataDir, newComputer);
    expect(await moved.value<Status>('identity:signingKeys')).toMatchObject({
      state: 'protected',
      canSign: false,
    });
    const second = await issue(moved, 'US12346');
    expect(await moved.code('documents:sign', { certificateId: second })).toBe('SIGNING_LOCKED');
    // An ordinary new identity is refused too: it would be wrapped under the lost KEK.
    expect(await moved.code('identity:generate', { signerName: 'Ada Admin' })).toBe(
      'SIGNING_LOCKED',
    );

    // Refusals change nothing: an operator; no confirmation; a reason with a bidi override.
    const eventsBefore = await readVault(app.dataDir, (db) =>
      db.prepare('SELECT count(*) FROM audit_events').pluck().get(),
    );
    await moved.signInAs('otto');
    expect(await moved.code('identity:replaceKeys', { reason: REASON, confirm: true })).toBe(
      'FORBIDDEN',
    );
    await moved.signInAs('ada');
    expect(await moved.code('identity:replaceKeys', { reason: REASON })).toBe('INVALID_INPUT');
    const bidi = await moved.call('identity:replaceKeys', {
      reason: `Disk failed \u202Eevil`,
      confirm: true,
    });
    expect(bidi.ok).toBe(false);
    if (!bidi.ok) {
      expect(bidi.error.code).toBe('INVALID_INPUT');
      expect(bidi.error.fields).toHaveProperty('reason');
    }
    expect(await moved.code('identity:replaceKeys', { reason: 'short', confirm: true })).toBe(
      'INVALID_INPUT',
    );
    expect(
      await readVault(app.dataDir, (db) =>
        db.prepare('SELECT count(*) FROM audit_events').pluck().get(),
      ),
    ).toBe(eventsBefore);
    expect(
      (await moved.value<{ fingerprintSha256: string }>('identity:get')).fingerprintSha256,
    ).toBe(identityA.fingerprintSha256);

    // The replacement: identity B and seal key B under a new KEK, open in this session.
    const replaced = await moved.value<Replaced>('identity:replaceKeys', {
      reason: REASON,
      confirm: true,
    });
    expect(replaced.retiredFingerprintSha256).toBe(identityA.fingerprintSha256);
    expect(replaced.identity.fingerprintSha256).not.toBe(identityA.fingerprintSha256);
    expect(replaced.identity.signerName).toBe('Ada Admin');
    expect(replaced.identity.sealPublicKeyPem).not.toBe(identityA.sealPublicKeyPem);
    expect(replaced.erasedWraps).toBe(1);
    expect(replaced.signingKeys).toMatchObject({
      state: 'pending',
      canSign: true,
      openedBy: 'created',
    });
    // Nothing to replace any more: the new keys open in this session.
    expect(await moved.code('identity:replaceKeys', { reason: REASON, confirm: true })).toBe(
      'CONFLICT',
    );

    await moved.signInAs('otto');
    await moved.value('documents:sign', { certificateId: second });
    const pdfB = (await moved.value<{ path: string }>('documents:save', { certificateId: second }))
      .path;

    // Both PDFs verify against the vault: A's against A's certificate and seal key (history).
    for (const path of [pdfA, pdfB]) {
      const verified = await verify(moved, path);
      expect(verified.result.verdict).toBe('VALID');
      expect(verified.result.indication).toBe('TOTAL-PASSED');
      expect(verified.result.record.status).toBe('match');
      expect(verified.result.seal.status).toBe('verified');
    }
    expect((await verify(moved, pdfA)).result.seal.message).toMatch(/earlier seal key/);
    expect(readFileSync(pdfA).equals(readFileSync(pdfB))).toBe(false);

    // The full review: the old certificate has exactly the findings the new one has (both
    // only wait for their USKPA report, as no recipient is configured here).
    await moved.signInAs('rita');
    const report = ReviewReportSchema.parse(await moved.value('review:run', {}));
    const codesOf = (number: string) =>
      report.findings.filter((f) => f.certificateNumber === number).map((f) => f.code);
    expect(codesOf('US12345')).toEqual(codesOf('US12346'));
    expect(codesOf('US12345')).toEqual(['USKPA_REPORT_NOT_DELIVERED']);
    expect(report.findings.filter((f) => f.certificateNumber === null)).toEqual([]);

    // The record: the replacement with its reason, every erased wrap, the retired keys; the
    // chain verifies.
    expect(await moved.value<{ ok: boolean }>('audit:verify')).toMatchObject({ ok: true });
    const record = await readVault(app.dataDir, (db) => ({
      replacements: db
        .prepare(
          'SELECT reason, retired_identity_id, new_identity_id, erased_wraps FROM signing_key_replacements',
        )
        .all(),
      actions: db.prepare('SELECT action FROM audit_events ORDER BY seq').pluck().all(),
      identities: db
        .prepare('SELECT id, retired_at IS NOT NULL AS retired FROM signing_identities ORDER BY id')
        .all(),
      seals: db
        .prepare('SELECT id, retired_at IS NOT NULL AS retired FROM seal_keys ORDER BY id')
        .all(),
      wraps: db.prepare('SELECT kind FROM signing_key_wraps').pluck().all(),
    }));
    expect(record.replacements).toEqual([
      { reason: REASON, retired_identity_id: 1, new_identity_id: 2, erased_wraps: 1 },
    ]);
    const start = record.actions.indexOf('signing-keys.replace-erase-wrap');
    // One transaction, in this order: nothing of it can be left half done.
    expect(record.actions.slice(start, start + 8)).toEqual([
      'signing-keys.replace-erase-wrap',
      'seal-key.retire',
      'signing-keys.create-kek',
      'identity.retire',
      'identity.generate',
      'seal-key.create',
      'signing-keys.replace',
      'document.sign',
    ]);
    expect(record.identities).toEqual([
      { id: 1, retired: 1 },
      { id: 2, retired: 0 },
    ]);
    expect(record.seals).toEqual([
      { id: 1, retired: 1 },
      { id: 2, retired: 0 },
    ]);
    // The new KEK is pending, as for any new identity: the next step is to protect it.
    expect(record.wraps).toEqual(['pending']);

    // The old computer, should it come back, opens nothing any more (its wrap was erased).
    const oldComputer = await restart(app.dataDir, workstation);
    expect(await oldComputer.value<Status>('identity:signingKeys')).toMatchObject({
      canSign: false,
    });
  });

  it('a forgotten signing secret: replaced, the old secret opens nothing, a new one protects', async () => {
    const app = appOn(undefined);
    await app.firstRun();
    await app.value('identity:generate', { signerName: 'Ada Admin' });
    // Open in the session that made them, then pending after a restart: never replaceable.
    expect(await app.code('identity:replaceKeys', { reason: REASON, confirm: true })).toBe(
      'CONFLICT',
    );
    const pending = await restart(app.dataDir);
    expect(await pending.code('identity:replaceKeys', { reason: REASON, confirm: true })).toBe(
      'CONFLICT',
    );
    await pending.value('identity:setSigningSecret', { secret: SECRET });

    // Unlocked with the secret: the keys open, so no replacement.
    const unlocked = await restart(app.dataDir);
    await unlocked.value('identity:unlockSigning', { secret: SECRET });
    expect(await unlocked.code('identity:replaceKeys', { reason: REASON, confirm: true })).toBe(
      'CONFLICT',
    );

    // Nobody remembers the secret: replace, with another signer named.
    const forgotten = await restart(app.dataDir);
    const replaced = await forgotten.value<Replaced>('identity:replaceKeys', {
      reason: 'Nobody remembers the signing secret any more (the only administrator left).',
      signerName: 'Bea Admin',
      confirm: true,
    });
    expect(replaced.identity.signerName).toBe('Bea Admin');
    expect(replaced.erasedWraps).toBe(1);
    await forgotten.value('identity:setSigningSecret', { secret: 'a brand new signing secret' });

    const later = await restart(app.dataDir);
    expect(await later.code('identity:unlockSigning', { secret: SECRET })).toBe(
      'SIGNING_SECRET_WRONG',
    );
    expect(
      await later.code('identity:unlockSigning', { secret: 'a brand new signing secret' }),
    ).toBe('ok');
    expect(await later.value<{ ok: boolean }>('audit:verify')).toMatchObject({ ok: true });
  });
});
