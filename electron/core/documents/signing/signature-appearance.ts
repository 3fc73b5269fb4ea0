// The visible signature: display items for the signature widget's appearance stream (/AP /N, a
// form XObject whose BBox is the widget's rectangle, so viewers show it as the signature field
// itself and print it: the widget has the Print flag). It names the signer, the role, the
// signing time (UTC) and the KP certificate number, in the certificate's regular font (the same
// embedded subset as the page: no second font). The preview paints the same items.
import { AppFailure } from '../../app-failure';
import type { FontMetrics } from '../layout/certificate-fonts';
import type { DisplayItem } from '../layout/display-list';

/** [x1, y1, x2, y2] in PDF points from the page's bottom-left corner, like a PDF /Rect. */
export type SignatureRect = readonly [number, number, number, number];

export type AppearanceText = {
  signerName: string;
  licenseeName: string;
  certificateNumber: string;
  signingTime: Date;
};

export function appearanceLines(text: AppearanceText): string[] {
  const time = text.signingTime.toISOString().slice(0, 16).replace('T', ' ');
  return [
    `Digitally signed by ${text.signerName}`,
    `Authorised signatory for ${text.licenseeName}`,
    `Date: ${time} UTC`,
    `KP certificate ${text.certificateNumber}`,
  ];
}

function assertPrintable(font: FontMetrics, lines: string[]): void {
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

/** The appearance's items in page coordinates: a tinted, framed box with the lines centred. */
export function appearanceItems(
  rect: SignatureRect,
  text: AppearanceText,
  font: FontMetrics,
): DisplayItem[] {
  const [x1, y1, x2, y2] = rect;
  const box = {
    x: Math.min(x1, x2),
    y: Math.min(y1, y2),
    width: Math.abs(x2 - x1),
    height: Math.abs(y2 - y1),
  };
  const lines = appearanceLines(text).map((line) => line.normalize('NFC'));
  assertPrintable(font, lines);
  const pad = Math.min(6, box.height / 10);
  const widest = Math.max(...lines.map((line) => font.widthOfTextAtSize(line, 1)));
  const size = Math.min(
    9,
    (box.height - 2 * pad) / (lines.length * 1.25),
    (box.width - 2 * pad) / widest,
  );
  // The block of lines is centred vertically in the box.
  const top = box.y + (box.height + lines.length * 1.25 * size) / 2;
  return [
    {
      kind: 'rect',
      x: box.x + 0.5,
      y: box.y + 0.5,
      width: box.width - 1,
      height: box.height - 1,
      lineWidth: 0.75,
      fill: [0.97, 0.97, 1],
      stroke: [0.15, 0.25, 0.55],
    },
    ...lines.map((line, index) => ({
      kind: 'text' as const,
      text: line,
      x: box.x + pad,
      y: top - size * (1.25 * index + 1),
      size,
      weight: 'regular' as const,
      color: [0.1, 0.1, 0.1] as const,
      width: font.widthOfTextAtSize(line, size),
    })),
  ];
}
