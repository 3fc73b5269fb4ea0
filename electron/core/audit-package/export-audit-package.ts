// Exports the audit package (issue 14, part 3; docs/audit-package.md): the licensee's whole
// record for a USKPA reviewer or a US agency (31 CFR 501.601: records kept and produced for ten
// years; 15 CFR 30.10; 19 CFR 12.152). One file: every audited table's rows (certificates, stock,
// parties, corrections, submissions and their receipts, the trust list, the settings), every
// stored document (the signed PDFs and VOID copies), the whole audit chain and its head, and a
// manifest with the SHA-256 of each entry signed by the licensee's identity; all of it sealed
// under the package's own passphrase. The export is itself audited: an 'audit_package_export'
// row and its event (who, when, the head the package carries, the file's SHA-256) are written
// in the transaction that reads the record, and the file gets its name only if they commit.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { version as packageVersion } from '../../../package.json';
import type { UserRole } from '../../../shared/records/user-inputs';
import { AppFailure } from '../app-failure';
import { cmsSignerOf } from '../documents/signing/sign-pdf';
import { authorize } from '../issuance/actor';
import { periodFromText } from '../reports/statistics-service';
import { formatAnchorLine } from '../vault/audit/anchor-line';
import { createAuditWriter } from '../vault/audit/audit-chain';
import type { ChainHead } from '../vault/audit/chain-head';
import { readChainHead } from '../vault/audit/chain-head';
import { digestOf } from '../vault/audit/entity-digest';
import type { CanonicalValue } from '../vault/audit/canonical-json';
import type { KdfCost } from '../vault/keys/passphrase-wrap';
import { DEFAULT_KDF, checkPassphrase } from '../vault/keys/passphrase-wrap';
import { createIdentityRepository } from '../vault/repositories/identity-repository';
import { createUserRepository } from '../vault/repositories/user-repository';
import { schemaVersion } from '../vault/run-migrations';
import { derivePackageKeys, keyCheckOf } from './package-cipher';
import type { AuditPackageManifest, ManifestEntry, PackageHeader } from './package-format';
import {
  CHUNK_BYTES,
  EVENTS_ENTRY,
  HEAD_ENTRY,
  MANIFEST_ENTRY,
  PACKAGE_FORMAT,
  SIGNATURE_ENTRY,
  WITHHELD_ENTRY,
  documentEntry,
  recordsEntry,
} from './package-format';
import type { WithheldDigest } from './package-tables';
import { extensionOf, hasWithheld, jsonRow, packageTables } from './package-tables';
import { signManifest } from './manifest-signature';
import { tableRowsSql } from './table-rows-sql';
import { openPackageWriter } from './write-package-file';

/**
 * Who may export: administrators (the licensee hands its record over) and reviewers (a USKPA
 * reviewer signed in at the licensee's takes the record away). Operators may not: the package
 * holds every record of the vault, beyond what issuing needs. Shown in Settings → Users and
 * roles (renderer/src/shell/permissions.ts, canExportAuditPackage).
 */
export const AUDIT_PACKAGE_EXPORTERS: readonly UserRole[] = ['administrator', 'reviewer'];

export type AuditPackageSource = {
  db: Database;
  /** The vault's id from its key file (null for a vault opened with a bare key). */
  vaultId: string | null;
  now?: () => Date;
  /** Opens the wrapped signing key (issue 13: the signing keyring of this connection), or
   * refuses with SIGNING_LOCKED; the package is signed like a certificate. */
  openSigningKey: (wrappedPrivateKey: Buffer) => Buffer;
  /** The sealing thread's bundle (package-seal-thread.ts); without it, one thread does all. */
  sealWorkerFile?: string;
};

export type ExportAuditPackageOptions = {
  actor: unknown;
  passphrase: string;
  /** The period the reviewer is asked to look at (2026, 2026Q3, a..b); the record stays whole. */
  period?: string;
  /** Only tests lower the scrypt cost; the default is never weakened. */
  kdf?: KdfCost;
  appVersion?: string;
};

export type AuditPackageExport = {
  path: string;
  bytes: number;
  sha256: string;
  head: ChainHead;
  entries: number;
  documents: number;
  signer: string;
  /** Sealed, hashed and written by the sealing thread while this one read the vault. */
  sealedOnThread: boolean;
};

type EventRow = {
  seq: number;
  at: string;
  userId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  entityDigest: string;
  prevHash: string;
  hash: string;
};

/** The active signing identity, or IDENTITY_INVALID: an unsigned package proves nothing. */
export function requireSigningIdentity(db: Database, now: () => Date) {
  const identity = createIdentityRepository(db, now).active();
  if (identity === null)
    throw new AppFailure(
      'IDENTITY_INVALID',
      'This vault has no signing identity, so the package could not be signed. An administrator creates or imports one (Settings → Signing identity); nothing was written.',
    );
  return identity;
}

function refuseExisting(file: string): void {
  if (existsSync(file))
    throw new AppFailure(
      'INVALID_INPUT',
      `${basename(file)} already exists; an audit package never replaces a file. Choose a new file name.`,
      { file: 'Choose a file that does not exist yet.' },
    );
}

