// The vault gateway's `auditPackageReading` group (issue 14, part 3): a reviewer opens an audit
// package in the app. Every check of docs/audit-package.md runs first (openAuditPackage); only a
// package that passed them replaces this computer's vault in the gateway (which is locked), as a
// query-only vault read by a reader of role "reviewer", so every service that reads records
// (records, stock, statistics, review, audit log, documents) serves the package unchanged, and
// every role check is the reviewer's. The reader is one row added to the temporary copy only,
// named for what it is (not one of the licensee's users); the package's chain was proved from its
// own events before, and the audit verification answers with that proof. Closing (or locking)
// deletes the temporary vault.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { OpenPackageInfo } from '../../../shared/ipc/audit-package-reading-contract';
import type { User } from '../vault/repositories/user-repository';
import { createUserRepository } from '../vault/repositories/user-repository';
import { parseInput } from '../vault/repositories/parse-input';
import type { SubmissionDesk } from '../submission/submission-desk';
import { createSubmissionDesk } from '../submission/submission-desk';
import type { VaultServices } from '../vault/vault-services';
import { createVaultServices } from '../vault/vault-services';
import type { OpenedAuditPackage } from './open-audit-package';
import { openAuditPackage } from './open-audit-package';
import { readTrustCertificate } from './read-trust-certificate';

export type PackageReading = {
  opened: OpenedAuditPackage;
  info: OpenPackageInfo;
  reader: User;
  services: VaultServices;
  desk: SubmissionDesk;
};

export type PackageReadingOptions = {
  now: () => Date;
  resourcesDir?: string;
  /** Locks this computer's vault, or closes the package being read. */
  lock: () => void;
  /** The package's vault takes the place of this computer's (vault-gateway.ts). */
  enter: (reading: PackageReading) => void;
  current: () => PackageReading | null;
};

const OpenFileSchema = z
  .object({
    path: z.string().min(1).max(4096),
    passphrase: z.string().min(1).max(1024),
    trustPath: z.string().min(1).max(4096).optional(),
  })
  .strict();

export const PACKAGE_READER_NAME = 'Reviewer reading this audit package (not a licensee user)';

/** The reader, in the temporary copy only: no password can ever sign it in. */
function addReader(opened: OpenedAuditPackage, now: () => Date): User {
  const { db } = opened.vault;
  db.pragma('query_only = OFF');
  let id: number | bigint;
  try {
    id = db
      .prepare(
        `INSERT INTO users (username, display_name, role, password_hash, created_at)
         VALUES (?, ?, 'reviewer', ?, ?)`,
      )
      .run(
        `package-reader-${randomBytes(6).toString('hex')}`,
        PACKAGE_READER_NAME,
        'none: this account reads an audit package and cannot sign in',
        now().toISOString(),
      ).lastInsertRowid;
  } finally {
    db.pragma('query_only = ON');
  }
  const reader = createUserRepository(db, now).get(Number(id));
  if (reader === null) throw new Error('the package reader was just added');
  return reader;
}

export function infoOf(opened: OpenedAuditPackage): OpenPackageInfo {
  const { manifest, signature } = opened;
  return {
    file: opened.file,
    sha256: opened.sha256,
    licensee: manifest.licensee,
    exportedAt: manifest.createdAt,
    exportedBy: manifest.exportedBy,
    period: manifest.period,
    headSeq: manifest.auditHead.seq,
    headHash: manifest.auditHead.hash,
    signature: {
      status: signature.status === 'trusted' ? 'trusted' : 'untrusted',
      signer: signature.signer,
      message: signature.message,
    },
    checks: opened.checks.map(({ check, status, message }) => ({ check, status, message })),
  };
}

export function packageReadingGatewayGroup(options: PackageReadingOptions) {
  const { now } = options;
  return {
    /** Verifies the package; only once it passed is this computer's vault locked and replaced. */
    open: async (input: unknown): Promise<OpenPackageInfo> => {
      const { path, passphrase, trustPath } = parseInput(OpenFileSchema, input);
      const trustAnchorsDer = trustPath === undefined ? [] : [readTrustCertificate(trustPath)];
      const opened = await openAuditPackage(path, passphrase, {
        trustAnchorsDer,
        now,
        ...(options.resourcesDir === undefined ? {} : { resourcesDir: options.resourcesDir }),
      });
      try {
        const reader = addReader(opened, now);
        const { db } = opened.vault;
        const base = createVaultServices(db, { now });
        // The chain as proved from the package's own events (the copy cannot recompute the
        // digests of rows whose secrets were withheld).
        const services: VaultServices = { ...base, audit: { verify: () => opened.chain } };
        // Nothing is ever sent from a package: the desk only reads the outbox.
        const desk = createSubmissionDesk(db, { now, mayRun: () => false });
        options.lock();
        const reading: PackageReading = { opened, info: infoOf(opened), reader, services, desk };
        options.enter(reading);
        return reading.info;
      } catch (error: unknown) {
        opened.vault.close();
        throw error;
      }
    },
    current: (): OpenPackageInfo | null => options.current()?.info ?? null,
    /** Closes the package (deleting its temporary vault); false when none was open. */
    close: (): { closed: boolean } => {
      if (options.current() === null) return { closed: false };
      options.lock();
      return { closed: true };
    },
  };
}
