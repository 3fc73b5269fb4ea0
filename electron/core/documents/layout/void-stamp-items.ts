// The VOID copy (the one Census receives on voiding, 31 CFR 592.301(a)(1)(v)): the certificate
// as issued, with a large diagonal "VOID" across it and a banner giving the void date and reason.
// The stamp is translucent so every value underneath stays legible for the agency.
import type { CertificateFontMetrics } from './certificate-fonts';
import type { DisplayItem, Rgb } from './display-list';
import type { FormPosition } from './form-positions';
import { PAGE_HEIGHT, PAGE_WIDTH, signatureBox } from './form-positions';
import { placeField } from './place-field';

const STAMP_RED: Rgb = [0.78, 0.06, 0.06];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const STAMP_SIZE = 190;

export type VoidStamp = { reason: string; date: string };

// The banner sits in the bottom band, between the AES block and the signature area, right of
// the seal box (form-positions.ts) so it never covers the seal's QR.
const banner: FormPosition = {
  x: signatureBox.x,
  y: 188,
  width: 420,
  height: 22,
  maxLines: 2,
  fontSize: 11,
  minFontSize: 7,
  align: 'center',
  valign: 'middle',
};

/** Checks and lays out the stamp (DOCUMENT_TEXT_UNSUPPORTED / _TOO_LONG for the reason). */
export function voidStampItems(fonts: CertificateFontMetrics, stamp: VoidStamp): DisplayItem[] {
  if (!ISO_DATE.test(stamp.date))
    throw new Error(`Void date must be YYYY-MM-DD, got "${stamp.date}"`);
  const text = `VOIDED ${stamp.date} — ${stamp.reason}`;
  const lines = placeField(
    { boxName: 'void reason', runs: [{ source: 'voidStamp.reason', text, weight: 'bold' }] },
    banner,
    fonts,
  );
  const width = fonts.bold.widthOfTextAtSize('VOID', STAMP_SIZE);
  const angle = Math.atan2(PAGE_HEIGHT, PAGE_WIDTH);
  // The word's centre (half its width along the diagonal, about a third of its size across
  // it) falls on the page centre.
  const along = width / 2;
  const across = STAMP_SIZE * 0.36;
  return [
    {
      kind: 'text',
      text: 'VOID',
      x: PAGE_WIDTH / 2 - along * Math.cos(angle) + across * Math.sin(angle),
      y: PAGE_HEIGHT / 2 - along * Math.sin(angle) - across * Math.cos(angle),
      size: STAMP_SIZE,
      weight: 'bold',
      color: STAMP_RED,
      width,
      opacity: 0.22,
      rotate: (angle * 180) / Math.PI,
    },
    {
      kind: 'rect',
      x: banner.x - 4,
      y: banner.y - banner.height - 4,
      width: banner.width + 8,
      height: banner.height + 8,
      fill: [1, 1, 1],
      stroke: STAMP_RED,
      lineWidth: 1.5,
    },
    ...lines.map((line) => ({
      kind: 'text' as const,
      ...line,
      color: STAMP_RED,
      width: fonts[line.weight].widthOfTextAtSize(line.text, line.size),
    })),
  ];
}
