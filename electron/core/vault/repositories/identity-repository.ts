// The signing identity and the seal key, as rows of the encrypted vault (0050-signing-identity).
// The private keys are stored wrapped under the signing KEK (migration 0210,
// signing-keys/private-key-envelope.ts): this repository only moves the wrapped bytes, and only
// the signing keyring opens them, inside the vault's process. Writes are reached only through
// document-operations.ts, which checks the role and appends the audit event in the same
// transaction.
import { X509Certificate } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { toPem } from '../../documents/signing/identity';

export type IdentitySource = 'generated' | 'imported';

export type StoredIdentity = {
  id: number;
  source: IdentitySource;
  /** The PKCS#8 private key wrapped under the signing KEK; the signing keyring opens it. */
  wrappedPrivateKey: Buffer;
  identity: { certificateChainDer: Buffer[] };
  certificationRequestPem: string | null;
  signerName: string;
  fingerprintSha256: string;
  createdAt: string;
  createdBy: number | null;
};

export type NewIdentity = {
  source: IdentitySource;
  wrappedPrivateKey: Buffer;
  identity: { certificateChainDer: Buffer[] };
  certificationRequestPem: string | null;
  signerName: string;
};

/** The seal key: its private half wrapped under the signing KEK, its public half plain. */
export type StoredSealKey = { id: number; wrappedPrivateKey: Buffer; publicKeySpkiDer: Buffer };

type IdentityRow = {
  id: number;
  source: IdentitySource;
  private_key: Buffer;
  certificate_chain_pem: string;
  certification_request_pem: string | null;
  signer_name: string;
  fingerprint_sha256: string;
  created_at: string;
  created_by: number | null;
};

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/g;

export function chainToPem(chain: readonly Buffer[]): string {
  return chain.map((der) => toPem('CERTIFICATE', der)).join('');
}

export function chainFromPem(pem: string): Buffer[] {
  return [...pem.matchAll(PEM_BLOCK)].map((match) =>
    Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64'),
  );
}

function toStored(row: IdentityRow): StoredIdentity {
  return {
    id: row.id,
    source: row.source,
    wrappedPrivateKey: row.private_key,
    identity: { certificateChainDer: chainFromPem(row.certificate_chain_pem) },
    certificationRequestPem: row.certification_request_pem,
    signerName: row.signer_name,
    fingerprintSha256: row.fingerprint_sha256,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export type IdentityRepository = ReturnType<typeof createIdentityRepository>;

export function createIdentityRepository(db: Database, now: () => Date) {
  const active = db.prepare<[], IdentityRow>(
    'SELECT * FROM signing_identities WHERE retired_at IS NULL',
  );
  const byId = db.prepare<[number], IdentityRow>('SELECT * FROM signing_identities WHERE id = ?');
  const chains = db.prepare<[], { certificate_chain_pem: string }>(
    'SELECT certificate_chain_pem FROM signing_identities ORDER BY id',
  );
  const retire = db.prepare<[string]>(
    'UPDATE signing_identities SET retired_at = ? WHERE retired_at IS NULL RETURNING id',
  );
  const insert = db.prepare(
    `INSERT INTO signing_identities (source, private_key, certificate_chain_pem,
       certification_request_pem, signer_name, fingerprint_sha256, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const activeSeal = db.prepare<[], { id: number; private_key: Buffer; public_key: Buffer }>(
    'SELECT id, private_key, public_key FROM seal_keys WHERE retired_at IS NULL',
  );
  const retireSeal = db.prepare<[string]>(
    'UPDATE seal_keys SET retired_at = ? WHERE retired_at IS NULL RETURNING id',
  );
  const retiredSeals = db
    .prepare<[], Buffer>(
      'SELECT public_key FROM seal_keys WHERE retired_at IS NOT NULL ORDER BY id DESC',
    )
    .pluck();
  const insertSeal = db.prepare(
    'INSERT INTO seal_keys (private_key, public_key, created_at, created_by) VALUES (?, ?, ?, ?)',
  );

  return {
    active: (): StoredIdentity | null => {
      const row = active.get();
      return row === undefined ? null : toStored(row);
    },
    /**
     * Retires the active identity (if any) and stores the new one; returns the retired id so the
     * caller can audit both rows. Must run inside the caller's transaction.
     */
    replace: (
      entry: NewIdentity,
      userId: number,
    ): { stored: StoredIdentity; retired: number[] } => {
      if (!db.inTransaction) throw new Error('identity.replace must run inside a transaction');
      const at = now().toISOString();
      const retired = (retire.all(at) as { id: number }[]).map((row) => row.id);
      const [leaf] = entry.identity.certificateChainDer;
      if (leaf === undefined) throw new Error('an identity without a certificate');
      const result = insert.run(
        entry.source,
        entry.wrappedPrivateKey,
        chainToPem(entry.identity.certificateChainDer),
        entry.certificationRequestPem,
        entry.signerName,
        new X509Certificate(leaf).fingerprint256,
        at,
        userId,
      );
      const row = byId.get(Number(result.lastInsertRowid));
      if (row === undefined) throw new Error('identity row missing after insert');
      return { stored: toStored(row), retired };
    },
    /** Every certificate of every identity this vault ever held, active or retired (DER). */
    allCertificates: (): Buffer[] =>
      chains.all().flatMap((row) => chainFromPem(row.certificate_chain_pem)),
    /**
     * The signer's own certificate of every identity this vault ever held, active or retired
     * (DER), without the issuers stored with it: the issuers vouch for whatever else they
     * issued, and trusting them is the administrator's choice (the trust list), not a side
     * effect of importing an identity.
     */
    signerCertificates: (): Buffer[] =>
      chains.all().flatMap((row) => chainFromPem(row.certificate_chain_pem).slice(0, 1)),
    activeSealKey: (): StoredSealKey | null => {
      const row = activeSeal.get();
      return row === undefined
        ? null
        : { id: row.id, wrappedPrivateKey: row.private_key, publicKeySpkiDer: row.public_key };
    },
    /**
     * Retires the active seal key (a replacement of keys nobody can open, signing-keys/); returns
     * its id, or null when there was none. Must run inside the caller's transaction.
     */
    retireSealKey: (): number | null => {
      if (!db.inTransaction) throw new Error('seal_keys retire must run inside a transaction');
      const rows = retireSeal.all(now().toISOString()) as { id: number }[];
      return rows[0]?.id ?? null;
    },
    /**
     * The public halves of the retired seal keys, newest first: seals printed before a
     * replacement are checked against them, so earlier documents stay verifiable.
     */
    retiredSealPublicKeys: (): Buffer[] => retiredSeals.all(),
    addSealKey: (key: Omit<StoredSealKey, 'id'>, userId: number): number => {
      const result = insertSeal.run(
        key.wrappedPrivateKey,
        key.publicKeySpkiDer,
        now().toISOString(),
        userId,
      );
      return Number(result.lastInsertRowid);
    },
  };
}
