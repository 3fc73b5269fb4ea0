// The full digital certificate: one letter-landscape page laid out like the US form, with the
// certificate's data in its boxes, metadata naming the certificate, and optionally the signed QR
// seal and a reserved area for the visible signature. The page is laid out once as a display
// list (certificate-page-layout.ts) and written straight to PDF (write-certificate-pdf.ts); the
// preview (render-certificate-preview-svg.ts) paints the same list as SVG.
import type { Certificate } from '../../../../shared/domain/certificate';
import type { QrSymbol } from '../seal/seal-qr-symbol';
import { sealQrSymbol } from '../seal/seal-qr-symbol';
import type { CertificateFontFiles } from './certificate-fonts';
import { loadCertificateFontFiles } from './certificate-fonts';
import type { PrintableRecord } from './certificate-field-contents';
import type { CertificatePage, PdfRect } from './certificate-page-layout';
import { layoutCertificatePage } from './certificate-page-layout';
import type { VoidStamp } from './void-stamp-items';
import type { CertificateSubsets, DocumentInfo, ExtraObjects } from './write-certificate-pdf';
import { certificateSubsets, writeCertificatePdf } from './write-certificate-pdf';

export type { PdfRect } from './certificate-page-layout';

export type RenderCertificateOptions = {
  /** Directory holding fonts/DejaVuSans*.ttf (the packaged app: process.resourcesPath). */
  resourcesDir: string;
  variant: 'issued' | 'void';
  /** Required for the void variant. */
  voidStamp?: VoidStamp;
  /** The seal text, drawn as a QR code in the reserved box at the bottom left (sealRect). */
  seal?: string;
  /** Caption the seal box ("Verification seal"); by default captioned when a seal is given. */
  sealBox?: boolean;
  /** Reserve (and frame) the area for the visible signature and return its rectangle. */
  signatureBox?: boolean;
  /** Producer metadata, e.g. "KP Desk 1.2.0"; defaults to this build's version. */
  producer?: string;
  /** The Info /Author and XMP dc:creator: the licensee who issues the certificate. */
  author?: string;
  /** Creation date written into the metadata; defaults to the current time. */
  now?: Date;
};

export type RenderedCertificate = {
  pdf: Buffer;
  signatureRect: PdfRect | null;
  sealRect: PdfRect;
};

/** Everything a certificate document is written from: fonts, laid-out page, metadata. */
export type PreparedCertificate = {
  files: CertificateFontFiles;
  subsets: CertificateSubsets;
  page: CertificatePage;
  info: DocumentInfo;
};

export function certificateInfo(
  record: Pick<Certificate, 'number' | 'itn'>,
  options: Pick<RenderCertificateOptions, 'variant' | 'producer' | 'now' | 'author'>,
): DocumentInfo {
  const title = `Kimberley Process Certificate ${record.number}`;
  return {
    title: options.variant === 'void' ? `${title} (VOID)` : title,
    subject: record.number,
    keywords: ['Kimberley Process', record.number, record.itn].filter((k) => k !== ''),
    author: options.author,
    producer: options.producer,
    now: options.now,
  };
}

export async function prepareCertificate(
  record: PrintableRecord,
  options: Omit<RenderCertificateOptions, 'seal'> & { sealQr?: QrSymbol },
): Promise<PreparedCertificate> {
  if (options.variant === 'void' && options.voidStamp === undefined)
    throw new Error('The VOID variant needs voidStamp (reason and date)');
  const files = await loadCertificateFontFiles(options.resourcesDir);
  const subsets = await certificateSubsets(files);
  const page = layoutCertificatePage(record, files, {
    voidStamp: options.variant === 'void' ? options.voidStamp : undefined,
    sealQr: options.sealQr,
    sealBox: options.sealBox,
    signatureBox: options.signatureBox,
  });
  return { files, subsets, page, info: certificateInfo(record, options) };
}

/** Writes a prepared certificate, with extra objects such as the signature field. */
export function writePreparedCertificate(
  prepared: PreparedCertificate,
  extra?: ExtraObjects,
  infoExtra?: string,
): Buffer {
  const info = infoExtra === undefined ? prepared.info : { ...prepared.info, extra: infoExtra };
  return writeCertificatePdf(prepared.page, prepared.subsets, info, extra);
}

/** The certificate as PDF bytes (one revision, classic xref) and the rectangles it reserved. */
export async function renderCertificatePdf(
  certificate: Certificate,
  options: RenderCertificateOptions,
): Promise<RenderedCertificate> {
  const prepared = await prepareCertificate(certificate, {
    ...options,
    sealQr: options.seal === undefined ? undefined : sealQrSymbol(options.seal),
  });
  return {
    pdf: writePreparedCertificate(prepared),
    signatureRect: prepared.page.signatureRect,
    sealRect: prepared.page.sealRect,
  };
}

export async function renderCertificatePdfBytes(
  certificate: Certificate,
  options: RenderCertificateOptions,
): Promise<Uint8Array> {
  return (await renderCertificatePdf(certificate, options)).pdf;
}
