// Writes the unsigned certificate document (page, seal QR, Info entries, signature field with its
// zero-filled /Contents hole) from a document recipe and the seal text: the one function the
// issuance (issue-signed-certificate.ts) and the verifier's page binding
// (verify/check-page-binding.ts) both call, so a verifier writes exactly what the issuer wrote.
// Every byte is a function of the recipe, the seal text and the fonts: no random identifiers,
// no clock (the recipe's signedAt is the only time). It is synchronous once the fonts are loaded
// (loadDocumentFonts, once per process and resources directory).
import type { CertificateFontFiles } from './layout/certificate-fonts';
import { loadCertificateFontFiles } from './layout/certificate-fonts';
import { layoutCertificatePage } from './layout/certificate-page-layout';
import { certificateInfo } from './layout/render-certificate-pdf';
import type { CertificateSubsets } from './layout/write-certificate-pdf';
import {
  certificateSubsets,
  pdfFontResources,
  writeCertificatePdf,
} from './layout/write-certificate-pdf';
import type { DocumentRecipe } from './recipe/document-recipe';
import { encodeRecipe, RECIPE_INFO_KEY } from './recipe/document-recipe';
import { SEAL_INFO_KEY, assertSealText } from './seal/embed-seal-text';
import { sealQrSymbol } from './seal/seal-qr-symbol';
import { signatureFieldObjects } from './signing/sign-pdf';

export type DocumentFonts = { files: CertificateFontFiles; subsets: CertificateSubsets };

/** The fonts and their fixed subsets; both are cached per process by their modules. */
export async function loadDocumentFonts(resourcesDir: string): Promise<DocumentFonts> {
  const files = await loadCertificateFontFiles(resourcesDir);
  return { files, subsets: await certificateSubsets(files) };
}

/**
 * The unsigned document: signPreparedPdf (signing/sign-pdf.ts) fills its /ByteRange and hole.
 * Throws the layout's AppFailure (DOCUMENT_TEXT_TOO_LONG / _UNSUPPORTED) for text it cannot
 * print.
 */
export function writeUnsignedCertificate(
  recipe: DocumentRecipe,
  seal: string,
  fonts: DocumentFonts,
): Buffer {
  assertSealText(seal);
  const { record } = recipe;
  const signingTime = new Date(recipe.signedAt);
  const page = layoutCertificatePage(record, fonts.files, {
    voidStamp: recipe.kind === 'void' ? recipe.voidStamp : undefined,
    sealQr: sealQrSymbol(seal),
    // The issued page has never captioned its seal; the preview of it matches.
    sealBox: false,
    signatureBox: true,
  });
  if (page.signatureRect === null) throw new Error('The layout reserved no signature box.');
  const field = signatureFieldObjects({
    rect: page.signatureRect,
    signerName: recipe.signer,
    licenseeName: recipe.licensee,
    certificateNumber: record.number,
    signingTime,
    location: recipe.location,
    font: fonts.files.regular,
    fonts: pdfFontResources(fonts.subsets),
  });
  const info = certificateInfo(record, {
    variant: recipe.kind,
    producer: recipe.producer,
    now: signingTime,
    author: recipe.licensee,
  });
  // The seal and the recipe travel as text in the Info dictionary, inside the signed bytes.
  const extra = ` /${SEAL_INFO_KEY} (${seal}) /${RECIPE_INFO_KEY} (${encodeRecipe(recipe)})`;
  return writeCertificatePdf(page, fonts.subsets, { ...info, extra }, field);
}
