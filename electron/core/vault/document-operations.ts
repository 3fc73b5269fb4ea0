// The certificate documents, made where the keys are: inside the vault's process (the vault
// worker in Electron), so the private keys are read from the encrypted vault and used here, and
// only PDFs, summaries and verification results leave. Signing an ISSUED (or SHIPPED, DELIVERED)
// certificate gives the signed, sealed PDF; a VOIDED one gives the signed VOID copy Census must
// receive (31 CFR 592.301(a)(1)(v)). The signed PDF is kept in the vault (attachments) with its
// audit event; saving, the print-on-form overlay and the calibration page write files at paths
// main's dialogs chose. The PDF makers are imported when first used: the vault opens without
// loading pdf-lib and the fonts' code, and a vault that never signs never pays for them.
import type { KeyObject } from 'node:crypto';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { Certificate } from '../../../shared/domain/certificate';
import { readCertificate } from '../../../shared/domain/certificate';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import { defaultValidationSettings } from '../../../shared/domain/validation-settings';
import type {
  DocumentKind,
  DocumentVerification,
  SignatureLevel,
  SignedDocument,
  StoredDocument,
} from '../../../shared/ipc/documents-contract';
import { documentKinds } from '../../../shared/ipc/documents-contract';
import { AppFailure } from '../app-failure';
import { findResourcesDir } from '../documents/find-resources-dir';
import type { VoidStamp } from '../documents/layout/void-stamp-items';
import type { PrinterCalibration } from '../documents/layout/printer-calibration';
import { sealPublicKey as parseSealPublicKey } from '../documents/seal/seal-key';
import { certificateDigest } from '../documents/seal/seal-payload';
import { DEFAULT_MAX_BYTES, verifyPdf } from '../documents/verify/verify-pdf';
import { createPageBindingChecker } from '../documents/verify/check-page-binding';
import { WRITERS, authorize } from '../issuance/actor';
import type { Actor } from '../issuance/actor';
import { hasErrorsFailure } from '../issuance/check-certificate';
import { createAuditWriter } from './audit/audit-chain';
import { readFileBounded, writeFileAtomically } from './document-files';
import { renderCertificatePreview } from './document-preview';
import { verifyAgainstVault } from './verify-against-vault';
import { createIdentityOperations } from './identity-operations';
import { createAttachmentRepository } from './repositories/attachment-repository';
import type { CertificateRecord } from './repositories/certificate-row';
import { createCertificateRepository } from './repositories/certificate-repository';
import { createIdentityRepository } from './repositories/identity-repository';
import { createSettingsRepository } from './repositories/settings-repository';
import { createSignatureLevelRepository } from './repositories/signature-level-repository';
import { createLicenseeRepository } from './repositories/licensee-repository';
import { createTrustedCertificateRepository } from './repositories/trusted-certificate-repository';
import { parseInput } from './repositories/parse-input';
import { createUserRepository } from './repositories/user-repository';
import { createTrustListOperations } from './trust-list-operations';
import { ATTACHMENT_KIND, createSignedDocumentStatus } from './signed-document-status';
import { createImportedRecordGuard } from '../record-import/imported-record-guard';
import { exportEscrow } from '../signing-keys/export-escrow';
import type { SigningSession } from '../signing-keys/signing-session';
import { openSigningSession } from '../signing-keys/signing-session';
import { createSigningKeyring } from '../signing-keys/signing-keyring';
import type { KdfCost } from './keys/passphrase-wrap';
import { readChainHead } from './audit/chain-head';

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

/** A signed document made but not yet stored (the CLI issues and stores in one transaction). */
export type PreparedDocument = {
  kind: DocumentKind;
  pdf: Buffer;
  digest: string;
  signedAt: Date;
  /** The PAdES level reached (B-T/B-LT need the TSA of the settings) and why. */
  level: SignatureLevel;
  levelNote: string;
};

