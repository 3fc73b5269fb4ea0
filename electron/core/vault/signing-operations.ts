// Signing a certificate document, where the keys are: inside the vault's process (the vault
// worker in Electron), so the private keys are read from the encrypted vault and used here, and
// only the PDF leaves. Signing an ISSUED (or SHIPPED, DELIVERED) certificate gives the signed,
// sealed PDF; a VOIDED one gives the signed VOID copy Census must receive
// (31 CFR 592.301(a)(1)(v)). The signed PDF is kept in the vault (attachments) with its audit
// event. The PDF makers are imported when first used: the vault opens without loading pdf-lib
// and the fonts' code, and a vault that never signs never pays for them.
import type { Certificate } from '../../../shared/domain/certificate';
import type {
  DocumentKind,
  SignatureLevel,
  SignedDocument,
} from '../../../shared/ipc/documents-contract';
import { AppFailure } from '../app-failure';
import type { VoidStamp } from '../documents/layout/void-stamp-items';
import { certificateDigest } from '../documents/seal/seal-payload';
import { WRITERS, authorize } from '../issuance/actor';
import type { Actor } from '../issuance/actor';
import { readChainHead } from './audit/chain-head';
import type { DocumentContext } from './document-context';
import { CertificateIdSchema } from './document-context';
import type { SigningSession } from '../signing-keys/signing-session';
import { openSigningSession } from '../signing-keys/signing-session';
import type { AttachmentMeta } from './repositories/attachment-repository';
import type { CertificateRecord } from './repositories/certificate-row';
import { parseInput } from './repositories/parse-input';
import { ATTACHMENT_KIND } from './signed-document-status';

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

export const SIGNABLE = new Set(['ISSUED', 'SHIPPED', 'DELIVERED']);

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

export function createSigningOperations(context: DocumentContext) {
  const {
    db,
    options,
    now,
    users,
    licensee,
    attachments,
    identities,
    audit,
    savedSettings,
    levels,
    signingKeys,
    notImported,
    resourcesDir,
    mustGet,
    printable,
    latestStored,
    stillMatches,
    status,
    voidStampOf,
  } = context;

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
    if (replaced !== undefined)
      audit.append({
        userId: user.id,
        action: 'document.supersede',
        entityType: 'attachment',
        entityId: replaced.documentId,
      });
    const meta = keep(user.id, record, prepared);
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

  /** The document's rows (the PDF, its PAdES level) and their audit events. */
  function keep(
    userId: number,
    record: CertificateRecord,
    prepared: PreparedDocument,
  ): AttachmentMeta {
    const { meta, auditDigest } = attachments.addWithAuditDigest({
      certificateId: record.id,
      kind: ATTACHMENT_KIND[prepared.kind],
      fileName: `${record.number}${prepared.kind === 'void' ? '-VOID' : ''}.pdf`,
      mediaType: 'application/pdf',
      content: prepared.pdf,
    });
    levels.record(meta.id, prepared.level, prepared.levelNote);
    audit.append({
      userId,
      action: prepared.kind === 'void' ? 'document.sign-void' : 'document.sign',
      entityType: 'attachment',
      entityId: meta.id,
      entityDigest: auditDigest, // of the row just added, from the PDF in memory
    });
    // The level (B-B, B-T, B-LT) and its note are a row of their own (migration 0070): audited
    // too, so a level raised by hand is caught like any other change (issue 13).
    audit.append({
      userId,
      action: 'document.signature-level',
      entityType: 'signature_level',
      entityId: meta.id,
    });
    return meta;
  }
  const storeInTransaction = db.transaction(store);

  /**
   * Keeps the signed PDF of a certificate issued in this same transaction (a bulk issue's row,
   * issuance/issue-in-one-step.ts, whose record is `record` as written): the same rows and audit
   * events as store(), without its read-back of the record and its search for an earlier
   * document, which a certificate issued a moment ago in this transaction cannot have.
   */
  function storeForJustIssued(
    actor: Actor,
    record: CertificateRecord,
    prepared: PreparedDocument,
  ): AttachmentMeta {
    if (!db.inTransaction) throw new Error('storeForJustIssued runs in the issuing transaction');
    const user = authorize(users, actor, WRITERS, 'sign certificates');
    if (record.state !== 'ISSUED' || prepared.kind !== 'certificate')
      throw new Error('storeForJustIssued keeps the document of a certificate just issued');
    return keep(user.id, record, prepared);
  }

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

  /** Signs the certificate (or its VOID copy) and keeps the PDF; an unchanged one is reused. */
  async function sign(actor: Actor, input: unknown): Promise<SignedDocument> {
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
  }

  /**
   * What a signing thread needs besides the keys and the certificate (bulk-issue/sign-pool.ts):
   * the same signer details and time-stamp settings prepareWith uses, read now.
   */
  const signerSetup = (session: SigningSession) => ({
    signerName: session.signerName,
    licenseeName: licensee.get()?.legalName ?? null,
    resourcesDir: resourcesDir(),
    tsaUrl: savedSettings.tsaUrl(),
    ...(options.tsaTimeoutMs === undefined ? {} : { tsaTimeoutMs: options.tsaTimeoutMs }),
  });

  return {
    prepare,
    openSigningSession: openSession,
    store,
    storeForJustIssued,
    signerSetup,
    auditHeadNow,
    sign,
  };
}
