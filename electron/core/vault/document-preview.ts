// The certificate preview (documents:preview): page 1 as SVG, painted from the same layout as the
// PDF. A draft shows what is readable so far; an issued or voided certificate shows its seal and
// signature as read back from its latest signed PDF in the vault (none yet: shown unsigned). The
// layout's code is imported when first used, like the PDF makers (document-operations.ts).
import type { Certificate } from '../../../shared/domain/certificate';
import type { DocumentKind } from '../../../shared/ipc/documents-contract';
import type { VoidStamp } from '../documents/layout/void-stamp-items';
import { verifyPdf } from '../documents/verify/verify-pdf';
import type { CertificateRecord } from './repositories/certificate-row';

export type CertificatePreviewSource = {
  record: CertificateRecord;
  /** The document the record has: null for a draft (not issued yet), else its kind. */
  kind: DocumentKind | null;
  resourcesDir: string;
  /** The exact certificate a document of this kind prints (document-operations.ts). */
  printable: (record: CertificateRecord, kind: DocumentKind) => Certificate;
  /** The latest signed PDF of this kind kept in the vault, or null. */
  latestSignedPdf: (kind: DocumentKind) => Buffer | null;
  sealPublicKey: Buffer | undefined;
  voidStamp: VoidStamp;
  licenseeName: string | undefined;
};

export async function renderCertificatePreview(
  source: CertificatePreviewSource,
): Promise<{ svg: string }> {
  const { record, kind, resourcesDir } = source;
  const { renderCertificatePreviewSvg } =
    await import('../documents/layout/render-certificate-preview-svg');
  if (kind === null) {
    const { previewRecordFromDraft } =
      await import('../documents/layout/preview-record-from-draft');
    const svg = await renderCertificatePreviewSvg(previewRecordFromDraft(record.draft), {
      resourcesDir,
    });
    return { svg };
  }
  const certificate = source.printable(record, kind);
  const pdf = source.latestSignedPdf(kind);
  const signed =
    pdf === null
      ? null
      : verifyPdf(pdf, {
          ...(source.sealPublicKey === undefined ? {} : { sealPublicKey: source.sealPublicKey }),
        });
  const seal = signed?.seal.seal ?? undefined;
  const signerName = /CN=([^,]+)/.exec(signed?.signer.subject ?? '')?.[1];
  const signingTime = signed?.signer.signingTime ?? null;
  const svg = await renderCertificatePreviewSvg(certificate, {
    resourcesDir,
    ...(seal === undefined ? {} : { seal }),
    ...(kind === 'void' ? { voidStamp: source.voidStamp } : {}),
    ...(signerName === undefined || signingTime === null
      ? {}
      : {
          signature: {
            signerName,
            licenseeName: source.licenseeName ?? certificate.exporter.name,
            signingTime: new Date(signingTime),
          },
        }),
  });
  return { svg };
}
