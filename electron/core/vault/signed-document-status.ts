// Which stored signed document is the current one. A correction approved after signing changes
// the record (edit-request-operations.ts), so the PDF signed before no longer shows what the
// record says: it is superseded. It is kept, never deleted (31 CFR 592.309: records for 10
// years), and never passed off as current: saving exports the current document, a superseded
// one only when asked for in so many words, and under a name that says so. A document is current
// when its seal (which carries the digest of the certificate's data) matches the record as it is
// now; for a VOID copy, when it is the latest one (its data, the void, does not change).
import type { Certificate } from '../../../shared/domain/certificate';
import type { DocumentKind, StoredDocument } from '../../../shared/ipc/documents-contract';
import { AppFailure } from '../app-failure';
import type { AttachmentMeta, AttachmentRepository } from './repositories/attachment-repository';
import type { CertificateRecord } from './repositories/certificate-row';
import type { createSignatureLevelRepository } from './repositories/signature-level-repository';
type SignatureLevelRepository = ReturnType<typeof createSignatureLevelRepository>;

export const ATTACHMENT_KIND: Record<DocumentKind, 'signed-certificate' | 'signed-void-copy'> = {
  certificate: 'signed-certificate',
  void: 'signed-void-copy',
};

type Deps = {
  attachments: AttachmentRepository;
  levels: SignatureLevelRepository;
  /** The certificate's data as it is now, or null when it cannot be read for signing. */
  currentData: (record: CertificateRecord) => Certificate | null;
  /** The digest a seal carries for this certificate data (seal-payload.ts). */
  digestOf: (certificate: Certificate) => string;
};

/**
 * The certificate digest (`h`) in a stored PDF's seal text (/KPDeskSeal, embed-seal-text.ts),
 * read without checking the seal's signature: the file is the vault's own (its sha256 is checked
 * on every read and its row is in the audit chain), and reading it this way keeps the status right
 * after the signing identity was replaced, when the current seal key would not verify old seals.
 * This decides current or superseded only; verification (verify-pdf.ts) checks everything.
 */
export function sealDigestOf(pdf: Buffer): string | null {
  const texts = [...pdf.toString('latin1').matchAll(/\/KPDeskSeal \(([A-Za-z0-9_.-]{1,4096})\)/g)];
  const payloadPart = texts.at(-1)?.[1]?.split('.')[1];
  if (payloadPart === undefined) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
    const h = (payload as { h?: unknown } | null)?.h;
    return typeof h === 'string' ? h : null;
  } catch {
    return null;
  }
}

const kindOf = (meta: AttachmentMeta): DocumentKind | null =>
  meta.kind === ATTACHMENT_KIND.certificate
    ? 'certificate'
    : meta.kind === ATTACHMENT_KIND.void
      ? 'void'
      : null;

/** "US10001.pdf" → "US10001-SUPERSEDED-2026-11-27.pdf": the file says what it is. */
export function supersededFileName(meta: AttachmentMeta): string {
  const stem = meta.fileName.replace(/\.pdf$/i, '');
  return `${stem}-SUPERSEDED-${meta.createdAt.slice(0, 10)}.pdf`;
}

export function createSignedDocumentStatus(deps: Deps) {
  const { attachments, levels } = deps;

  /** Every signed document of the certificate, oldest first, each current or superseded. */
  function list(record: CertificateRecord): StoredDocument[] {
    const stored = attachments
      .list(record.id)
      .map((meta) => ({ meta, kind: kindOf(meta) }))
      .filter((row): row is { meta: AttachmentMeta; kind: DocumentKind } => row.kind !== null);
    const lastVoid = stored.filter((row) => row.kind === 'void').at(-1)?.meta.id;
    const data = deps.currentData(record);
    const digest = data === null ? null : deps.digestOf(data);
    return stored.map(({ meta, kind }) => {
      const current =
        kind === 'void'
          ? meta.id === lastVoid
          : digest !== null && sealDigestOf(attachments.read(meta.id)) === digest;
      const level = levels.of(meta.id);
      return {
        documentId: meta.id,
        kind,
        fileName: current ? meta.fileName : supersededFileName(meta),
        signedAt: meta.createdAt,
        sha256: meta.sha256,
        bytes: meta.size,
        level: level.level,
        levelNote: level.note,
        status: current ? 'current' : 'superseded',
      };
    });
  }

  /**
   * The document `documents:save` writes: the given one, or the current one of the kind. A
   * superseded document is refused unless `superseded` says it is wanted as such; no current one
   * (a correction was approved after signing) is refused with the way forward.
   */
  function forSaving(
    record: CertificateRecord,
    request: { kind: DocumentKind; documentId?: number | undefined; superseded?: true | undefined },
  ): StoredDocument {
    const documents = list(record);
    if (request.documentId !== undefined) {
      const chosen = documents.find((d) => d.documentId === request.documentId);
      if (chosen === undefined)
        throw new AppFailure(
          'NOT_FOUND',
          `Certificate ${record.number} has no signed document ${String(request.documentId)}.`,
        );
      if (chosen.status === 'superseded' && request.superseded !== true)
        throw supersededFailure(record, chosen);
      return chosen;
    }
    const ofKind = documents.filter((d) => d.kind === request.kind);
    const current = ofKind.filter((d) => d.status === 'current').at(-1);
    if (current !== undefined) return current;
    const latest = ofKind.at(-1);
    if (latest === undefined)
      throw new AppFailure(
        'NOT_FOUND',
        `Certificate ${record.number} has no signed ${request.kind === 'void' ? 'VOID copy' : 'PDF'} yet: sign it first.`,
      );
    throw supersededFailure(record, latest);
  }

  return { list, forSaving };
}

function supersededFailure(record: CertificateRecord, document: StoredDocument): AppFailure {
  return new AppFailure(
    'DOCUMENT_SUPERSEDED',
    `The signed PDF of ${record.number} from ${document.signedAt.slice(0, 10)} is superseded: the record was corrected after it was signed, so it shows the old values. Sign the corrected certificate under Documents and save that one; the superseded copy is kept in the vault and can be saved only as a superseded copy. Nothing was saved.`,
    { documentId: 'This signed PDF is superseded by a correction.' },
  );
}
