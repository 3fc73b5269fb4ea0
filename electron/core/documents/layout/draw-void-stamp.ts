// The VOID copy (the one Census receives on voiding, 31 CFR 592.301(a)(1)(v)): the certificate
// as issued, with a large diagonal "VOID" across it and a banner giving the void date and reason.
// The stamp is translucent so every value underneath stays legible for the agency.
import { degrees, rgb } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';
import type { CertificateFonts } from './certificate-fonts';
import type { FormPosition } from './form-positions';
import { PAGE_HEIGHT, PAGE_WIDTH } from './form-positions';
import { drawPlacedLines, placeField } from './place-field';

const STAMP_RED = rgb(0.78, 0.06, 0.06);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const STAMP_SIZE = 190;

export type VoidStamp = { reason: string; date: string };

// The banner sits in the bottom band, between the AES block and the signature area.
const banner: FormPosition = {
  x: 150,
  y: 188,
  width: 440,
  height: 22,
  maxLines: 2,
  fontSize: 11,
  minFontSize: 7,
  align: 'center',
  valign: 'middle',
};

/**
 * Checks and lays out the stamp (DOCUMENT_TEXT_UNSUPPORTED / _TOO_LONG for the reason) and
 * returns the function that draws it, so a bad reason fails before anything is drawn.
 */
export function prepareVoidStamp(
  fonts: CertificateFonts,
  stamp: VoidStamp,
): (page: PDFPage) => void {
  if (!ISO_DATE.test(stamp.date))
    throw new Error(`Void date must be YYYY-MM-DD, got "${stamp.date}"`);
  const text = `VOIDED ${stamp.date} — ${stamp.reason}`;
  const lines = placeField(
    { boxName: 'void reason', runs: [{ source: 'voidStamp.reason', text, weight: 'bold' }] },
    banner,
    fonts,
  );
  return (page) => {
    const font = fonts.bold.pdf;
    const width = font.widthOfTextAtSize('VOID', STAMP_SIZE);
    const angle = Math.atan2(PAGE_HEIGHT, PAGE_WIDTH);
    // The word's centre (half its width along the diagonal, about a third of its size across
    // it) falls on the page centre.
    const along = width / 2;
    const across = STAMP_SIZE * 0.36;
    page.drawText('VOID', {
      x: PAGE_WIDTH / 2 - along * Math.cos(angle) + across * Math.sin(angle),
      y: PAGE_HEIGHT / 2 - along * Math.sin(angle) - across * Math.cos(angle),
      size: STAMP_SIZE,
      font,
      color: STAMP_RED,
      opacity: 0.22,
      rotate: degrees((angle * 180) / Math.PI),
    });
    page.drawRectangle({
      x: banner.x - 4,
      y: banner.y - banner.height - 4,
      width: banner.width + 8,
      height: banner.height + 8,
      color: rgb(1, 1, 1),
      borderColor: STAMP_RED,
      borderWidth: 1.5,
    });
    drawPlacedLines(page, lines, fonts, STAMP_RED);
  };
}
