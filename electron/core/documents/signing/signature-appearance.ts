// The visible signature: a real appearance stream (/AP /N form XObject) on the signature widget,
// so viewers show it as the signature field itself and print it (the widget has the Print flag).
// It names the signer, the role, the signing time (UTC) and the KP certificate number.
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, degrees, drawRectangle, drawText, rgb } from 'pdf-lib';
import { AppFailure } from '../../app-failure';
import type { EmbeddedFont } from '../layout/certificate-fonts';
import { loadCertificateFontFiles } from '../layout/certificate-fonts';

/** [x1, y1, x2, y2] in PDF points from the page's bottom-left corner, like a PDF /Rect. */
export type SignatureRect = readonly [number, number, number, number];

export type AppearanceText = {
  signerName: string;
  licenseeName: string;
  certificateNumber: string;
  signingTime: Date;
};

/**
 * The regular DejaVu Sans of the certificate, embedded once more for the appearance. It goes
 * through the layout's font loader, which parses the file once per process and skips fontkit's
 * shaping (layout/certificate-fonts.ts): embedding it the plain pdf-lib way cost ~100 ms a
 * document. Callers that still hold the layout's embedded font pass it instead (no second subset).
 */
async function embedRegularFont(pdf: PDFDocument, resourcesDir: string): Promise<EmbeddedFont> {
  const { regular } = await loadCertificateFontFiles(resourcesDir);
  pdf.registerFontkit({
    create: (bytes: Uint8Array) =>
      bytes === regular.bytes ? regular.coverage : fontkit.create(bytes),
  });
  return { pdf: await pdf.embedFont(regular.bytes, { subset: true }), coverage: regular.coverage };
}

export function appearanceLines(text: AppearanceText): string[] {
  const time = text.signingTime.toISOString().slice(0, 16).replace('T', ' ');
  return [
    `Digitally signed by ${text.signerName}`,
    `Authorised signatory for ${text.licenseeName}`,
    `Date: ${time} UTC`,
    `KP certificate ${text.certificateNumber}`,
  ];
}

function assertPrintable(font: EmbeddedFont, lines: string[]): void {
  for (const line of lines) {
    for (const char of line) {
      if (!font.coverage.hasGlyphForCodePoint(char.codePointAt(0) ?? 0))
        throw new AppFailure(
          'DOCUMENT_TEXT_UNSUPPORTED',
          `The signature text cannot show “${char}” (in “${line}”). Use another spelling.`,
        );
    }
  }
}

const noTurn = { rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) };

/** Builds the form XObject (in page coordinates: its BBox is the widget's rectangle). */
export async function buildAppearance(
  pdf: PDFDocument,
  rect: SignatureRect,
  text: AppearanceText,
  resourcesDir: string,
  reuseFont?: EmbeddedFont,
): Promise<PDFDict> {
  const [x1, y1, x2, y2] = rect;
  const box = {
    x: Math.min(x1, x2),
    y: Math.min(y1, y2),
    width: Math.abs(x2 - x1),
    height: Math.abs(y2 - y1),
  };
  const embedded = reuseFont ?? (await embedRegularFont(pdf, resourcesDir));
  const font = embedded.pdf;
  const lines = appearanceLines(text);
  assertPrintable(embedded, lines);
  const pad = Math.min(6, box.height / 10);
  const widest = Math.max(...lines.map((line) => font.widthOfTextAtSize(line, 1)));
  const size = Math.min(
    9,
    (box.height - 2 * pad) / (lines.length * 1.25),
    (box.width - 2 * pad) / widest,
  );
  // The block of lines is centred vertically in the box.
  const top = box.y + (box.height + lines.length * 1.25 * size) / 2;
  const operators = [
    ...drawRectangle({
      x: box.x + 0.5,
      y: box.y + 0.5,
      width: box.width - 1,
      height: box.height - 1,
      borderWidth: 0.75,
      color: rgb(0.97, 0.97, 1),
      borderColor: rgb(0.15, 0.25, 0.55),
      ...noTurn,
    }),
    ...lines.flatMap((line, index) =>
      drawText(font.encodeText(line), {
        color: rgb(0.1, 0.1, 0.1),
        font: 'F0',
        size,
        x: box.x + pad,
        y: top - size * (1.25 * index + 1),
        ...noTurn,
      }),
    ),
  ];
  const stream = pdf.context.formXObject(operators, {
    BBox: [box.x, box.y, box.x + box.width, box.y + box.height],
    Resources: { Font: { F0: font.ref } },
  });
  return pdf.context.obj({ N: pdf.context.register(stream) });
}

/** Puts the appearance on the signature widget that the placeholder just added to the page. */
export function attachAppearance(page: PDFPage, appearance: PDFDict): void {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const last = annots?.lookupMaybe(annots.size() - 1, PDFDict);
  if (last?.get(PDFName.of('FT')) !== PDFName.of('Sig'))
    throw new Error('The signature widget is missing from the page.');
  last.set(PDFName.of('AP'), appearance);
}