const CertificateIdSchema = z.object({ certificateId: z.number().int().min(1) }).strict();
const StoredSchema = CertificateIdSchema.extend({
  kind: z.enum(documentKinds).default('certificate'),
});
const path = z.string().min(1).max(4096);
const ChosenSchema = StoredSchema.extend({
  documentId: z.number().int().min(1).optional(),
  superseded: z.literal(true).optional(),
});
const SaveSchema = ChosenSchema.extend({ path });
// The printer's offsets come from this computer's preferences, added by main (document-handlers.ts);
// the vault no longer decides them (issue 16: a restore must not move them between computers).
const calibration = z
  .object({ offsetXPt: z.number().min(-72).max(72), offsetYPt: z.number().min(-72).max(72) })
  .strict()
  .default({ offsetXPt: 0, offsetYPt: 0 });
const OverlaySchema = CertificateIdSchema.extend({ path, calibration });
const PathSchema = z.object({ path }).strict();
const CalibrationPageSchema = PathSchema.extend({ calibration });
const inLayoutTerms = (offsets: z.infer<typeof calibration>): PrinterCalibration => ({
  offsetX: offsets.offsetXPt,
  offsetY: offsets.offsetYPt,
});

const SIGNABLE = new Set(['ISSUED', 'SHIPPED', 'DELIVERED']);
const EVERYONE = ['operator', 'administrator', 'reviewer'] as const;

/** The kind of document a certificate in this state has, or a refusal that says why not. */
export function documentKindFor(record: CertificateRecord): DocumentKind {
  if (SIGNABLE.has(record.state)) return 'certificate';
  if (record.state === 'VOIDED') return 'void';
  throw new AppFailure(
    'ILLEGAL_TRANSITION',
    record.state === 'EXPIRED'
      ? `Certificate ${record.number} expired unused: it must not be used. Void it and issue a new one.`
      : `Certificate ${record.number} is not issued yet (${record.state.toLowerCase()}): issue it first; only an issued certificate is signed.`,
  );
}

const PAGE_TYPE = /^\/Type\s*\/Page(?![a-zA-Z])/;

/**
 * The page objects of a PDF (/Type /Page, not /Pages), counted on the bytes: the whole file as a
 * latin1 string for one regular expression cost a bulk issue about 4 % of its time per row
 * (bench/issue-batch-bench.ts); only the few bytes after each "/Type" are read as text now.
 */
function countPages(pdf: Buffer): number {
  let pages = 0;
  for (let at = pdf.indexOf('/Type'); at !== -1; at = pdf.indexOf('/Type', at + 5))
    if (PAGE_TYPE.test(pdf.toString('latin1', at, at + 40))) pages += 1;
  return pages;
}

