// The seal's QR code drawn as vector squares straight into the page, the fast path for issuing:
// no PNG to encode and for pdf-lib to decode and re-compress (together ~60% of the time of a
// sealed, signed certificate), and modules stay sharp at any print or render resolution. Same
// symbol as seal-qr.ts: byte mode, error correction M, automatic mask, 4-module quiet zone.
import type { PDFPage } from 'pdf-lib';
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor } from 'pdf-lib';
import QRCode from 'qrcode';

export type QrRect = readonly [number, number, number, number];

// The modules fill the whole box; the 4-module quiet zone (~4 pt) is the white page around it
// (the seal box sits in the form's margin). Inside a 90 pt box that makes each module ~10%
// larger, which is what lets a 150 dpi rendering of a ~500-character seal still decode.
const QUIET_ZONE = 0;

/** Draws `seal` as a QR code filling the square `rect` ([x1, y1, x2, y2] in points). */
export function drawSealQr(page: PDFPage, seal: string, rect: QrRect): void {
  const { modules } = QRCode.create(seal, { errorCorrectionLevel: 'M' });
  const [x1, y1, x2, y2] = rect;
  const side = Math.min(Math.abs(x2 - x1), Math.abs(y2 - y1));
  const unit = side / (modules.size + 2 * QUIET_ZONE);
  const left = Math.min(x1, x2) + unit * QUIET_ZONE;
  const top = Math.min(y1, y2) + side - unit * QUIET_ZONE;
  const operators = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (let row = 0; row < modules.size; row += 1) {
    // One rectangle per run of dark modules in a row: a few hundred operators, not thousands.
    for (let col = 0; col < modules.size;) {
      if (modules.data[row * modules.size + col] !== 1) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.data[row * modules.size + col] === 1) col += 1;
      operators.push(
        rectangle(left + start * unit, top - (row + 1) * unit, (col - start) * unit, unit),
      );
    }
  }
  operators.push(fill(), popGraphicsState());
  page.pushOperators(...operators);
}
