// What every document operation of one open connection shares (document-operations.ts composes
// them): the repositories, the signing keys and identity, the trust list, and the reading of a
// certificate record as the document prints it. Nothing here signs, writes a file or verifies.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { Certificate } from '../../../shared/domain/certificate';
import { readCertificate } from '../../../shared/domain/certificate';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import { defaultValidationSettings } from '../../../shared/domain/validation-settings';
import type { DocumentKind } from '../../../shared/ipc/documents-contract';
import { AppFailure } from '../app-failure';
import { findResourcesDir } from '../documents/find-resources-dir';
import type { VoidStamp } from '../documents/layout/void-stamp-items';
import { certificateDigest } from '../documents/seal/seal-payload';
import { verifyPdf } from '../documents/verify/verify-pdf';
import { authorize } from '../issuance/actor';
import type { Actor } from '../issuance/actor';
import { hasErrorsFailure } from '../issuance/check-certificate';
import { createAuditWriter } from './audit/audit-chain';
import { createIdentityOperations } from './identity-operations';
import { createAttachmentRepository } from './repositories/attachment-repository';
import type { CertificateRecord } from './repositories/certificate-row';
import { createCertificateRepository } from './repositories/certificate-repository';
import { createIdentityRepository } from './repositories/identity-repository';
import { createSettingsRepository } from './repositories/settings-repository';
import { createSignatureLevelRepository } from './repositories/signature-level-repository';
import { createLicenseeRepository } from './repositories/licensee-repository';
import { createTrustedCertificateRepository } from './repositories/trusted-certificate-repository';
import { createUserRepository } from './repositories/user-repository';
import { createTrustListOperations } from './trust-list-operations';
import { ATTACHMENT_KIND, createSignedDocumentStatus } from './signed-document-status';
import { createImportedRecordGuard } from '../record-import/imported-record-guard';
import { createSigningKeyring } from '../signing-keys/signing-keyring';
import type { KdfCost } from './keys/passphrase-wrap';

export type DocumentOperationsOptions = {
  now: () => Date;
  /** The rule settings (the vault's, read at each use); the defaults when not given. */
  settings?: ValidationSettings | (() => ValidationSettings) | undefined;
  /** The folder holding fonts/ (resources/ in development, process.resourcesPath packaged). */
  resourcesDir: string | undefined;
  /** How long to wait for the time-stamp authority (default 10 s); signing goes on without it. */
  tsaTimeoutMs?: number;
  /** Only tests lower the scrypt cost of new signing-secret wraps. */
  signingKdf?: KdfCost | undefined;
  /** The vault's id (its key file), named with the audit head a signed document carries. */
  vaultId?: () => string | null;
};

/** The input naming one certificate, shared by the signing and the document file operations. */
export const CertificateIdSchema = z.object({ certificateId: z.number().int().min(1) }).strict();
/** A file path from main's dialogs, never the renderer's. */
export const path = z.string().min(1).max(4096);
export const PathSchema = z.object({ path }).strict();

const EVERYONE = ['operator', 'administrator', 'reviewer'] as const;

export function createDocumentContext(db: Database, options: DocumentOperationsOptions) {
  const { now } = options;
  const users = createUserRepository(db, now);
  const certificates = createCertificateRepository(db, now);
  const licensee = createLicenseeRepository(db, now);
  const attachments = createAttachmentRepository(db, now);
  const identities = createIdentityRepository(db, now);
  const audit = createAuditWriter(db, now);
  const savedSettings = createSettingsRepository(db, now);
  const levels = createSignatureLevelRepository(db);
  // The signing KEK of this connection (issue 13): closed with it when the vault locks.
  const signingKeys = createSigningKeyring({ db, users, audit, now, kdf: options.signingKdf });
  const identity = createIdentityOperations({
    db,
    identities,
    users,
    licensee,
    audit,
    keyring: signingKeys,
    now,
  });
  const trusted = createTrustedCertificateRepository(db, now);
  const trust = createTrustListOperations({ db, trusted, users, audit, now });
  const notImported = createImportedRecordGuard(db);

  const resourcesDir = (): string => {
    // The bundle's folder (dist/<entry>/) or this source file's: resources/ is above either.
    const found = findResourcesDir(options.resourcesDir, import.meta.dirname);
    if (found === undefined)
      throw new Error('The certificate fonts (resources/fonts) were not found.');
    return found;
  };

  const mustGet = (certificateId: number): CertificateRecord => {
    const record = certificates.get(certificateId);
    if (record === null)
      throw new AppFailure(
        'NOT_FOUND',
        `There is no certificate with id ${String(certificateId)}.`,
      );
    return record;
  };

  /**
   * The exact certificate a document prints. A VOID copy may lack what only issue needs.
   * Documents exist only for certificates already issued (or voided): each is read as it was
   * issued. The licensee's facts are left out, as `today` is: the rule they feed ("a licensee
   * that is not a common carrier is its own exporter", USKPA licence terms) was checked when the
   * certificate was issued (check-certificate.ts), under the name the licensee had then; judged
   * against today's name, a licensee renamed in Settings saw its earlier certificates fail
   * verification (issue 14). The seal and the audit chain keep the record as it was issued.
   */
  const printable = (record: CertificateRecord, kind: DocumentKind): Certificate => {
    const reading = readCertificate(record.draft, {
      purpose: kind === 'void' ? 'draft' : 'issue',
      settings:
        typeof options.settings === 'function'
          ? options.settings()
          : (options.settings ?? defaultValidationSettings),
    });
    if (reading.certificate === null) throw hasErrorsFailure(reading.report);
    return reading.certificate;
  };

  const latestStored = (certificateId: number, kind: DocumentKind) =>
    attachments
      .list(certificateId)
      .filter((meta) => meta.kind === ATTACHMENT_KIND[kind])
      .at(-1);

  const sealPublicKey = (): Buffer | undefined => identities.activeSealKey()?.publicKeySpkiDer;

  /** The stored document still matches the record when its seal's digest is the record's. */
  const stillMatches = (pdf: Buffer, certificate: Certificate): boolean => {
    const key = sealPublicKey();
    if (key === undefined) return false;
    const result = verifyPdf(pdf, {
      sealPublicKey: key,
      earlierSealPublicKeys: identities.retiredSealPublicKeys(),
    });
    return result.seal.payload?.h === certificateDigest(certificate);
  };

  const status = createSignedDocumentStatus({
    attachments,
    levels,
    currentData: (record) => {
      try {
        return printable(record, 'certificate');
      } catch {
        return null; // stored text from before a rule: nothing can match, nothing is current
      }
    },
    digestOf: certificateDigest,
  });

  /** The VOID stamp: the void date and USKPA's reason, as recorded. */
  const voidStampOf = (record: CertificateRecord): VoidStamp => ({
    reason: record.voidReason ?? 'Voided',
    date: (record.voidedAt ?? now().toISOString()).slice(0, 10),
  });

  const everyone = (actor: Actor, what: string) => authorize(users, actor, EVERYONE, what);

  return {
    db,
    options,
    now,
    users,
    certificates,
    licensee,
    attachments,
    identities,
    audit,
    savedSettings,
    levels,
    signingKeys,
    identity,
    trust,
    notImported,
    resourcesDir,
    mustGet,
    printable,
    latestStored,
    sealPublicKey,
    stillMatches,
    status,
    voidStampOf,
    everyone,
  };
}

export type DocumentContext = ReturnType<typeof createDocumentContext>;