export async function exportAuditPackage(
  source: AuditPackageSource,
  file: string,
  options: ExportAuditPackageOptions,
): Promise<AuditPackageExport> {
  const { db } = source;
  const now = source.now ?? (() => new Date());
  const user = authorize(
    createUserRepository(db, now),
    options.actor,
    AUDIT_PACKAGE_EXPORTERS,
    'export an audit package',
  );
  checkPassphrase(options.passphrase, 'passphrase');
  const period = options.period === undefined ? null : periodFromText(options.period).label;
  refuseExisting(file);
  const identity = requireSigningIdentity(db, now);
  const signer = cmsSignerOf({
    privateKeyPkcs8Der: source.openSigningKey(identity.wrappedPrivateKey),
    certificateChainDer: identity.identity.certificateChainDer,
  });
  const cost = options.kdf ?? DEFAULT_KDF;
  const kdf: PackageHeader['kdf'] = {
    name: 'scrypt',
    N: cost.N,
    r: cost.r,
    p: cost.p,
    salt: randomBytes(16).toString('base64'),
  };
  // scrypt runs on libuv's pool before the transaction: the read itself stays synchronous.
  const keys = await derivePackageKeys(options.passphrase, kdf);
  const header: PackageHeader = {
    format: PACKAGE_FORMAT,
    cipher: 'aes-256-gcm',
    chunkBytes: CHUNK_BYTES,
    kdf,
    noncePrefix: randomBytes(7).toString('base64'),
    keyCheck: keyCheckOf(keys.checkKey),
  };
  const createdAt = now();
  refuseExisting(file);
  const writer = openPackageWriter(
    file,
    header,
    keys.encryptionKey,
    createdAt,
    source.sealWorkerFile,
  );
  try {
    return db.transaction((): AuditPackageExport => {
      const head = readChainHead(db);
      const entries: ManifestEntry[] = [];
      const add = (name: string, content: Buffer, handOver = false): void => {
        const size = content.length;
        entries.push({ name, size, sha256: writer.add(name, content, handOver) });
      };
      const withheld: WithheldDigest[] = [];
      for (const { table, key } of packageTables) {
        const rows = db.prepare(tableRowsSql(db, table, key)).iterate() as Iterable<
          Record<string, unknown>
        >;
        const parts: string[] = [];
        for (const row of rows) {
          const json = jsonRow(table, row);
          if (hasWithheld(json))
            withheld.push({
              table,
              key: String(row[key]),
              digest: digestOf(row as Record<string, CanonicalValue>),
            });
          parts.push(JSON.stringify(json));
        }
        add(recordsEntry(table), Buffer.from(`[${parts.join(',\n')}]\n`, 'utf8'));
      }
      add(WITHHELD_ENTRY, Buffer.from(`${JSON.stringify(withheld, null, 1)}\n`, 'utf8'));
      let documents = 0;
      const stored = db
        .prepare<[], { id: number; media_type: string; content: Buffer }>(
          'SELECT id, media_type, content FROM attachments ORDER BY id',
        )
        .iterate();
      for (const row of stored) {
        // The document's bytes are not used here again: moved to the sealing thread, not copied.
        add(documentEntry(row.id, extensionOf(row.media_type)), row.content, true);
        documents += 1;
      }
      const events = db
        .prepare<[], EventRow>(
          `SELECT seq, at, user_id AS userId, action, entity_type AS entityType,
                  entity_id AS entityId, entity_digest AS entityDigest, prev_hash AS prevHash, hash
             FROM audit_events ORDER BY seq`,
        )
        .iterate();
      const lines: string[] = [];
      for (const event of events) lines.push(JSON.stringify(event));
      add(EVENTS_ENTRY, Buffer.from(lines.length === 0 ? '' : `${lines.join('\n')}\n`, 'utf8'));
      const line = formatAnchorLine({ ...head, vaultId: source.vaultId });
      add(HEAD_ENTRY, Buffer.from(`${line}\n`, 'utf8'));
      const licensee = db
        .prepare<[], string>('SELECT legal_name FROM licensee ORDER BY id LIMIT 1')
        .pluck()
        .get();
      const manifest: AuditPackageManifest = {
        format: PACKAGE_FORMAT,
        app: 'KP Desk',
        appVersion: options.appVersion ?? packageVersion,
        createdAt: createdAt.toISOString(),
        schemaVersion: schemaVersion(db),
        vaultId: source.vaultId,
        licensee: licensee ?? null,
        exportedBy: `${user.displayName} (${user.username}, ${user.role})`,
        period,
        auditHead: { seq: head.seq, hash: head.hash, at: head.at, line },
        tables: packageTables.map(({ table }) => table),
        entries,
      };
      const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
      writer.add(MANIFEST_ENTRY, manifestBytes);
      writer.add(SIGNATURE_ENTRY, signManifest(manifestBytes, signer));
      const written = writer.finish();
      const inserted = db
        .prepare(
          `INSERT INTO audit_package_exports (exported_at, exported_by, file_name, package_sha256,
             package_bytes, head_seq, head_hash, period, signer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          createdAt.toISOString(),
          user.id,
          basename(file),
          written.sha256,
          written.bytes,
          head.seq,
          head.hash,
          period,
          identity.signerName,
        );
      createAuditWriter(db, now).append({
        userId: user.id,
        action: 'audit-package.export',
        entityType: 'audit_package_export',
        entityId: Number(inserted.lastInsertRowid),
      });
      writer.commit();
      return {
        path: file,
        bytes: written.bytes,
        sha256: written.sha256,
        head,
        entries: entries.length + 2,
        documents,
        signer: identity.signerName,
        sealedOnThread: written.onThread,
      };
    })();
  } catch (error: unknown) {
    writer.discard();
    if ((error as { code?: unknown }).code === 'EEXIST') refuseExisting(file);
    throw error;
  } finally {
    keys.encryptionKey.fill(0);
    keys.checkKey.fill(0);
  }
}
