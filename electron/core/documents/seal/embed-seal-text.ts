// The seal also travels as text in the document information dictionary (/KPDeskSeal), the same
// string the QR code carries, so the verifier reads it without decoding an image. It is written
// before signing, so the signature covers it like everything else.
import type { PDFDocument } from 'pdf-lib';
import { PDFDict, PDFName, PDFString } from 'pdf-lib';

export const SEAL_INFO_KEY = 'KPDeskSeal';

export function embedSealText(pdf: PDFDocument, seal: string): void {
  if (!/^[A-Za-z0-9_.-]+$/.test(seal)) throw new Error('A seal is base64url text and dots.');
  const { context } = pdf;
  let info = context.lookupMaybe(context.trailerInfo.Info, PDFDict);
  if (info === undefined) {
    info = context.obj({});
    context.trailerInfo.Info = context.register(info);
  }
  info.set(PDFName.of(SEAL_INFO_KEY), PDFString.of(seal));
}
