// The vault's trust list as rows (0080-trusted-certificates): read by every verification, written
// only through trust-list-operations.ts, which checks the role and appends the audit event in the
// same transaction. A removed certificate keeps its row (removed_at, removed_by) and stops being
// trusted.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export type StoredTrustedCertificate = {
  id: number;
  certificateDer: Buffer;
  fingerprintSha256: string;
  subject: string;
  label: string;
  addedAt: string;
  addedBy: number | null;
  removedAt: string | null;
  removedBy: number | null;
};

export type NewTrustedCertificate = {
  certificateDer: Buffer;
  fingerprintSha256: string;
  subject: string;
  label: string;
};

type Row = {
  id: number;
  certificate_der: Buffer;
  fingerprint_sha256: string;
  subject: string;
  label: string;
  added_at: string;
  added_by: number | null;
  removed_at: string | null;
  removed_by: number | null;
};

const toStored = (row: Row): StoredTrustedCertificate => ({
  id: row.id,
  certificateDer: row.certificate_der,
  fingerprintSha256: row.fingerprint_sha256,
  subject: row.subject,
  label: row.label,
  addedAt: row.added_at,
  addedBy: row.added_by,
  removedAt: row.removed_at,
  removedBy: row.removed_by,
});

export type TrustedCertificateRepository = ReturnType<typeof createTrustedCertificateRepository>;

export function createTrustedCertificateRepository(db: Database, now: () => Date) {
  const active = db.prepare<[], Row>(
    'SELECT * FROM trusted_certificates WHERE removed_at IS NULL ORDER BY id',
  );
  const activeDer = db
    .prepare<[], Buffer>(
      'SELECT certificate_der FROM trusted_certificates WHERE removed_at IS NULL ORDER BY id',
    )
    .pluck();
  const activeByFingerprint = db.prepare<[string], Row>(
    'SELECT * FROM trusted_certificates WHERE fingerprint_sha256 = ? AND removed_at IS NULL',
  );
  const insert = db.prepare(
    `INSERT INTO trusted_certificates
       (certificate_der, fingerprint_sha256, subject, label, added_at, added_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[number], Row>('SELECT * FROM trusted_certificates WHERE id = ?');
  const remove = db.prepare<[string, number, number]>(
    'UPDATE trusted_certificates SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL',
  );

  const mustInTransaction = (what: string): void => {
    if (!db.inTransaction)
      throw new Error(`trusted-certificates.${what} must run in a transaction`);
  };

  return {
    /** The certificates trusted now, oldest first. */
    active: (): StoredTrustedCertificate[] => active.all().map(toStored),
    /** Their DER only: the trust anchors a verification adds to the vault's identities. */
    activeCertificatesDer: (): Buffer[] => activeDer.all(),
    activeByFingerprint: (fingerprint: string): StoredTrustedCertificate | null => {
      const row = activeByFingerprint.get(fingerprint);
      return row === undefined ? null : toStored(row);
    },
    add: (entry: NewTrustedCertificate, userId: number): StoredTrustedCertificate => {
      mustInTransaction('add');
      const result = insert.run(
        entry.certificateDer,
        entry.fingerprintSha256,
        entry.subject,
        entry.label,
        now().toISOString(),
        userId,
      );
      const row = byId.get(Number(result.lastInsertRowid));
      if (row === undefined) throw new Error('trusted certificate row missing after insert');
      return toStored(row);
    },
    /** Marks the row removed; false when it was not trusted any more. */
    remove: (id: number, userId: number): boolean => {
      mustInTransaction('remove');
      return remove.run(now().toISOString(), userId, id).changes === 1;
    },
  };
}