export function createDocumentOperations(db: Database, options: DocumentOperationsOptions) {
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
    const result = verifyPdf(pdf, { sealPublicKey: key });
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
  /** The chain's head with the vault's id when known (the recipe's auditHead). */
  const auditHeadNow = (): { vault?: string; seq: number; hash: string } => {
    const { seq, hash } = readChainHead(db);
    const vault = options.vaultId?.() ?? null;
    return vault === null ? { seq, hash } : { vault, seq, hash };
  };

  /** The identity and seal key opened once for many documents (signing-session.ts). */
  const openSession = (): SigningSession =>
    openSigningSession({ identities, keyring: signingKeys, now });

  /**
   * Signs (async, no writes): the keys are read from the vault and used here only. A batch
   * passes the session it opened once; otherwise one is opened for this document and closed.
   */
  async function prepare(
    certificate: Certificate,
    kind: DocumentKind,
    voidStamp?: VoidStamp,
    session?: SigningSession,
  ): Promise<PreparedDocument> {
    // SIGNING_LOCKED unless the keys were opened in this session (secret, workstation, creation).
    const keys = session ?? openSession();
    try {
      return await prepareWith(keys, certificate, kind, voidStamp);
    } finally {
      if (session === undefined) keys.close();
    }
  }

  async function prepareWith(
    keys: SigningSession,
    certificate: Certificate,
    kind: DocumentKind,
    voidStamp: VoidStamp | undefined,
  ): Promise<PreparedDocument> {
    const signedAt = now();
    keys.assertUsableAt(signedAt);
    const signer = {
      identity: keys.identity,
      signerName: keys.signerName,
      licenseeName: licensee.get()?.legalName ?? certificate.exporter.name,
      signingTime: signedAt,
      resourcesDir: resourcesDir(),
      sealKey: keys.sealKey,
      // The chain's head now, inside the signed data: the document anchors the record
      // (issue 13; the signing's own event follows it).
      auditHead: auditHeadNow(),
    };
    const { issueSignedCertificate } = await import('../documents/issue-signed-certificate');
    const document = await issueSignedCertificate(
      certificate,
      kind === 'certificate'
        ? signer
        : {
            ...signer,
            voidStamp: voidStamp ?? { reason: 'Voided', date: signedAt.toISOString().slice(0, 10) },
          },
    );
    // PAdES B-T/B-LT when a TSA is set and answers; otherwise B-B, with the reason recorded.
    const { extendSignature } = await import('../documents/timestamp/extend-signature');
    const extended = await extendSignature(document.pdf, {
      tsaUrl: savedSettings.tsaUrl(),
      ...(options.tsaTimeoutMs === undefined ? {} : { timeoutMs: options.tsaTimeoutMs }),
    });
    return {
      kind,
      pdf: extended.pdf,
      digest: certificateDigest(certificate),
      signedAt,
      level: extended.level,
      levelNote: extended.note,
    };
  }

  /** Keeps a prepared document in the vault with its audit event; run inside a transaction. */
  function store(
    actor: Actor,
    record: CertificateRecord,
    prepared: PreparedDocument,
  ): SignedDocument {
    const user = authorize(users, actor, WRITERS, 'sign certificates');
    const current = mustGet(record.id);
    notImported(current);
    if (current.version !== record.version || documentKindFor(current) !== prepared.kind)
      throw new AppFailure(
        'CONFLICT',
        `Certificate ${record.number} changed while it was being signed. Sign it again.`,
      );
    // The document this one replaces no longer matches the record (a correction was approved
    // after it was signed; sign() reuses a matching one): it is kept, and its supersession is
    // recorded in the audit chain in this same transaction.
    const previous = latestStored(record.id, prepared.kind)?.id;
    const replaced = status
      .list(current)
      .find((d) => d.documentId === previous && d.status === 'superseded');
    const { meta, auditDigest } = attachments.addWithAuditDigest({
      certificateId: record.id,
      kind: ATTACHMENT_KIND[prepared.kind],
      fileName: `${record.number}${prepared.kind === 'void' ? '-VOID' : ''}.pdf`,
      mediaType: 'application/pdf',
      content: prepared.pdf,
    });
    levels.record(meta.id, prepared.level, prepared.levelNote);
    if (replaced !== undefined)
      audit.append({
        userId: user.id,
        action: 'document.supersede',
        entityType: 'attachment',
        entityId: replaced.documentId,
      });
    audit.append({
      userId: user.id,
      action: prepared.kind === 'void' ? 'document.sign-void' : 'document.sign',
      entityType: 'attachment',
      entityId: meta.id,
      entityDigest: auditDigest, // of the row just added, from the PDF in memory
    });
    // The level (B-B, B-T, B-LT) and its note are a row of their own (migration 0070): audited
    // too, so a level raised by hand is caught like any other change (issue 13).
    audit.append({
      userId: user.id,
      action: 'document.signature-level',
      entityType: 'signature_level',
      entityId: meta.id,
    });
    return {
      documentId: meta.id,
      certificateId: record.id,
      number: record.number,
      kind: prepared.kind,
      sha256: meta.sha256,
      bytes: meta.size,
      pages: countPages(prepared.pdf),
      signedAt: prepared.signedAt.toISOString(),
      reused: false,
      level: prepared.level,
      levelNote: prepared.levelNote,
    };
  }
  const storeInTransaction = db.transaction(store);

  const recordedLevel = (attachmentId: number) => {
    const recorded = levels.of(attachmentId);
    return { level: recorded.level, levelNote: recorded.note };
  };

  const reuse = (record: CertificateRecord, kind: DocumentKind): SignedDocument | null => {
    const meta = latestStored(record.id, kind);
    if (meta === undefined) return null;
    const pdf = attachments.read(meta.id);
    if (!stillMatches(pdf, printable(record, kind))) return null;
    return {
      documentId: meta.id,
      certificateId: record.id,
      number: record.number,
      kind,
      sha256: meta.sha256,
      bytes: meta.size,
      pages: countPages(pdf),
      signedAt: meta.createdAt,
      reused: true,
      ...recordedLevel(meta.id),
    };
  };

  /** The stored document a save writes (signed-document-status.ts decides which). */
  const chosenForSaving = (request: z.infer<typeof ChosenSchema>) => {
    const record = mustGet(request.certificateId);
    return { record, document: status.forSaving(record, request) };
  };

  /** The VOID stamp: the void date and USKPA's reason, as recorded. */
  const voidStampOf = (record: CertificateRecord): VoidStamp => ({
    reason: record.voidReason ?? 'Voided',
    date: (record.voidedAt ?? now().toISOString()).slice(0, 10),
  });

  const everyone = (actor: Actor, what: string) => authorize(users, actor, EVERYONE, what);

  /** Only an issued certificate is printed on a form; a voided one never again. */
  const overlayRecord = (actor: Actor, certificateId: number): CertificateRecord => {
    authorize(users, actor, WRITERS, 'print certificates');
    const record = mustGet(certificateId);
    notImported(record);
    if (documentKindFor(record) !== 'certificate')
      throw new AppFailure(
        'ILLEGAL_TRANSITION',
        `Certificate ${record.number} is voided: it is never printed on a form again.`,
      );
    return record;
  };

  const operations = {
    identity,
    signingKeys,
    /** Escrow export (signing-keys/export-escrow.ts): `path` from main's save dialog or --out. */
    exportEscrow: (actor: Actor, input: unknown) =>
      exportEscrow({ db, identities, keyring: signingKeys, audit, now }, actor, input),
    trust,
    prepare,
    openSigningSession: openSession,
    store,
    printable,
    verifyBytes,
    batchVerifier,

    /** Signs the certificate (or its VOID copy) and keeps the PDF; an unchanged one is reused. */
    async sign(actor: Actor, input: unknown): Promise<SignedDocument> {
      authorize(users, actor, WRITERS, 'sign certificates');
      const { certificateId } = parseInput(CertificateIdSchema, input);
      const record = mustGet(certificateId);
      notImported(record);
      const kind = documentKindFor(record);
      const reused = reuse(record, kind);
      if (reused !== null) return reused;
      const stamp = kind === 'void' ? voidStampOf(record) : undefined;
      const prepared = await prepare(printable(record, kind), kind, stamp);
      return storeInTransaction.immediate(actor, record, prepared);
    },

    /** Page 1 as SVG (document-preview.ts): a draft as typed, a signed one as signed. */
    preview(actor: Actor, input: unknown): Promise<{ svg: string }> {
      everyone(actor, 'see certificates');
      const { certificateId } = parseInput(CertificateIdSchema, input);
      const record = mustGet(certificateId);
      const kind = SIGNABLE.has(record.state)
        ? 'certificate'
        : record.state === 'VOIDED'
          ? 'void'
          : null;
      return renderCertificatePreview({
        record,
        kind,
        resourcesDir: resourcesDir(),
        printable,
        latestSignedPdf: (of) => {
          const stored = latestStored(record.id, of);
          return stored === undefined ? null : attachments.read(stored.id);
        },
        sealPublicKey: sealPublicKey(),
        voidStamp: voidStampOf(record),
        licenseeName: licensee.get()?.legalName,
      });
    },

    /** What main needs before the save dialog: the name to offer. Refuses if nothing is stored. */
    savePlan(actor: Actor, input: unknown): { defaultName: string } {
      everyone(actor, 'save certificate documents');
      return { defaultName: chosenForSaving(parseInput(ChosenSchema, input)).document.fileName };
    },

    save(actor: Actor, input: unknown): { path: string } {
      const user = everyone(actor, 'save certificate documents');
      const request = parseInput(SaveSchema, input);
      const { document } = chosenForSaving(request);
      if (document.status === 'current') {
        writeFileAtomically(request.path, attachments.read(document.documentId));
        return { path: request.path };
      }
      // A superseded copy leaving the vault is worth a line in the chain: it shows old values.
      // The event is recorded in the transaction of the write: a failed write records nothing.
      db.transaction(() => {
        writeFileAtomically(request.path, attachments.read(document.documentId));
        audit.append({
          userId: user.id,
          action: 'document.save-superseded',
          entityType: 'attachment',
          entityId: document.documentId,
        });
      }).immediate();
      return { path: request.path };
    },

    /** The certificate's signed documents, each current or superseded (any signed-in role). */
    list(actor: Actor, input: unknown): { documents: StoredDocument[] } {
      everyone(actor, 'see certificate documents');
      const { certificateId } = parseInput(CertificateIdSchema, input);
      return { documents: status.list(mustGet(certificateId)) };
    },

    overlayPlan(actor: Actor, input: unknown): { defaultName: string } {
      const { certificateId } = parseInput(CertificateIdSchema, input);
      return { defaultName: `${overlayRecord(actor, certificateId).number}-overlay.pdf` };
    },

    /** The data only, for USKPA's pre-printed form, shifted by the printer's calibration. */
    async printOverlay(actor: Actor, input: unknown): Promise<{ path: string }> {
      const request = parseInput(OverlaySchema, input);
      const record = overlayRecord(actor, request.certificateId);
      const { renderOverlayPdfBytes } = await import('../documents/layout/render-overlay-pdf');
      const bytes = await renderOverlayPdfBytes(printable(record, 'certificate'), {
        resourcesDir: resourcesDir(),
        calibration: inLayoutTerms(request.calibration),
        now: now(),
      });
      writeFileAtomically(request.path, bytes);
      return { path: request.path };
    },

    async printCalibration(actor: Actor, input: unknown): Promise<{ path: string }> {
      everyone(actor, 'print the calibration page');
      const request = parseInput(CalibrationPageSchema, input);
      const { renderCalibrationPageBytes } =
        await import('../documents/layout/render-calibration-page');
      const bytes = await renderCalibrationPageBytes({
        resourcesDir: resourcesDir(),
        calibration: inLayoutTerms(request.calibration),
        now: now(),
      });
      writeFileAtomically(request.path, bytes);
      return { path: request.path };
    },

    /**
     * Verifies a PDF against this vault: its identities' certificates and its trust list are the
     * trust anchors, its seal key checks the seal, and the record of the sealed certificate
     * number is compared.
     */
    async verify(actor: Actor, input: unknown): Promise<DocumentVerification> {
      everyone(actor, 'verify certificates');
      const request = parseInput(PathSchema, input);
      return verifyBytes(readFileBounded(request.path, DEFAULT_MAX_BYTES), basename(request.path));
    },
  };
  return operations;

  /**
   * The verification of a file's bytes against this vault (no role check: callers do it). The
   * anchors are the signer's certificate of every identity this vault ever held (its own
   * signatures, retired ones included; not the issuers stored with them, which would trust
   * everything a commercial CA issued to anyone) and the certificates its trust list holds now
   * (a removed one no longer counts). The page is written again from the document's recipe with
   * the certificate fonts and compared.
   */
  async function verifyBytes(bytes: Buffer, fileName: string): Promise<DocumentVerification> {
    return (await batchVerifier())(bytes, fileName);
  }

  /**
   * The same verification for many files (the full review, issue 14): the fonts of the page
   * binding are loaded once, and the trust anchors and the seal key are read once, not per file.
   */
  async function batchVerifier(): Promise<
    (bytes: Buffer, fileName: string) => DocumentVerification
  > {
    const pageBinding = await createPageBindingChecker(resourcesDir());
    const trustAnchorsDer = [...identities.signerCertificates(), ...trust.anchorsDer()];
    // Parsed once for the whole batch; a key that is not P-256 is passed as stored, so that each
    // verification reports it as the verifier words it.
    const storedSealKey = sealPublicKey();
    let sealKey: KeyObject | Buffer | undefined = storedSealKey;
    try {
      if (storedSealKey !== undefined) sealKey = parseSealPublicKey(storedSealKey);
    } catch {
      sealKey = storedSealKey;
    }
    return (bytes, fileName) =>
      verifyAgainstVault(bytes, fileName, {
        pageBinding,
        now,
        trustAnchorsDer,
        sealPublicKey: sealKey,
        getByNumber: certificates.getByNumber,
        printable,
        storedDocumentKind: (certificateId, sha256) => {
          const stored = attachments.list(certificateId).find((meta) => meta.sha256 === sha256);
          const kinds = Object.entries(ATTACHMENT_KIND) as [DocumentKind, string][];
          return kinds.find(([, kind]) => kind === stored?.kind)?.[0] ?? null;
        },
      });
  }
}

export type DocumentOperations = ReturnType<typeof createDocumentOperations>;
