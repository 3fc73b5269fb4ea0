// The seal's QR symbol as a module matrix for the page's painters (layout/display-list.ts): byte
// mode, error correction M (15 %: survives a crease or a stamp over a corner), the version the
// text needs. The mask is fixed instead of chosen by the penalty rules: ISO/IEC 18004 §7.8 lets
// an encoder use any of the eight masks (its pattern reference is in the format information, so
// every reader decodes any of them), and scoring all eight cost the qrcode library 5–50 ms per
// certificate. Mask 0 is tested with zbarimg on real renderings (tests/integration/documents).
import QRCode from 'qrcode';

export const SEAL_QR_MASK: QRCode.QRCodeMaskPattern = 0;

export type QrSymbol = { size: number; modules: Uint8Array };

export function sealQrSymbol(seal: string): QrSymbol {
  // One byte-mode segment, given explicitly: the library's search for the shortest mix of modes
  // (a shortest-path over every character) costs more than the rest of the symbol, and a seal
  // is base64url text, which only byte mode holds whole.
  const { modules } = QRCode.create([{ data: Buffer.from(seal, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    maskPattern: SEAL_QR_MASK,
  });
  return { size: modules.size, modules: modules.data };
}
