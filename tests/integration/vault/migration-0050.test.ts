// Migration 0050 (signing identities and seal keys) on a real encrypted vault that holds data at
// the schema just before it: the existing rows and the audit chain survive, the new tables are
// STRICT, and at most one identity and one seal key can be active.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateSealKey } from '../../../electron/core/documents/seal/seal-key';
import { generateSigningIdentity } from '../../../electron/core/documents/signing/identity';
import { migration0050 } from '../../../electron/core/vault/migrations/0050-signing-identity';
import { migrations } from '../../../electron/core/vault/migrations/index';
import { createIdentityRepository } from '../../../electron/core/vault/repositories/identity-repository';
import { runMigrations, schemaVersion } from '../../../electron/core/vault/run-migrations';
import { createVaultServices } from '../../../electron/core/vault/vault-services';
import { migrationTestVault } from './migration-test-vault';
import { TEST_SCRYPT } from './vault-fixture';

const vault = migrationTestVault(migration0050);
let db: Database;
beforeEach(() => {
  db = vault.db;
});

/** A vault at the previous schema with a user and registered stock, written as SQL of that time. */
function seedPreviousVersion(): void {
  vault.migrateToPrevious();
  vault.insertUserAndForm('available');
}

describe('migration 0050', () => {
  it('adds the identity and seal key tables and keeps every existing row', () => {
    seedPreviousVersion();
    const { before, after } = vault.migrate();
    expect(schemaVersion(db)).toBe(migrations.at(-1)?.version);
    for (const [table, rows] of Object.entries(before))
      if (table !== 'audit_events') expect(after[table]).toEqual(rows);
    // Migration 0095 only adds the event that puts the existing stock batch under the audit (an
    // old-format event: 0260 keeps the events written before it in audit_events_legacy).
    expect(
      (after.audit_events_legacy ?? []).map((event) => (event as { action: string }).action),
    ).toEqual(['audit.cover-existing']);
    expect(after.audit_events_compact).toEqual([]);
    expect(after.signing_identities).toEqual([]);
    expect(after.seal_keys).toEqual([]);
    const strict = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE name IN ('signing_identities', 'seal_keys')",
      )
      .all();
    expect(strict).toEqual(
      expect.arrayContaining([
        { name: 'signing_identities', strict: 1 },
        { name: 'seal_keys', strict: 1 },
      ]),
    );
  });

  it('keeps one active identity and one active seal key; retired ones stay', () => {
    seedPreviousVersion();
    runMigrations(db, migrations);
    const repository = createIdentityRepository(db, () => new Date('2026-11-27T11:00:00Z'));
    // The repository stores the private key as given (wrapped by the signing keyring since
    // migration 0210); this test is about the one-active rule, so any bytes do.
    const entry = (name: string) => ({
      source: 'generated' as const,
      wrappedPrivateKey: Buffer.from('wrapped key'),
      identity: generateSigningIdentity({
        licenseeName: 'Hudson',
        signerName: name,
        keyType: 'ecdsa-p256',
      }),
      certificationRequestPem: null,
      signerName: name,
    });
    const first = db.transaction(() => repository.replace(entry('Jane Doe'), 1))();
    expect(first.retired).toEqual([]);
    const second = db.transaction(() => repository.replace(entry('Mary Major'), 1))();
    expect(second.retired).toEqual([first.stored.id]);
    expect(repository.active()?.signerName).toBe('Mary Major');
    // Both certificates stay, so documents the retired identity signed remain verifiable.
    expect(repository.allCertificates()).toHaveLength(2);
    expect(() =>
      db
        .prepare(
          `INSERT INTO signing_identities (source, private_key, certificate_chain_pem, signer_name,
             fingerprint_sha256, created_at) VALUES ('generated', x'00', '', 'x', 'x', 'now')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    const sealKey = () => ({
      wrappedPrivateKey: Buffer.from('wrapped key'),
      publicKeySpkiDer: generateSealKey().publicKeySpkiDer,
    });
    repository.addSealKey(sealKey(), 1);
    expect(() => repository.addSealKey(sealKey(), 1)).toThrow(/UNIQUE/);
  });

  it('lets the services read the migrated vault', () => {
    seedPreviousVersion();
    runMigrations(db, migrations);
    const services = createVaultServices(db, { passwordHashing: TEST_SCRYPT });
    expect(services.stock.counts()).toMatchObject({ available: 1 });
  });
});
