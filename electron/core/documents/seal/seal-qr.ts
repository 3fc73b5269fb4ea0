// The seal as a QR code PNG for the certificate page. Error correction M (15%) survives a crease
// or a stamp over a corner without making the symbol too dense for ~90 pt at print; 4 px per
// module and the standard 4-module quiet zone keep modules crisp when the PDF is rasterised.
import QRCode from 'qrcode';

export const SEAL_QR_SIZE_PT = 90;

export function sealQrPng(seal: string): Promise<Buffer> {
  return QRCode.toBuffer(seal, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 4 });
}
