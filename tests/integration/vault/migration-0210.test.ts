// Migration 0210 on a real encrypted vault holding plain PKCS#8 keys, as every vault before it
// did: the keys are rewritten wrapped under a new KEK, the KEK is kept only as the 'pending' wrap,
// each rewritten row and the wrap get a chained audit event with the digest of the row as it is
// now, and signing is refused, saying a signing secret is needed, until the first administrator
// sets one; that erases the pending wrap, and the keys then open to exactly the old bytes.
import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSealKey } from '../../../electron/core/documents/seal/seal-key';
import { generateSigningIdentity } from '../../../electron/core/documents/signing/identity';
import { AppFailure } from '../../../electron/core/app-failure';
import { GENESIS_HASH, eventHash } from '../../../electron/core/vault/audit/audit-chain';
import { digestOf } from '../../../electron/core/vault/audit/entity-digest';
import { createDocumentOperations } from '../../../electron/core/vault/document-operations';
import { migration0210 } from '../../../electron/core/vault/migrations/0210-protected-signing-keys';
import { chainToPem } from '../../../electron/core/vault/repositories/identity-repository';
import { migrationTestVault } from './migration-test-vault';

const vault = migrationTestVault(migration0210);
const admin = { userId: 1, role: 'administrator' as const };
const SECRET = 'the first signing secret';

type Event = {
  seq: number;
  at: string;
  action: string;
  entity_type: string;
  entity_id: string;
  entity_digest: string;
  prev_hash: string;
  hash: string;
};

function seedPlainKeys() {
  vault.migrateToPrevious();
  vault.insertUserAndForm('available');
  const identity = generateSigningIdentity({
    licenseeName: 'Hudson Rough Trading LLC',
    signerName: 'Ada Admin',
    keyType: 'ecdsa-p256',
  });
  const seal = generateSealKey();
  vault.db
    .prepare(
      `INSERT INTO signing_identities (id, source, private_key, certificate_chain_pem, signer_name,
         fingerprint_sha256, created_at, created_by)
       VALUES (1, 'generated', ?, ?, 'Ada Admin', 'x', '2026-11-27T10:00:00Z', 1)`,
    )
    .run(identity.privateKeyPkcs8Der, chainToPem(identity.certificateChainDer));
  vault.db
    .prepare(
      `INSERT INTO seal_keys (id, private_key, public_key, created_at, created_by)
       VALUES (1, ?, ?, '2026-11-27T10:00:00Z', 1)`,
    )
    .run(seal.privateKeyPkcs8Der, seal.publicKeySpkiDer);
  return { identity, seal };
}

const parsesAsPrivateKey = (bytes: Buffer): boolean => {
  try {
    createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8' });
    return true;
  } catch {
    return false;
  }
};

describe('migration 0210', () => {
  it('wraps the plain keys, keeps the KEK pending, and audits each row', () => {
    const { identity, seal } = seedPlainKeys();
    const { before, after } = vault.migrate(migration0210.version);
    const stored = vault.db
      .prepare<[], Buffer>(
        'SELECT private_key FROM signing_identities UNION ALL SELECT private_key FROM seal_keys',
      )
      .pluck()
      .all();
    expect(stored).toHaveLength(2);
    expect(stored.some(parsesAsPrivateKey)).toBe(false);
    expect(stored.some((bytes) => bytes.includes(identity.privateKeyPkcs8Der))).toBe(false);
    expect(stored.some((bytes) => bytes.includes(seal.privateKeyPkcs8Der))).toBe(false);
    expect(after.signing_key_wraps).toHaveLength(1);
    expect(after.signing_key_wraps?.[0]).toMatchObject({ kind: 'pending' });
    // Nothing else changed but the keys, the new wrap and the events.
    const untouched = (tables: Record<string, unknown[]>) => ({
      ...tables,
      audit_events: [],
      signing_identities: [],
      seal_keys: [],
      signing_key_wraps: [],
    });
    expect(untouched(after)).toEqual(untouched(before));

    const events = vault.db.prepare('SELECT * FROM audit_events ORDER BY seq').all() as Event[];
    expect(events.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([
      ['signing-keys.protect', 'signing_identity', '1'],
      ['signing-keys.protect', 'seal_key', '1'],
      ['signing-keys.protect', 'signing_key_wrap', '1'],
    ]);
    const tableOf: Record<string, string> = {
      signing_identity: 'signing_identities',
      seal_key: 'seal_keys',
      signing_key_wrap: 'signing_key_wraps',
    };
    let prevHash = GENESIS_HASH;
    for (const event of events) {
      const row = vault.db
        .prepare(`SELECT * FROM ${tableOf[event.entity_type] ?? ''} WHERE id = ?`)
        .get(Number(event.entity_id));
      expect(event.entity_digest).toBe(digestOf(row as Record<string, string | number | null>));
      expect(event.prev_hash).toBe(prevHash);
      expect(event.hash).toBe(
        eventHash(prevHash, {
          seq: event.seq,
          at: event.at,
          userId: null,
          action: event.action,
          entityType: event.entity_type,
          entityId: event.entity_id,
          entityDigest: event.entity_digest,
        }),
      );
      prevHash = event.hash;
    }
  });

  it('refuses signing until the first administrator sets a secret; the keys then open unchanged', async () => {
    const { identity, seal } = seedPlainKeys();
    vault.migrate();
    const operations = createDocumentOperations(vault.db, {
      now: () => new Date(),
      resourcesDir: undefined,
      signingKdf: { N: 1024, r: 8, p: 1 },
    });
    const status = operations.signingKeys.status(admin);
    expect(status).toMatchObject({ state: 'pending', canSign: false });
    expect(status.message).toMatch(/Signing needs a signing secret/);
    const stored = vault.db
      .prepare<[], Buffer>('SELECT private_key FROM signing_identities')
      .pluck()
      .get();
    let refusal: unknown;
    try {
      operations.signingKeys.openForSigning(stored ?? Buffer.alloc(0), 'signing_identity');
    } catch (error: unknown) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppFailure);
    expect((refusal as AppFailure).error.code).toBe('SIGNING_LOCKED');

    const set = await operations.signingKeys.setSecret(admin, { secret: SECRET });
    expect(set).toMatchObject({ state: 'protected', canSign: true, openedBy: 'secret' });
    expect(
      vault.db
        .prepare("SELECT count(*) FROM signing_key_wraps WHERE kind = 'pending'")
        .pluck()
        .get(),
    ).toBe(0);
    const opened = operations.signingKeys.openForSigning(
      stored ?? Buffer.alloc(0),
      'signing_identity',
    );
    expect(opened.equals(identity.privateKeyPkcs8Der)).toBe(true);
    const sealStored = vault.db
      .prepare<[], Buffer>('SELECT private_key FROM seal_keys')
      .pluck()
      .get();
    expect(
      operations.signingKeys
        .openForSigning(sealStored ?? Buffer.alloc(0), 'seal_key')
        .equals(seal.privateKeyPkcs8Der),
    ).toBe(true);
    // A signing key's envelope does not open as a seal key (the AAD names the owner).
    expect(() =>
      operations.signingKeys.openForSigning(stored ?? Buffer.alloc(0), 'seal_key'),
    ).toThrow(/cannot be opened/);
  });

  it('changes nothing on a vault without keys but the new table', () => {
    vault.migrateToPrevious();
    vault.insertUserAndForm('available');
    const { before, after } = vault.migrate(migration0210.version);
    expect(after.signing_key_wraps).toEqual([]);
    expect({ ...after, signing_key_wraps: undefined }).toEqual({
      ...before,
      signing_key_wraps: undefined,
    });
  });
});
